import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'veo-tools.veo-tasks';

describe('Extension activation', () => {
  it('is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('runs in VS Code 1.100.3', () => {
    assert.equal(vscode.version, '1.100.3');
  });

  it('contributes the VEO view container and Tasks view', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].title, 'VEO');
    assert.equal(pkg.contributes.views.veo[0].id, 'veo.tasks');
  });

  it('can focus the Tasks view', async () => {
    await vscode.commands.executeCommand('veo.tasks.focus');
  });
});

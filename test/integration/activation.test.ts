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

  it('runs in the VS Code the runner chose, no older than engines.vscode allows', () => {
    const expected = process.env.VEO_HOST_VERSION;
    assert.ok(expected, 'the runner names the host version');
    assert.equal(vscode.version, expected);
    const oldest = String(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.engines.vscode).replace(/^\^/, '');
    const parts = (v: string) => v.split('.').map((n) => parseInt(n, 10));
    const [a, b] = [parts(vscode.version), parts(oldest)];
    const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    assert.ok(cmp >= 0, `VS Code ${vscode.version} is older than engines.vscode ${oldest}`);
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

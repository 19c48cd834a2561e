// Inside the extension host of a VS Code whose display language is zh-cn (run.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'veo-tools.veo-tasks';

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

describe('zh-cn display language', () => {
  it('vscode.env.language is zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it("the extension's manifest reaches the extension host with package.nls.zh-cn.json's texts", () => {
    const ext = extension();
    const zh = readJson(path.join(ext.extensionPath, 'package.nls.zh-cn.json'));
    const en = readJson(path.join(ext.extensionPath, 'package.nls.json'));
    type Title = string | { value: string; original: string };
    const pkg = ext.packageJSON as { displayName: string; contributes: { commands: { command: string; title: Title }[] } };
    assert.equal(pkg.displayName, zh.displayName);
    // A localised command title keeps its English original (the palette shows it as an alias).
    const title = (id: string) => pkg.contributes.commands.find((c) => c.command === id)?.title;
    assert.deepEqual(title('veo.setApiKey'), { value: zh['command.setApiKey.title'], original: en['command.setApiKey.title'] });
    assert.deepEqual(title('veo.trackTask'), { value: zh['command.trackTask.title'], original: en['command.trackTask.title'] });
  });

  it('vscode.l10n.bundle is the zh-cn bundle when the extension ships one, else none (English)', () => {
    const ext = extension();
    const l10nDir = (ext.packageJSON as { l10n?: string }).l10n;
    const bundle = l10nDir ? path.join(ext.extensionPath, l10nDir, 'bundle.l10n.zh-cn.json') : undefined;
    if (bundle && fs.existsSync(bundle)) assert.deepEqual(vscode.l10n.bundle, readJson(bundle));
    else assert.equal(vscode.l10n.bundle, undefined);
  });
});

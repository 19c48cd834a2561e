// Runtime texts in a zh-cn VS Code: the extension wires t() to vscode.l10n.t, so its rows,
// tooltips come from l10n/bundle.l10n.zh-cn.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';

const ID = 'vgen_zhcn0runtime1';

describe('zh-cn runtime texts', () => {
  let api: TestApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<TestApi | undefined>('veo-tools.veo-tasks');
    assert.ok(ext, 'the extension is installed');
    const exported = await ext.activate();
    assert.ok(exported, 'the extension runs in test mode (its test API)');
    api = exported;
    await api.store.ready;
  });

  after(() => {
    api?.store.remove([ID]);
  });

  it('a task row and its tooltip read in Chinese', () => {
    api.store.add([ID], Date.now());
    const row = api.tree.getTreeItem(ID);
    assert.equal(row.description, '正在检查...');
    const tooltip = api.tree.resolveTreeItem(row, ID);
    assert.match((tooltip.tooltip as vscode.MarkdownString).value, /\n- 尚未查询$/);
  });
});

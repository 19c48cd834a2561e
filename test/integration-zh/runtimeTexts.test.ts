// Runtime texts in a zh-cn VS Code: the extension wires t() to vscode.l10n.t, so its rows,
// tooltips and failure reasons (also those of the separate network bundle) come from
// l10n/bundle.l10n.zh-cn.json.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';

const ID = 'vgen_zhcn0runtime1';
const POLLED = 'vgen_zhcn0refused2';

/** A loopback port nothing listens on (a connection to it is refused). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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

  after(async () => {
    api?.store.remove([ID, POLLED]);
    await vscode.commands.executeCommand('veo.clearApiKey');
    await vscode.workspace.getConfiguration('veo').update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a task row and its tooltip read in Chinese', () => {
    api.store.add([ID], Date.now());
    const row = api.tree.getTreeItem(ID);
    assert.equal(row.description, '正在检查...');
    const tooltip = api.tree.resolveTreeItem(row, ID);
    assert.match((tooltip.tooltip as vscode.MarkdownString).value, /\n- 尚未查询$/);
  });

  // The network bundle (undici, the API client, downloads) is a second esbuild bundle with its
  // own copy of the l10n seam; this runs the packaged bundles, so it fails if that copy is not
  // handed the translator activate() wired.
  it('a failure reason from the network bundle reads in Chinese: a refused connection while polling', async () => {
    await vscode.workspace.getConfiguration('veo').update('baseUrl', `http://127.0.0.1:${await closedPort()}`, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('veo.setApiKey', 'zh-cn-test-key');
    api.store.add([POLLED], Date.now());
    await vscode.commands.executeCommand('veo.refresh');
    const deadline = Date.now() + 20_000;
    while (api.store.get(POLLED)?.problem === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(api.store.get(POLLED)?.problem?.message ?? '(no problem recorded)', /^连接被拒绝/);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { FIXTURE_VIDEO, VeoSimulator } from '../../sim/simulator';
import { trackFinishedTask, useSimulator, waitFor } from './helpers';
import { captureNotifications } from './notificationsCapture';
import { interceptCommand } from './stubs';

/** The commands of the tree's context menu, the notifications and the view's title bar, each run with its effect checked. */
describe('Commands in VS Code', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;
  let dir: string;

  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-cmd-'));
    await vscode.env.clipboard.writeText('clipboard before');
  });
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const clipboard = () => vscode.env.clipboard.readText();
  const label = (id: string) => api.tree.getTreeItem(id).label;

  /** A completed task whose video is downloaded to `dir`. */
  async function downloadedTask(): Promise<{ id: string; file: string }> {
    const id = await trackFinishedTask(world);
    const file = path.join(dir, `${id}.mp4`);
    await vscode.commands.executeCommand('veo.downloadVideo', id, [id], { file });
    assert.equal(api.store.get(id)?.localFile, file);
    return { id, file };
  }

  function tabsOfUri(uri: vscode.Uri): vscode.Tab[] {
    return vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => (t.input instanceof vscode.TabInputCustom || t.input instanceof vscode.TabInputText) && t.input.uri.toString() === uri.toString());
  }

  it('Copy Task ID copies the clicked id, or every selected id one per line', async () => {
    const a = sim.addTask({ queuedMs: 1e9 }).id;
    const b = sim.addTask({ queuedMs: 1e9 }).id;
    const c = sim.addTask({ queuedMs: 1e9 }).id;
    await vscode.commands.executeCommand('veo.trackTask', `${a} ${b} ${c}`);

    await vscode.commands.executeCommand('veo.copyTaskId', b);
    assert.equal(await clipboard(), b);
    await vscode.commands.executeCommand('veo.copyTaskId', a, [a, c]);
    assert.equal(await clipboard(), `${a}\n${c}`);
    await vscode.commands.executeCommand('veo.copyTaskId');
    assert.equal(await clipboard(), `${a}\n${c}`, 'no row: the clipboard is left alone');
    await vscode.commands.executeCommand('veo.copyTaskId', 'text of a command link');
    assert.equal(await clipboard(), `${a}\n${c}`, 'only tracked ids are copied');
  });

  it('Rename Task changes the row label; empty restores the id; a 200-character label is cut to 120', async () => {
    const id = sim.addTask({ queuedMs: 1e9 }).id;
    await vscode.commands.executeCommand('veo.trackTask', id);
    assert.equal(label(id), id);
    const redrawn: Array<string | undefined> = [];
    const listener = api.tree.onDidChangeTreeData((e) => redrawn.push(e as string | undefined));
    try {
      await vscode.commands.executeCommand('veo.renameTask', id, '  Sunset over the bay  ');
      assert.equal(label(id), 'Sunset over the bay');
      assert.ok(redrawn.includes(id), 'the row is redrawn');

      await vscode.commands.executeCommand('veo.renameTask', id, '   ');
      assert.equal(label(id), id, 'empty: the id again');
      assert.equal(api.store.get(id)?.label, undefined);

      await vscode.commands.executeCommand('veo.renameTask', id, 'x'.repeat(200));
      assert.equal(label(id), 'x'.repeat(120));
    } finally {
      listener.dispose();
    }
  });

  it('Copy Video URL copies the link of each selected task that has one', async () => {
    const a = await trackFinishedTask(world);
    const b = await trackFinishedTask(world);
    const failed = await trackFinishedTask(world, { outcome: 'failed' });
    const url = (id: string) => api.store.get(id)!.result!.video_url!;
    assert.ok(url(a).startsWith(sim.videoOrigin));

    await vscode.commands.executeCommand('veo.copyVideoUrl', a);
    assert.equal(await clipboard(), url(a));
    await vscode.commands.executeCommand('veo.copyVideoUrl', a, [b, failed, a]);
    assert.equal(await clipboard(), `${url(b)}\n${url(a)}`);
    await vscode.commands.executeCommand('veo.copyVideoUrl', failed);
    assert.equal(await clipboard(), `${url(b)}\n${url(a)}`, 'no link: the clipboard is left alone');
  });

  it('Open Video File opens the downloaded copy in the video editor', async () => {
    const notDownloaded = await trackFinishedTask(world);
    await vscode.commands.executeCommand('veo.openVideoFile', notDownloaded);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0, 'nothing to open without a copy');

    const { id, file } = await downloadedTask();
    await vscode.commands.executeCommand('veo.openVideoFile', id);
    await waitFor('a tab for the file', () => tabsOfUri(vscode.Uri.file(file)).length === 1);
    const tab = tabsOfUri(vscode.Uri.file(file))[0];
    assert.equal(tab.isActive, true);
    assert.equal(tab.label, path.basename(file));
    assert.ok(fs.readFileSync(file).equals(fs.readFileSync(FIXTURE_VIDEO)));
  });

  it('Reveal in File Explorer asks VS Code to reveal the downloaded file in the OS', async () => {
    const notDownloaded = await trackFinishedTask(world);
    const { id, file } = await downloadedTask();
    // The OS file manager is outside the workbench (and the web workbench has no
    // revealFileInOS at all): the call is recorded instead.
    const reveal = interceptCommand('revealFileInOS');
    try {
      await vscode.commands.executeCommand('veo.revealDownload', notDownloaded);
      await vscode.commands.executeCommand('veo.revealDownload', id);
    } finally {
      reveal.dispose();
    }
    assert.equal(reveal.calls.length, 1, 'only the downloaded task has something to reveal');
    const [uri] = reveal.calls[0] as [vscode.Uri];
    assert.ok(uri instanceof vscode.Uri);
    assert.equal(uri.scheme, 'file');
    assert.equal(uri.fsPath, file);
  });

  it('Show Log shows the VEO output channel with what the extension logged', async () => {
    const id = sim.addTask({ queuedMs: 1e9 }).id;
    await vscode.commands.executeCommand('veo.trackTask', id);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    // The channel's document: output:veo-tools.veo-tasks.VEO (1.100), ….VEO.log (1.139).
    const logEditor = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'output' && /\.VEO(\.log)?$/.test(e.document.uri.path));
    await waitFor('no log shown', () => logEditor() === undefined);

    await vscode.commands.executeCommand('veo.showLog');
    await waitFor('the VEO log is visible', () => logEditor() !== undefined);
    await waitFor('it has the log lines', () => logEditor()!.document.getText().includes(`Tracking ${id}`));
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('Show Task reveals and selects the task\'s row', async () => {
    const a = await trackFinishedTask(world);
    const b = await trackFinishedTask(world);
    await vscode.commands.executeCommand('veo.showTask', b);
    await waitFor(`${b} selected (selection: ${api.selection()})`, () => api.selection().join() === b);
    await vscode.commands.executeCommand('veo.showTask', a);
    await waitFor(`${a} selected (selection: ${api.selection()})`, () => api.selection().join() === a);
    await vscode.commands.executeCommand('veo.showTask', 'vgen_not_tracked');
    assert.deepEqual(api.selection(), [a], 'an untracked id changes nothing');
  });

  it('New Video opens the empty form; from Selection the selected text is the prompt; Retry pre-fills what a failed task asked', async () => {
    await vscode.commands.executeCommand('veo.newVideo');
    assert.equal(api.createForm.isOpen(), true);
    assert.deepEqual(api.createForm.shownValues(), {});
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the form closed', () => !api.createForm.isOpen());

    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'notes\na red fox at dawn\nmore notes');
    const doc = await vscode.workspace.openTextDocument(notes);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, 'a red fox at dawn'.length);
    await vscode.commands.executeCommand('veo.newVideoFromSelection');
    assert.equal(api.createForm.isOpen(), true);
    assert.deepEqual(api.createForm.shownValues(), { prompt: 'a red fox at dawn' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the form closed', () => !api.createForm.isOpen());

    const failed = await trackFinishedTask(world, { outcome: 'failed' });
    const asked = { prompt: 'a red fox at dusk', model: 'veo_3_1_pro_stable', resolution: '1080p', aspectRatio: '16:9', mode: 'text' } as const;
    api.store.update(failed, { request: { ...asked } });
    await vscode.commands.executeCommand('veo.retryTask', failed);
    assert.equal(api.createForm.isOpen(), true);
    assert.deepEqual(api.createForm.shownValues(), asked);
  });

  it('Preview Video of an untracked id warns and opens nothing for it', async () => {
    const tracked = await trackFinishedTask(world);
    const capture = captureNotifications();
    try {
      await vscode.commands.executeCommand('veo.previewVideo', 'vgen_not_tracked');
      await vscode.commands.executeCommand('veo.previewVideo', tracked, ['vgen_other_unknown', tracked]);
    } finally {
      capture.restore();
    }
    assert.deepEqual(
      capture.shown.map((s) => [s.kind, s.message]),
      [
        ['warning', 'VEO: not a tracked task: vgen_not_tracked'],
        ['warning', 'VEO: not a tracked task: vgen_other_unknown'],
      ],
    );
    assert.equal(api.previews.panelFor('vgen_not_tracked'), undefined);
    assert.ok(api.previews.panelFor(tracked), 'the tracked one opens');
  });
});

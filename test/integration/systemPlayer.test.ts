import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { hasSoundText, probablySoundRemoteText } from '../../src/preview/soundNotice';
import type { VeoSimulator } from '../../sim/simulator';
import { trackFinishedTask, useSimulator, waitFor, WEBVIEW_PAGE_MS } from './helpers';
import { captureNotifications } from './notificationsCapture';
import { stubOpenExternal, stubSaveDialog } from './stubs';

/** A webview page's own load and first report may be slow on CI's two cores. */
const PAGE_MS = WEBVIEW_PAGE_MS;

/** "Open in System Player" (tree, palette, preview button), the preview's sound notice, and "Copy as Markdown". */
describe('System player and Markdown links in VS Code', function () {
  this.timeout(90_000);
  let sim: VeoSimulator;
  let api: TestApi;
  let dir: string;

  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-player-'))));
  afterEach(async () => {
    for (const t of api.store.all()) api.previews.panelFor(t.id)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A completed task whose video is downloaded to `folder` (the simulator's fixture: H.264 with an AAC sound track). */
  async function downloadedTask(folder = dir): Promise<{ id: string; file: string }> {
    const id = await trackFinishedTask(world);
    const file = path.join(folder, `${id} (take 1).mp4`);
    await vscode.commands.executeCommand('veo.downloadVideo', id, [id], { file });
    assert.equal(api.store.get(id)?.localFile, file);
    return { id, file };
  }

  it('Open in System Player opens the downloaded file with the OS (openExternal of its file URI); nothing for a task without a copy', async () => {
    const notDownloaded = await trackFinishedTask(world);
    const { id, file } = await downloadedTask();
    const external = stubOpenExternal();
    try {
      await vscode.commands.executeCommand('veo.openInSystemPlayer', notDownloaded);
      await vscode.commands.executeCommand('veo.openInSystemPlayer', '/etc/passwd');
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
    } finally {
      external.restore();
    }
    assert.equal(external.opened.length, 1, 'only the downloaded task opens');
    const [uri] = external.opened as [vscode.Uri];
    assert.ok(uri instanceof vscode.Uri);
    assert.equal(uri.scheme, 'file');
    assert.equal(uri.fsPath, vscode.Uri.file(file).fsPath);
  });

  it('never hands the OS a link, a folder or a file that is not an .mp4 in the video\'s place: says so plainly', async () => {
    const { id, file } = await downloadedTask();
    const real = path.join(dir, 'elsewhere.mp4');
    fs.renameSync(file, real);
    fs.symlinkSync(real, file);
    const script = path.join(dir, 'run-me.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho hi\n', { mode: 0o755 });
    const external = stubOpenExternal();
    const capture = captureNotifications();
    try {
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
      api.store.update(id, { localFile: script });
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
      api.store.update(id, { localFile: dir });
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
      // The positive control: the same task with a plain .mp4 opens.
      api.store.update(id, { localFile: real });
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
    } finally {
      capture.restore();
      external.restore();
    }
    assert.deepEqual(
      external.opened.map((u) => (u as vscode.Uri).fsPath),
      [vscode.Uri.file(real).fsPath],
      'only the plain .mp4 was opened',
    );
    const refusal = (f: string) => ({
      kind: 'warning',
      message: `VEO: ${f} is not a plain .mp4 file (a link, a folder or another kind of file), so it was not handed to the system player. Open it yourself from its folder if you trust it.`,
      actions: [],
    });
    assert.deepEqual(capture.shown, [refusal(file), refusal(script), refusal(dir)]);
  });

  it('a downloaded file that is gone: says so plainly and offers Download Again while the link works', async () => {
    const { id, file } = await downloadedTask();
    fs.rmSync(file);
    const external = stubOpenExternal();
    const capture = captureNotifications();
    try {
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
      api.store.update(id, { linkExpired: true });
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
    } finally {
      capture.restore();
      external.restore();
    }
    assert.deepEqual(external.opened, [], 'nothing opened');
    assert.deepEqual(capture.shown, [
      { kind: 'warning', message: `VEO: the downloaded video of "${id}" is no longer at ${file}. Its link still works.`, actions: ['Download Again'] },
      { kind: 'warning', message: `VEO: the downloaded video of "${id}" is no longer at ${file}. Its link has expired, so it cannot be downloaded again.`, actions: [] },
    ]);
  });

  it('Download Again downloads the task again (the user chooses where)', async () => {
    const { id, file } = await downloadedTask();
    fs.rmSync(file);
    const again = path.join(dir, 'again.mp4');
    const dialog = stubSaveDialog(again);
    const window = vscode.window as unknown as Record<'showWarningMessage', unknown>;
    const original = window.showWarningMessage;
    window.showWarningMessage = async () => 'Download Again';
    try {
      await vscode.commands.executeCommand('veo.openInSystemPlayer', id);
      await waitFor('downloaded again', () => api.store.get(id)?.localFile === again);
    } finally {
      window.showWarningMessage = original;
      dialog.restore();
    }
    assert.equal(dialog.asked.length, 1);
    assert.ok(fs.existsSync(again));
  });

  it('the palette asks which downloaded task (only those are offered)', async () => {
    const notDownloaded = await trackFinishedTask(world);
    const { id, file } = await downloadedTask();
    const window = vscode.window as unknown as Record<'showQuickPick', unknown>;
    const original = window.showQuickPick;
    const offered: string[][] = [];
    window.showQuickPick = async (items: Array<{ id: string }>) => {
      offered.push(items.map((i) => i.id));
      return items.find((i) => i.id === id);
    };
    const external = stubOpenExternal();
    try {
      await vscode.commands.executeCommand('veo.openInSystemPlayer');
    } finally {
      window.showQuickPick = original;
      external.restore();
    }
    assert.equal(offered.length, 1);
    assert.ok(offered[0].includes(id) && !offered[0].includes(notDownloaded), JSON.stringify(offered));
    assert.equal((external.opened[0] as vscode.Uri).fsPath, vscode.Uri.file(file).fsPath);
  });

  it('the preview says the sound is in the system player, and its button (the page\'s own click) opens the file', async () => {
    const { id, file } = await downloadedTask();
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor('the page is rendered', () => api.previews.htmlFor(id) !== undefined);
    const html = api.previews.htmlFor(id)!;
    assert.ok(html.includes(`<p id="sound-notice" class="notice" role="note">${hasSoundText()}</p>`), html);
    await waitFor(`${id}'s page reports its state`, () => api.previews.lastState(id) !== undefined, PAGE_MS);

    // The real page with one more script (carrying its nonce) that clicks the button as a user would.
    const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
    assert.ok(nonce);
    const click = `<script nonce="${nonce}">document.querySelector('.toolbar button[data-action="openInSystemPlayer"]').click();</script>`;
    const external = stubOpenExternal();
    try {
      api.previews.panelFor(id)!.webview.html = html.replace('</body>', `${click}\n</body>`);
      await waitFor('openExternal asked', () => external.opened.length > 0, PAGE_MS);
    } finally {
      external.restore();
    }
    assert.equal(external.opened.length, 1);
    assert.equal((external.opened[0] as vscode.Uri).scheme, 'file');
    assert.equal((external.opened[0] as vscode.Uri).fsPath, vscode.Uri.file(file).fsPath);
  });

  it('not downloaded: a VEO 3 video\'s preview suggests downloading for the sound; another model\'s says nothing', async () => {
    const veo3 = await trackFinishedTask(world, { model: 'veo_3_1_fast' });
    const other = await trackFinishedTask(world, { model: 'some_silent_model' });
    for (const id of [veo3, other]) {
      await vscode.commands.executeCommand('veo.previewVideo', id);
      await waitFor('the page is rendered', () => api.previews.htmlFor(id) !== undefined);
    }
    const veo3Html = api.previews.htmlFor(veo3)!;
    assert.ok(veo3Html.includes(`role="note">${probablySoundRemoteText()}</p>`), veo3Html);
    assert.ok(!veo3Html.includes('data-action="openInSystemPlayer"'), 'no file: no system player button');
    assert.ok(!api.previews.htmlFor(other)!.includes('sound-notice'));
  });

  it('Copy as Markdown: the local file (relative inside the workspace folder, file:// outside), else the video URL; the label escaped', async () => {
    const clipboard = () => vscode.env.clipboard.readText();
    const outside = await downloadedTask();
    api.store.update(outside.id, { label: 'Cat [take](1) *best*' });
    const online = await trackFinishedTask(world);
    const url = api.store.get(online)!.result!.video_url!;
    const failed = await trackFinishedTask(world, { outcome: 'failed' });

    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('veo.copyAsMarkdown', outside.id);
    assert.equal(await clipboard(), `[Cat \\[take\\]\\(1\\) \\*best\\*](${vscode.Uri.file(outside.file).toString(true).replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29')})`);

    await vscode.commands.executeCommand('veo.copyAsMarkdown', online, [online, failed, outside.id]);
    const lines = (await clipboard()).split('\n');
    assert.equal(lines.length, 2, 'the failed task has nothing to link to');
    assert.equal(lines[0], `[${online.replace(/_/g, '\\_')}](${url})`);

    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('veo.copyAsMarkdown', failed);
    assert.equal(await clipboard(), 'before', 'nothing to link: the clipboard is left alone');

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    const videos = path.join(folder.uri.fsPath, `veo-videos-${Date.now()}`);
    fs.mkdirSync(videos);
    try {
      const inside = await downloadedTask(videos);
      await vscode.commands.executeCommand('veo.copyAsMarkdown', inside.id);
      assert.equal(await clipboard(), `[${inside.id.replace(/_/g, '\\_')}](${path.basename(videos)}/${encodeURIComponent(path.basename(inside.file)).replace(/\(/g, '%28').replace(/\)/g, '%29')})`);
    } finally {
      fs.rmSync(videos, { recursive: true, force: true });
    }
    assert.ok(sim.requests.length > 0);
  });
});

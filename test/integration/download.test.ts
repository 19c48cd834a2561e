import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DownloadOutcome } from '../../src/download/downloadManager';
import type { TestApi } from '../../src/testApi';
import { FIXTURE_VIDEO, TaskSpec, VeoSimulator } from '../../sim/simulator';
import { reactivate, setSetting, trackFinishedTask, useSimulator, waitFor } from './helpers';
import { captureNotifications } from './notificationsCapture';

describe('Downloading videos in VS Code', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;
  let dir: string;
  const fixture = fs.readFileSync(FIXTURE_VIDEO);
  const item = (id: string) => api.tree.getTreeItem(id);

  const world = useSimulator({ withKey: true });
  const completedTask = (spec?: TaskSpec) => trackFinishedTask(world, spec);
  before(() => ({ sim, api } = world));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-dl-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('offers Download on a completed task, and writes the exact bytes to the chosen file', async () => {
    const id = await completedTask();
    assert.equal(item(id).contextValue, 'veoTask completed previewable downloadable hasLink');
    assert.equal(item(id).command?.command, 'veo.previewVideo');
    const file = path.join(dir, 'chosen.mp4');
    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', id, [id], { file });
    assert.deepEqual(outcomes, [{ id, file }]);
    assert.ok(fs.readFileSync(file).equals(fixture));
    assert.deepEqual(fs.readdirSync(dir), ['chosen.mp4']);
    assert.equal(api.store.get(id)?.localFile, file);
    assert.equal(item(id).contextValue, 'veoTask completed downloaded previewable hasFile hasLink');
    assert.match(String(item(id).description), /✓ downloaded/);
    assert.match((api.row(id).tooltip as vscode.MarkdownString).value, /downloaded to/);
    const video = sim.requests.filter((r) => r.server === 'video');
    assert.ok(video.length > 0 && video.every((r) => r.headers.authorization === undefined), 'the key never reaches the video host');
  });

  it('asks where to save, starting in veo.downloadDirectory with <id>.mp4, and saves where the user answered', async () => {
    await setSetting('downloadDirectory', dir);
    const id = await completedTask();
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    let asked: vscode.SaveDialogOptions | undefined;
    const answer = path.join(dir, 'answered by the test.mp4');
    window.showSaveDialog = async (options) => {
      asked = options;
      return vscode.Uri.file(answer);
    };
    try {
      const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', id);
      assert.deepEqual(outcomes, [{ id, file: answer }]);
    } finally {
      window.showSaveDialog = original;
      await setSetting('downloadDirectory', undefined);
    }
    assert.equal(asked?.defaultUri?.fsPath, path.join(dir, `${id}.mp4`));
    assert.deepEqual(asked?.filters, { 'MP4 video': ['mp4'] });
    assert.ok(fs.readFileSync(answer).equals(fixture));
  });

  it('downloads several selected tasks into one folder with safe, distinct names', async () => {
    const a = await completedTask({ id: 'vgen_a:b*c' });
    const b = await completedTask();
    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', a, [a, b], { folder: dir });
    assert.equal(outcomes.length, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['vgen_a_b_c.mp4', `${b}.mp4`].sort());
  });

  it('marks an expired link as expired instead of a generic error', async () => {
    const id = await completedTask({ videoTtlMs: 1000 });
    sim.advance(5000);
    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', id, [id], { file: path.join(dir, 'x.mp4') });
    assert.equal(outcomes.length, 1);
    assert.equal('reason' in outcomes[0] && outcomes[0].reason, 'expired');
    assert.equal(api.store.get(id)?.linkExpired, true);
    assert.equal(item(id).contextValue, 'veoTask completed expired previewable');
    assert.match(String(item(id).description), /link expired/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('still tries a link past its estimated expiry, and saves the video when the host serves it', async () => {
    const id = await completedTask();
    api.store.update(id, { completedAt: Date.now() - 25 * 3_600_000 });
    assert.equal(item(id).contextValue, 'veoTask completed expired previewable downloadable', 'still offered');
    const file = path.join(dir, 'late.mp4');
    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', id, [id], { file });
    assert.deepEqual(outcomes, [{ id, file }]);
    assert.ok(fs.readFileSync(file).equals(fixture));
  });

  it('warns once when a link that is not downloaded is about to expire, not again after a reload', async () => {
    const almostExpired = () => ({ completedAt: Date.now() - 22 * 3_600_000 - 90_000 });
    const capture = captureNotifications();
    const warningsAbout = (id: string) => capture.shown.filter((s) => s.kind === 'warning' && s.message.includes(id));
    try {
      const id = await completedTask();
      const control = await completedTask();
      assert.equal(api.store.get(id)?.expiryWarned, undefined, 'a fresh link is not warned about');
      assert.deepEqual(capture.shown.filter((s) => s.kind === 'warning'), []);
      api.store.update(id, almostExpired());
      await waitFor('expiry warning', () => warningsAbout(id).length === 1);
      assert.match(warningsAbout(id)[0].message, /expires in about 1h 58m and it is not downloaded/);
      assert.deepEqual(warningsAbout(id)[0].actions, ['Download']);
      assert.equal(api.store.get(id)?.expiryWarned, true);
      assert.match(String(item(id).description), /link expires in 1h 58m/);

      // Second chances: a reload (the watcher starts over) and another task's change. The
      // other task's warning is the positive control: once it showed, this one would have.
      api = await reactivate(world);
      api.store.update(control, almostExpired());
      await waitFor('the other task is warned about', () => warningsAbout(control).length === 1);
      assert.equal(warningsAbout(id).length, 1, 'warned once');
    } finally {
      capture.restore();
    }
  });

  it('downloads every completed task not yet downloaded, and only those', async () => {
    const fresh = await completedTask();
    const other = await completedTask();
    const downloaded = await completedTask();
    const deadLink = await completedTask();
    await completedTask({ outcome: 'failed' });
    const running = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', running.id);
    await waitFor('queued', () => api.store.get(running.id)?.result?.status === 'queued');
    const earlier = path.join(dir, 'earlier.mp4');
    await vscode.commands.executeCommand('veo.downloadVideo', downloaded, [downloaded], { file: earlier });
    api.store.update(deadLink, { linkExpired: true });

    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadAllCompleted', { folder: dir });
    assert.deepEqual(outcomes.map((o) => o.id).sort(), [fresh, other].sort());
    for (const o of outcomes) {
      assert.ok('file' in o, JSON.stringify(o));
      assert.equal(o.file, path.join(dir, `${o.id}.mp4`));
      assert.ok(fs.readFileSync(o.file).equals(fixture));
      assert.equal(api.store.get(o.id)?.localFile, o.file);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['earlier.mp4', `${fresh}.mp4`, `${other}.mp4`].sort());

    const capture = captureNotifications();
    try {
      const again = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadAllCompleted', { folder: dir });
      assert.deepEqual(again, []);
    } finally {
      capture.restore();
    }
    assert.deepEqual(capture.shown.map((s) => s.kind), ['info'], 'says there is nothing to download');
    assert.match(capture.shown[0].message, /already downloaded/);
  });

  it('auto-downloads a task when it completes', async () => {
    await setSetting('downloadDirectory', dir);
    await setSetting('autoDownload', true);
    try {
      const t = sim.addTask({ queuedMs: 1_000, processingMs: 1_000 });
      await vscode.commands.executeCommand('veo.trackTask', t.id);
      await waitFor('queued', () => api.store.get(t.id)?.result?.status === 'queued');
      sim.advance(5_000);
      await vscode.commands.executeCommand('veo.refresh');
      const file = path.join(dir, `${t.id}.mp4`);
      await waitFor('auto-downloaded file', () => api.store.get(t.id)?.localFile === file);
      assert.ok(fs.readFileSync(file).equals(fixture));
    } finally {
      await setSetting('autoDownload', undefined);
      await setSetting('downloadDirectory', undefined);
    }
  });
});

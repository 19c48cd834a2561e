import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { expiredText } from '../../src/preview/previewModel';
import { FIXTURE_VIDEO, TaskSpec, VeoSimulator } from '../../sim/simulator';
import { reactivateWithSerializer, revivePanel, trackFinishedTask, useSimulator, waitFor, WEBVIEW_PAGE_MS } from './helpers';
import { captureNotifications } from './notificationsCapture';
import { stubOpenExternal, stubSaveDialog } from './stubs';

const PAGE_MS = WEBVIEW_PAGE_MS;

/** The page's `data-settings`, unescaped and parsed. */
function pageSettings(html: string): { taskId: string; src?: string; error?: { kind: string; message: string } } {
  const m = /data-settings="([^"]*)"/.exec(html);
  assert.ok(m, 'the page has data-settings');
  const json = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(json);
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('veo.preview'));
}

describe('Previewing videos in VS Code', function () {
  this.timeout(90_000);
  let sim: VeoSimulator;
  let api: TestApi;
  let tmp: string;

  const previews = () => api.previews;
  const state = (id: string) => previews().lastState(id);
  const videoRequestsFor = (id: string) => sim.requests.filter((r) => r.server === 'video' && r.path.includes(encodeURIComponent(id))).length;

  const world = useSimulator({ withKey: true });
  const completedTask = (spec?: TaskSpec) => trackFinishedTask(world, spec);

  /**
   * Loads task `id`'s page again (its real HTML and media/preview.js) with one more script,
   * carrying the page's nonce, that clicks the toolbar button `action` as a user would; the
   * page's own click handler posts the message.
   */
  function clickToolbarButton(id: string, action: 'download' | 'copyUrl' | 'openExternal'): void {
    const html = previews().htmlFor(id)!;
    const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
    assert.ok(nonce, 'the page script has a nonce');
    const toolbar = /<div class="toolbar">([^]*?)<\/div>/.exec(html)?.[1] ?? '';
    assert.ok(toolbar.includes(`data-action="${action}"`), `the toolbar has ${action}: ${toolbar}`);
    const click = `<script nonce="${nonce}">document.querySelector('.toolbar button[data-action="${action}"]').click();</script>`;
    previews().panelFor(id)!.webview.html = html.replace('</body>', `${click}\n</body>`);
  }

  async function waitForPage(id: string): Promise<void> {
    await waitFor(`${id}'s page reports its state`, () => state(id) !== undefined, PAGE_MS);
  }

  async function waitForPlaying(id: string, beyond = 0.5): Promise<void> {
    await waitFor(`${id} plays beyond ${beyond} s (last state: ${JSON.stringify(state(id))})`, () => {
      const s = state(id);
      return s?.state === 'playing' && (s.currentTime ?? 0) > beyond;
    }, PAGE_MS);
  }

  before(() => {
    ({ sim, api } = world);
    assert.ok(api.previews, 'activate returns the PreviewManager in its test API');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-preview-'));
  });
  afterEach(async () => {
    // Pages are closed only once they have settled, so fewer fetches are cut off (see WEBVIEW_PAGE_MS).
    const open = api.store.all().map((t) => t.id).filter((id) => previews().panelFor(id));
    const settled = (id: string) => !previews().panelFor(id) || (state(id) !== undefined && state(id)?.state !== 'loading');
    await waitFor('every open page has settled', () => open.every(settled), PAGE_MS).catch(() => undefined);
    for (const id of open) previews().panelFor(id)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens one panel per task and plays the video from its link', async () => {
    const id = await completedTask();
    await vscode.commands.executeCommand('veo.previewVideo', id);
    const panel = previews().panelFor(id);
    assert.ok(panel, 'a panel is open');
    assert.equal(panel.viewType, 'veo.preview');
    assert.equal(panel.title, `▶ ${id}`);
    await waitFor('the preview tab', () => previewTabs().length === 1);
    await vscode.commands.executeCommand('veo.previewVideo', id, [id]);
    assert.equal(previews().panelFor(id), panel, 'the same panel is revealed');

    const settings = pageSettings(previews().htmlFor(id)!);
    assert.equal(settings.src, api.store.get(id)!.result!.video_url);
    assert.ok(settings.src!.startsWith(sim.videoOrigin));
    await waitForPlaying(id);
    assert.ok(videoRequestsFor(id) > 0, 'the webview fetched the video from the video host');

    // Positive control: another task's preview opens a second tab; a tab opened by the
    // repeated command above would have been there before it.
    const other = await completedTask();
    await vscode.commands.executeCommand('veo.previewVideo', other);
    await waitFor('the other preview tab', () => previewTabs().some((t) => t.label === `▶ ${other}`));
    assert.deepEqual(previewTabs().map((t) => t.label).sort(), [`▶ ${id}`, `▶ ${other}`].sort(), 'one tab per task');
  });

  it('shows an expired link as such when the video host refuses it, and remembers it', async () => {
    const id = await completedTask({ videoTtlMs: 1000 });
    sim.advance(5_000);
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`expired state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'expired', PAGE_MS);
    assert.equal(api.store.get(id)?.linkExpired, true, 'the task records the dead link');
    const html = previews().htmlFor(id)!;
    assert.ok(html.includes(expiredText()), html);
    assert.equal(pageSettings(html).src, undefined, 'nothing to play any more');
  });

  it('shows a known expired link up front without loading the video', async () => {
    const id = await completedTask();
    const live = await completedTask();
    api.store.update(id, { linkExpired: true });
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`expired state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'expired', PAGE_MS);
    assert.ok(previews().htmlFor(id)!.includes(`<p id="error-text">${expiredText()}</p>`));
    // Positive control: a live link previewed after it is fetched; had the expired one's page
    // asked for its video, that request would have come first.
    await vscode.commands.executeCommand('veo.previewVideo', live);
    await waitFor('the live link is fetched', () => videoRequestsFor(live) > 0, PAGE_MS);
    assert.equal(videoRequestsFor(id), 0, 'no request for the expired video');
  });

  it('tells a network failure from a format the webview cannot play', async () => {
    const down = await completedTask();
    sim.injectFault({ kind: 'status', code: 503 }, { on: 'video', taskId: down, times: Infinity });
    await vscode.commands.executeCommand('veo.previewVideo', down);
    await waitFor(`network error (last: ${JSON.stringify(state(down))})`, () => state(down)?.state === 'error' && state(down)?.detail === 'network', PAGE_MS);
    assert.equal(api.store.get(down)?.linkExpired, undefined, 'a failing host is not an expired link');
    sim.clearFaults();

    const garbage = await completedTask({ videoBytes: 64 * 1024 });
    await vscode.commands.executeCommand('veo.previewVideo', garbage);
    await waitFor(`format error (last: ${JSON.stringify(state(garbage))})`, () => state(garbage)?.state === 'error' && state(garbage)?.detail === 'format', PAGE_MS);
  });

  it('renders a strict CSP, a nonce on every script, and escapes network text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const id = await completedTask({ outcome: 'failed', error: `${evil} "quoted" & more` });
    api.store.update(id, { label: '"><script>alert(2)</script>' });
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`error state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'noVideo', PAGE_MS);
    const html = previews().htmlFor(id)!;

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'has a CSP');
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1, 'only the page script');
    for (const s of scripts) assert.ok(s.includes(`nonce="${nonce}"`), s);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    assert.ok(!tags.some((t) => /\son[a-z]+=/i.test(t.replace(/"[^"]*"/g, '""'))), 'no inline event handlers');

    assert.ok(!html.includes('<img'), 'the error is not markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; more'), html);
    assert.ok(!html.includes('<script>alert(2)'), 'the label is not markup');
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;'), html);
    assert.equal(pageSettings(html).error?.message, `This task failed: ${evil} "quoted" & more`);
    assert.equal(previews().panelFor(id)!.title, '▶ "><script>alert(2)</script>', 'titles are text, not HTML');

    // Each render has a fresh nonce.
    api.store.update(id, { label: 'renamed' });
    const again = previews().htmlFor(id)!;
    assert.ok(again.includes('renamed'));
    assert.ok(!again.includes(nonce), 'a new nonce');
  });

  it('plays a downloaded copy through a webview URI, switching to it when the download lands', async () => {
    const id = await completedTask();
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitForPlaying(id, 0.2);

    const file = path.join(tmp, `${id}.mp4`);
    fs.copyFileSync(FIXTURE_VIDEO, file);
    api.store.update(id, { localFile: file });
    const panel = previews().panelFor(id)!;
    const expected = panel.webview.asWebviewUri(vscode.Uri.file(file)).toString();
    await waitFor('re-rendered with the local copy', () => pageSettings(previews().htmlFor(id)!).src === expected);
    const html = previews().htmlFor(id)!;
    assert.match(expected, /vscode-resource|vscode-cdn/);
    assert.ok(!html.includes(sim.videoOrigin), 'the link is neither played nor allowed by the CSP');
    assert.ok(html.includes(`downloaded to ${file}`), 'the facts name the file');
    const toolbar = /<div class="toolbar">([^]*?)<\/div>/.exec(html)?.[1] ?? '';
    assert.ok(toolbar.includes('data-action="copyUrl"') && !toolbar.includes('data-action="download"'), `no Download once downloaded: ${toolbar}`);

    sim.clearRequests();
    await waitForPlaying(id);
    assert.equal(videoRequestsFor(id), 0, 'the local copy plays without the video host');
  });

  it('performs the page\'s toolbar buttons: Copy Video URL, Open in Browser (the exact link, as a string), Download', async () => {
    const id = await completedTask();
    const url = api.store.get(id)!.result!.video_url!;
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitForPage(id);

    await vscode.env.clipboard.writeText('not the link');
    clickToolbarButton(id, 'copyUrl');
    await waitFor('the clipboard holds the link', async () => (await vscode.env.clipboard.readText()) === url);

    const external = stubOpenExternal();
    try {
      clickToolbarButton(id, 'openExternal');
      await waitFor('openExternal asked', () => external.opened.length > 0);
    } finally {
      external.restore();
    }
    assert.deepEqual(external.opened, [url], 'the link string itself, not a re-encoded Uri');

    const file = path.join(tmp, `from-the-page-${id}.mp4`);
    const dialog = stubSaveDialog(file);
    try {
      clickToolbarButton(id, 'download');
      await waitFor('downloaded', () => api.store.get(id)?.localFile === file);
    } finally {
      dialog.restore();
    }
    assert.equal(dialog.asked.length, 1, 'the user was asked where to save');
    assert.ok(fs.readFileSync(file).equals(fs.readFileSync(FIXTURE_VIDEO)));
  });

  it('ignores messages that are not the page\'s, and keeps only the clean part of a state report', async () => {
    // A dead link: the real page reports its error once and plays nothing, so no report of
    // its own arrives after the test's page replaced it; Copy Video URL still works.
    const id = await completedTask();
    api.store.update(id, { linkExpired: true });
    const url = api.store.get(id)!.result!.video_url!;
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`expired state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error', PAGE_MS);
    const garbage: unknown[] = [
      { type: 'state', state: 'paused', detail: 'd'.repeat(500), currentTime: -1, extra: 'ignored' },
      null, 0, 'copyUrl', ['action', 'download'], {}, { type: 'action' }, { action: 'download' },
      { type: 'action', action: 'delete' }, { type: 'action', action: ['download'] }, { type: 'action', action: 'copyurl' },
      { type: 'Action', action: 'openExternal' }, { type: 'action', action: 'retry' }, { type: 'action', action: 'tryAnyway' },
      { type: 'state' }, { type: 'state', state: 'hacked' }, { type: 'state', state: ['playing'] }, { type: 'showError', error: { message: 'x' } },
    ];
    // The last message is the positive control: once it took effect, everything before it was handled.
    const page = `<!DOCTYPE html><html><body><script>
      const api = acquireVsCodeApi();
      for (const m of ${JSON.stringify(garbage)}) api.postMessage(m);
      api.postMessage({ type: 'action', action: 'copyUrl' });
    </script></body></html>`;
    await vscode.env.clipboard.writeText('not the link');
    const external = stubOpenExternal();
    const dialog = stubSaveDialog();
    const capture = captureNotifications();
    try {
      previews().panelFor(id)!.webview.html = page;
      await waitFor('the control message took effect', async () => (await vscode.env.clipboard.readText()) === url);
    } finally {
      external.restore();
      dialog.restore();
      capture.restore();
    }
    const s = state(id);
    assert.equal(s?.state, 'paused');
    assert.equal(s?.detail, 'd'.repeat(100), 'detail capped');
    assert.equal(s?.currentTime, undefined, 'a negative time is dropped');
    assert.deepEqual(external.opened, [], 'nothing opened');
    assert.deepEqual(dialog.asked, [], 'no download started');
    assert.deepEqual(capture.shown, [], 'nothing shown');
    assert.equal(api.store.get(id)?.localFile, undefined);
  });

  it('restores a preview after a reload from the state its page saved, and closes one it cannot restore', async () => {
    const id = await completedTask();
    const serializer = await reactivateWithSerializer(world, 'veo.preview');
    api = world.api;
    const revive = (saved: unknown) => revivePanel(serializer, 'veo.preview', saved);

    const restored = await revive({ taskId: id, position: 1.5 });
    assert.equal(restored.disposed(), false);
    assert.equal(previews().panelFor(id), restored.panel, 'adopted as the preview of its task');
    assert.equal(restored.panel.title, `▶ ${id}`);
    assert.equal(pageSettings(previews().htmlFor(id)!).src, api.store.get(id)!.result!.video_url);
    await waitForPlaying(id);
    api.store.update(id, { label: 'after the reload' });
    assert.equal(restored.panel.title, '▶ after the reload', 'it follows its task');
    await vscode.commands.executeCommand('veo.previewVideo', id);
    assert.equal(previews().panelFor(id), restored.panel, 'Preview Video reveals it instead of opening another');

    for (const saved of [undefined, null, 'vgen_x', {}, { taskId: 42 }, { position: 3 }, { taskId: id }]) {
      const bad = await revive(saved);
      assert.equal(bad.disposed(), true, `closed: ${JSON.stringify(saved)}`);
    }
    assert.equal(previews().panelFor(id), restored.panel, 'a second panel for an open task does not replace it');
    await waitFor('one preview tab left', () => previewTabs().length === 1);
  });
});

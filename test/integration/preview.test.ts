import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { EXPIRED_TEXT } from '../../src/preview/previewModel';
import { FIXTURE_VIDEO, TaskSpec, VeoSimulator } from '../../sim/simulator';
import { trackFinishedTask, useSimulator, waitFor } from './helpers';

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
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;
  let tmp: string;

  const previews = () => api.previews;
  const state = (id: string) => previews().lastState(id);
  const videoRequestsFor = (id: string) => sim.requests.filter((r) => r.server === 'video' && r.path.includes(encodeURIComponent(id))).length;

  const world = useSimulator({ withKey: true });
  const completedTask = (spec?: TaskSpec) => trackFinishedTask(world, spec);

  async function waitForPlaying(id: string, beyond = 0.5): Promise<void> {
    await waitFor(`${id} plays beyond ${beyond} s (last state: ${JSON.stringify(state(id))})`, () => {
      const s = state(id);
      return s?.state === 'playing' && (s.currentTime ?? 0) > beyond;
    }, 20_000);
  }

  before(() => {
    ({ sim, api } = world);
    assert.ok(api.previews, 'activate returns the PreviewManager in its test API');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-preview-'));
  });
  afterEach(async () => {
    for (const id of api.store.all().map((t) => t.id)) previews().panelFor(id)?.dispose();
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
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(previewTabs().length, 1, 'still one preview tab');

    const settings = pageSettings(previews().htmlFor(id)!);
    assert.equal(settings.src, api.store.get(id)!.result!.video_url);
    assert.ok(settings.src!.startsWith(sim.videoOrigin));
    await waitForPlaying(id);
    assert.ok(videoRequestsFor(id) > 0, 'the webview fetched the video from the video host');
  });

  it('shows an expired link as such when the video host refuses it, and remembers it', async () => {
    const id = await completedTask({ videoTtlMs: 1000 });
    sim.advance(5_000);
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`expired state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'expired', 20_000);
    assert.equal(api.store.get(id)?.linkExpired, true, 'the task records the dead link');
    const html = previews().htmlFor(id)!;
    assert.ok(html.includes(EXPIRED_TEXT), html);
    assert.equal(pageSettings(html).src, undefined, 'nothing to play any more');
  });

  it('shows a known expired link up front without loading the video', async () => {
    const id = await completedTask();
    api.store.update(id, { linkExpired: true });
    sim.clearRequests();
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`expired state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'expired');
    assert.ok(previews().htmlFor(id)!.includes(`<p id="error-text">${EXPIRED_TEXT}</p>`));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(videoRequestsFor(id), 0, 'no request for the video');
  });

  it('tells a network failure from a format the webview cannot play', async () => {
    const down = await completedTask();
    sim.injectFault({ kind: 'status', code: 503 }, { on: 'video', taskId: down, times: Infinity });
    await vscode.commands.executeCommand('veo.previewVideo', down);
    await waitFor(`network error (last: ${JSON.stringify(state(down))})`, () => state(down)?.state === 'error' && state(down)?.detail === 'network', 20_000);
    assert.equal(api.store.get(down)?.linkExpired, undefined, 'a failing host is not an expired link');
    sim.clearFaults();

    const garbage = await completedTask({ videoBytes: 64 * 1024 });
    await vscode.commands.executeCommand('veo.previewVideo', garbage);
    await waitFor(`format error (last: ${JSON.stringify(state(garbage))})`, () => state(garbage)?.state === 'error' && state(garbage)?.detail === 'format', 20_000);
  });

  it('renders a strict CSP, a nonce on every script, and escapes network text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const id = await completedTask({ outcome: 'failed', error: `${evil} "quoted" & more` });
    api.store.update(id, { label: '"><script>alert(2)</script>' });
    await vscode.commands.executeCommand('veo.previewVideo', id);
    await waitFor(`error state (last: ${JSON.stringify(state(id))})`, () => state(id)?.state === 'error' && state(id)?.detail === 'noVideo');
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
});

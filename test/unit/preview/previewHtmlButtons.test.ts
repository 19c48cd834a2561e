// The preview page's markup, exactly: which toolbar buttons and ways out are rendered, which are
// secondary or hidden, what is shown while loading or blocked. The page script relies on these.
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, renderPreviewHtml } from '../../../src/preview/previewHtml';
import type { PreviewModel } from '../../../src/preview/previewModel';
import { formatBytes, progressMessage } from '../../../src/util/formatBytes';

const base: PreviewModel = { taskId: 'vgen_1', title: 'Cat', facts: [], linkDead: false, canDownload: false };
const render = (model: Partial<PreviewModel>, src = 'https://cdn.example.com/v.mp4') =>
  renderPreviewHtml({ model: { ...base, ...model }, nonce: 'n0nce', cspSource: 'vscode-resource:', src, styleUri: 's.css', scriptUri: 'p.js' });
const buttons = (html: string, where: 'toolbar' | 'actions') => {
  const block = where === 'toolbar' ? /<div class="toolbar">([\s\S]*?)<\/div>/.exec(html)?.[1] : /<div class="actions">([\s\S]*?)<\/div>/.exec(html)?.[1];
  return (block ?? '').trim().split(/\n\s*/).filter((l) => l !== '');
};
const btn = (action: string, label: string, text: string, extra = '') => `<button type="button" data-action="${action}" aria-label="${label}"${extra}>${text}</button>`;

describe('renderPreviewHtml: buttons and states', () => {
  it('toolbar: Download first (primary), then Copy Video URL and Open in Browser (secondary)', () => {
    assert.deepEqual(buttons(render({ canDownload: true, videoUrl: 'https://v/x.mp4' }), 'toolbar'), [
      btn('download', 'Download the video', 'Download'),
      btn('copyUrl', 'Copy the video URL to the clipboard', 'Copy Video URL', ' class="secondary"'),
      btn('openExternal', 'Open the video link in the browser', 'Open in Browser', ' class="secondary"'),
    ]);
  });

  it('toolbar: no Open in Browser for a dead link, nothing without a link', () => {
    assert.deepEqual(buttons(render({ videoUrl: 'https://v/x.mp4', linkDead: true }), 'toolbar'), [
      btn('copyUrl', 'Copy the video URL to the clipboard', 'Copy Video URL', ' class="secondary"'),
    ]);
    assert.deepEqual(buttons(render({}), 'toolbar'), []);
  });

  it('ways out: all four rendered, retry and try-anyway primary, only the offered ones visible', () => {
    const html = render({ blocked: { kind: 'network', message: 'Could not load <it>', actions: ['retry', 'openExternal'] } });
    assert.deepEqual(buttons(html, 'actions'), [
      btn('retry', 'Retry loading the video', 'Retry'),
      btn('tryAnyway', 'Try to play the video from its link anyway', 'Try Anyway', ' hidden'),
      btn('openExternal', 'Open the video link in the browser', 'Open in Browser', ' class="secondary"'),
      btn('download', 'Download the video', 'Download', ' class="secondary" hidden'),
    ]);
    assert.ok(html.includes('<div id="error" class="status error" role="alert">'), 'the error is shown');
    assert.ok(html.includes('<p id="error-text">Could not load &lt;it&gt;</p>'));
    assert.ok(html.includes('aria-live="polite" hidden>'), 'the spinner is not');
  });

  it('while loading: the spinner shows, the error and every way out are hidden', () => {
    const html = render({ source: { kind: 'remote', url: 'https://cdn.example.com/v.mp4' } });
    assert.ok(html.includes('<div id="loading" class="status" role="status" aria-live="polite">'), 'spinner visible');
    assert.ok(html.includes('<div id="error" class="status error" role="alert" hidden>'));
    assert.ok(html.includes('<p id="error-text"></p>'));
    assert.equal(buttons(html, 'actions').filter((b) => b.includes(' hidden>')).length, 4);
  });

  it('nothing to play: no spinner', () => {
    assert.ok(render({}, 'https://x/v.mp4').includes('aria-live="polite" hidden>'));
  });

  it('facts as a definition list, one per line', () => {
    const html = render({ facts: [{ name: 'ID', value: 'vgen_1' }, { name: 'Model', value: 'a<b' }] });
    assert.ok(html.includes('<dt>ID</dt><dd>vgen_1</dd>\n        <dt>Model</dt><dd>a&lt;b</dd>'), html);
  });

  it('the CSP allows loopback http media only for a loopback http source', () => {
    assert.equal(contentSecurityPolicy('vs:', 'n', undefined).endsWith('media-src vs: https:'), true);
    assert.equal(contentSecurityPolicy('vs:', 'n', 'https://127.0.0.1/v.mp4').endsWith('media-src vs: https:'), true);
    assert.ok(contentSecurityPolicy('vs:', 'n', 'http://127.0.0.1:9/v.mp4').endsWith('media-src vs: https: http://127.0.0.1:* http://localhost:*'));
  });
});

describe('formatBytes and progressMessage at the unit edges', () => {
  it('switches units at 1024 and decimals at 10', () => {
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1.0 KB');
    assert.equal(formatBytes(10 * 1024 - 1), '10.0 KB');
    assert.equal(formatBytes(10 * 1024), '10 KB');
    assert.equal(formatBytes(1024 * 1024 - 1), '1024 KB');
    assert.equal(formatBytes(1024 * 1024), '1.0 MB');
    assert.equal(formatBytes(1024 ** 3), '1.0 GB');
    assert.equal(formatBytes(1024 ** 4), '1.0 TB');
    assert.equal(formatBytes(2048 * 1024 ** 4), '2048 TB', 'TB is the largest unit');
  });

  it('leaves out the percent for an unknown or zero size', () => {
    assert.equal(progressMessage(2048, undefined, 1024), '2.0 KB · 1.0 KB/s');
    assert.equal(progressMessage(2048, 0, 1024), '2.0 KB · 1.0 KB/s');
    assert.equal(progressMessage(512, 1024, 1024), '50% · 512 B of 1.0 KB · 1.0 KB/s');
  });
});

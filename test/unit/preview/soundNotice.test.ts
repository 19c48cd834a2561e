import * as assert from 'node:assert/strict';
import { renderPreviewHtml } from '../../../src/preview/previewHtml';
import type { PreviewModel } from '../../../src/preview/previewModel';
import { hasSoundText, isSoundModel, probablySoundLocalText, probablySoundRemoteText, soundNotice } from '../../../src/preview/soundNotice';

const base: PreviewModel = { taskId: 'vgen_1', title: 'Cat', facts: [], linkDead: false, canDownload: false };
const local: PreviewModel = { ...base, source: { kind: 'local', path: '/v/cat.mp4' } };
const remote: PreviewModel = { ...base, source: { kind: 'remote', url: 'https://cdn.example.com/v.mp4' }, canDownload: true };

describe('soundNotice', () => {
  it('a downloaded file decides by its own tracks: AAC (or an unknown codec) yes, none or Opus/FLAC no', () => {
    assert.deepEqual(soundNotice(local, 'something_else', ['mp4a']), { text: hasSoundText(), systemPlayer: true });
    assert.deepEqual(soundNotice(local, undefined, ['']), { text: hasSoundText(), systemPlayer: true });
    assert.deepEqual(soundNotice(local, undefined, ['Opus', 'ac-3']), { text: hasSoundText(), systemPlayer: true });
    assert.equal(soundNotice(local, 'veo_3_1_fast', []), undefined, 'the file beats the model: no sound track');
    assert.equal(soundNotice(local, 'veo_3_1_fast', ['Opus']), undefined);
    assert.equal(soundNotice(local, 'veo_3_1_fast', ['fLaC']), undefined);
  });

  it('an unreadable downloaded file: the VEO 3 model is the hint, with the button', () => {
    assert.deepEqual(soundNotice(local, 'veo_3_1_pro', undefined), { text: probablySoundLocalText(), systemPlayer: true });
    assert.equal(soundNotice(local, 'veo_2', undefined), undefined);
  });

  it('not downloaded: a VEO 3 video that plays or can be downloaded says so, without the button', () => {
    assert.deepEqual(soundNotice(remote, 'veo_3_1_fast', undefined), { text: probablySoundRemoteText(), systemPlayer: false });
    assert.deepEqual(soundNotice({ ...base, canDownload: true }, 'veo_3_1_fast', undefined), { text: probablySoundRemoteText(), systemPlayer: false });
    assert.equal(soundNotice(base, 'veo_3_1_fast', undefined), undefined, 'no video: nothing to say');
    assert.equal(soundNotice(remote, 'kling_v1', undefined), undefined);
    assert.equal(soundNotice(remote, undefined, undefined), undefined);
  });

  it('isSoundModel: the VEO 3 family only', () => {
    for (const m of ['veo_3_1_fast', 'veo_3_1_pro_stable', 'VEO3', 'veo-3.1', 'veo 3', 'veo3.1-fast']) assert.equal(isSoundModel(m), true, m);
    for (const m of ['veo_2', 'veo_30', 'xveo_3', 'sora_2', '', 'veo_']) assert.equal(isSoundModel(m), false, m);
    assert.equal(isSoundModel(undefined), false);
  });
});

describe('the sound notice in the preview page', () => {
  const render = (model: PreviewModel, sound?: { text: string; systemPlayer: boolean }) =>
    renderPreviewHtml({ model, nonce: 'n', cspSource: 'vs:', src: 'https://x/v.mp4', styleUri: 's.css', scriptUri: 'p.js', sound });

  it('is plain text between the facts and the toolbar; absent without a notice', () => {
    const html = render(local, { text: hasSoundText(), systemPlayer: true });
    assert.ok(html.includes(`</dl>\n      <p id="sound-notice" class="notice" role="note">${hasSoundText()}</p>\n      <div class="toolbar">`), html);
    assert.ok(!render(local).includes('sound-notice'));
  });

  it('escapes its text', () => {
    assert.ok(render(local, { text: '<b>&', systemPlayer: true }).includes('role="note">&lt;b&gt;&amp;</p>'));
  });

  it('Open in System Player is in the toolbar only for a local copy', () => {
    assert.match(render(local), /<div class="toolbar">\s*<button type="button" data-action="openInSystemPlayer" aria-label="Open the downloaded video, with its sound, in the default video player">Open in System Player<\/button>/);
    assert.ok(!render(remote).includes('openInSystemPlayer'));
  });
});

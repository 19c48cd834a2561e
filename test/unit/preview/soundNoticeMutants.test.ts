// The sound notice, the page messages, the page's labels and the remembered sound tracks on the
// edges their other tests leave open: exact texts, a remote video that cannot be downloaded,
// a function posted as a message, the page's aria labels, and a file read only once while its
// size and time stay the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePageMessage } from '../../../src/preview/messages';
import { renderPreviewHtml } from '../../../src/preview/previewHtml';
import type { PreviewModel } from '../../../src/preview/previewModel';
import { hasSoundText, probablySoundLocalText, probablySoundRemoteText, soundNotice } from '../../../src/preview/soundNotice';
import { soundTracksOfFile } from '../../../src/preview/soundTracksOfFile';
import { FIXTURE_VIDEO } from '../../../sim/simulator';

const base: PreviewModel = { taskId: 'vgen_1', title: 'Cat', facts: [{ name: 'ID', value: 'vgen_1' }], linkDead: false, canDownload: false };

const render = (model: PreviewModel, sound?: { text: string; systemPlayer: boolean }) =>
  renderPreviewHtml({ model, src: 'https://cdn.example.com/v.mp4', nonce: 'n0nce', cspSource: 'https://x', scriptUri: 'https://x/p.js', styleUri: 'https://x/p.css', sound });

describe('soundNotice: mutant edges', () => {
  it('the three texts are these exact English sentences', () => {
    assert.equal(hasSoundText(), 'This video has sound that VS Code cannot play here, so it plays silently. Open in System Player to hear it.');
    assert.equal(probablySoundLocalText(), 'This video probably has sound (VEO 3 models generate it) that VS Code cannot play here. Open in System Player to hear it.');
    assert.equal(
      probablySoundRemoteText(),
      'This video probably has sound (VEO 3 models generate it) that VS Code cannot play here. Download it, then open it in the system player to hear it.',
    );
  });

  it('a remote video that cannot be downloaded (past its estimated expiry) still gets the remote notice', () => {
    const remote: PreviewModel = { ...base, source: { kind: 'remote', url: 'https://cdn.example.com/v.mp4' }, canDownload: false };
    assert.deepEqual(soundNotice(remote, 'veo_3_1_fast', undefined), { text: probablySoundRemoteText(), systemPlayer: false });
  });
});

describe('parsePageMessage: mutant edges', () => {
  it('a function carrying the fields of an action is not a message', () => {
    const fn = Object.assign(() => undefined, { type: 'action', action: 'download' });
    assert.equal(parsePageMessage(fn), undefined);
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'download' }), { type: 'action', action: 'download' });
  });
});

describe('renderPreviewHtml: mutant edges', () => {
  it('labels the stage, the video and the details for screen readers', () => {
    const html = render(base);
    assert.ok(html.includes('<section class="stage" aria-label="Video">'), html);
    assert.ok(html.includes('aria-label="Video of Cat"'));
    assert.ok(html.includes('<section class="details" aria-label="Task">'));
  });

  it('without a sound notice nothing stands between the facts and the toolbar', () => {
    assert.match(render(base), /<\/dl>\s*<div class="toolbar">/);
    assert.match(render(base, { text: 'Sound!', systemPlayer: false }), /<\/dl>\s*<p id="sound-notice" class="notice" role="note">Sound!<\/p>\s*<div class="toolbar">/);
  });
});

describe('soundTracksOfFile: mutant edges', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-sound-m-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not read a file again while its size and time are the same', () => {
    const file = path.join(dir, 'same.mp4');
    fs.copyFileSync(FIXTURE_VIDEO, file);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    assert.deepEqual(soundTracksOfFile(file), ['mp4a']);
    // The sound track's handler becomes "vide" in place: same size, time set back.
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('soun', 0, 'latin1');
    assert.ok(at > 0);
    bytes.write('vide', at, 'latin1');
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, 1_000_000_000, 1_000_000_000);
    assert.deepEqual(soundTracksOfFile(file), ['mp4a'], 'the remembered answer');
    fs.utimesSync(file, 1_000_000_001, 1_000_000_001);
    assert.deepEqual(soundTracksOfFile(file), [], 'read again once the time changed');
  });
});

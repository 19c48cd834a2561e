// Edges of the create confirmation that the main tests leave open (#11): the mode in words for
// one or several reference images and for two frames, hidden characters in an image URL, and
// requests built without the request check (the confirmation is the second line of defence).
import * as assert from 'node:assert/strict';
import { confirmationMarkdown } from '../../../src/chat/confirmation';
import type { VideoRequest } from '../../../src/request/videoRequest';

function request(patch: Partial<VideoRequest>): VideoRequest {
  return { prompt: 'a cat', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text', ...patch };
}

function firstLine(md: string): string {
  return md.split('\n')[0];
}

describe('create tool confirmation: edges', () => {
  it('names the mode: one reference image, several, first and last frame', () => {
    assert.equal(firstLine(confirmationMarkdown(request({ mode: 'reference', referenceImages: ['https://a.example/1.png'] }))), 'This spends credits of your VEO account: `veo_3_1_fast`, 720p, 16:9, 1 reference image. Prompt:');
    assert.match(firstLine(confirmationMarkdown(request({ mode: 'reference', referenceImages: ['https://a.example/1.png', 'https://b.example/2.png'] }))), /, 2 reference images\. Prompt:$/);
    assert.match(firstLine(confirmationMarkdown(request({ mode: 'frames', firstFrame: 'https://a.example/1.png', lastFrame: 'https://b.example/2.png' }))), /, first and last frame\. Prompt:$/);
  });

  it('writes a line break inside an image URL out as [U+000A]', () => {
    const md = confirmationMarkdown(request({ mode: 'frames', firstFrame: 'https://a.example/x\ny.png' }));
    assert.ok(md.includes('  https://a.example/x[U+000A]y.png'), md);
  });

  it('lists no image for reference mode without images, nor for frames outside frames mode', () => {
    assert.ok(!confirmationMarkdown(request({ mode: 'reference' })).includes('download'));
    assert.ok(!confirmationMarkdown(request({ mode: 'text', firstFrame: 'https://a.example/1.png' })).includes('download'));
  });

  it('lists a last frame alone without a first frame entry', () => {
    const md = confirmationMarkdown(request({ mode: 'frames', lastFrame: 'https://b.example/2.png' }));
    assert.ok(md.includes('Last frame, host b.example:'), md);
    assert.ok(!md.includes('First frame'), md);
  });

  it('gives "?" as the host of a URL without one or that does not parse', () => {
    const md = confirmationMarkdown(request({ mode: 'frames', firstFrame: 'file:///x.png', lastFrame: 'not a url' }));
    assert.ok(md.includes('First frame, host ?:'), md);
    assert.ok(md.includes('Last frame, host ?:'), md);
  });
});

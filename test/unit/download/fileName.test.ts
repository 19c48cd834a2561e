import * as assert from 'node:assert/strict';
import { uniqueName, videoFileName } from '../../../src/download/fileName';

describe('videoFileName', () => {
  it('is <id>.mp4 for ordinary ids', () => {
    assert.equal(videoFileName('vgen_abc123def456'), 'vgen_abc123def456.mp4');
    assert.equal(videoFileName('video_fd35ee52-2a98-44a6-b930-29a88ce9b8fd'), 'video_fd35ee52-2a98-44a6-b930-29a88ce9b8fd.mp4');
  });

  it('replaces characters that Windows, macOS or Linux refuse', () => {
    assert.equal(videoFileName('a<b>c:d"e/f\\g|h?i*j'), 'a_b_c_d_e_f_g_h_i_j.mp4');
    assert.equal(videoFileName('tab\there'), 'tab_here.mp4');
  });

  it('avoids reserved device names and trailing dots or spaces', () => {
    assert.equal(videoFileName('CON'), 'CON_.mp4');
    assert.equal(videoFileName('lpt1'), 'lpt1_.mp4');
    assert.equal(videoFileName('name. . '), 'name.mp4');
    assert.equal(videoFileName('..'), 'video.mp4');
  });

  it('caps the length', () => {
    assert.equal(videoFileName('x'.repeat(300)).length, 120 + 4);
  });
});

describe('uniqueName', () => {
  it('adds (1), (2)... until the name is free', () => {
    const taken = new Set(['v.mp4', 'v (1).mp4']);
    assert.equal(uniqueName('v.mp4', (n) => taken.has(n)), 'v (2).mp4');
    assert.equal(uniqueName('w.mp4', (n) => taken.has(n)), 'w.mp4');
  });
});

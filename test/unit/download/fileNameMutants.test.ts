import * as assert from 'node:assert/strict';
import { numberedName, videoFileName } from '../../../src/download/fileName';

describe('fileName edges (mutation survivors)', () => {
  it('numbers a name that starts with its only dot after the whole name, not before the dot', () => {
    assert.equal(numberedName('.mp4', 1), '.mp4 (1)');
    assert.equal(numberedName('.hidden', 2), '.hidden (2)');
  });

  it('drops every leading dot and space, not only the first', () => {
    assert.equal(videoFileName('..abc'), 'abc.mp4');
    assert.equal(videoFileName(' . abc'), 'abc.mp4');
    assert.equal(videoFileName('.abc'), 'abc.mp4');
  });

  it('counts two UTF-8 bytes for U+0080..U+07FF when cutting a long name to its byte budget', () => {
    // 120 x "é" (2 bytes each) = 240 bytes; 196 bytes are left for the stem: 98 characters.
    const name = videoFileName('é'.repeat(120));
    assert.equal(name, `${'é'.repeat(98)}.mp4`);
  });

  it('counts three UTF-8 bytes for U+0800 itself', () => {
    const name = videoFileName('\u0800'.repeat(120));
    assert.equal(name, `${'\u0800'.repeat(65)}.mp4`);
    assert.equal(Buffer.byteLength(name, 'utf8'), 65 * 3 + 4);
  });

  it('counts four UTF-8 bytes for U+10000 itself', () => {
    const name = videoFileName('\u{10000}'.repeat(120));
    assert.equal(name, `${'\u{10000}'.repeat(49)}.mp4`);
    assert.equal(Buffer.byteLength(name, 'utf8'), 49 * 4 + 4);
  });
});

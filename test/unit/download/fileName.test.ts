import * as assert from 'node:assert/strict';
import { MAX_NAME_BYTES, numberedName, uniqueName, videoFileName } from '../../../src/download/fileName';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

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

  it('changes a reserved device name also when an extension follows it', () => {
    assert.equal(videoFileName('con.foo'), 'con_.foo.mp4');
    assert.equal(videoFileName('NUL.tar.gz'), 'NUL_.tar.gz.mp4');
    assert.equal(videoFileName('com1 .x'), 'com1_ .x.mp4');
    assert.equal(videoFileName('CONOUT$'), 'CONOUT$_.mp4');
    assert.equal(videoFileName('console.log'), 'console.log.mp4', 'only the whole part before the first dot');
    assert.equal(videoFileName('lpt10'), 'lpt10.mp4');
  });

  it('removes bidi controls and other format characters', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    assert.equal(videoFileName(`a${bidi}b`), 'ab.mp4');
    assert.equal(videoFileName('evil\u202egnp.exe'), 'evilgnp.exe.mp4');
    assert.equal(videoFileName('zero\u200bwidth\ufeff\u00ad'), 'zerowidth.mp4');
    assert.equal(videoFileName('\u202econ'), 'con_.mp4', 'a hidden character does not hide a reserved name');
    assert.equal(videoFileName('\u200e\u200f'), 'video.mp4');
  });

  it('replaces line separators and lone surrogates', () => {
    assert.equal(videoFileName('a\u2028b\u2029c'), 'a_b_c.mp4');
    assert.equal(videoFileName('a\ud800b\udc00c'), 'a_b_c.mp4');
  });

  it('keeps the whole name within 200 UTF-8 bytes without splitting a character', () => {
    for (const ch of ['é', '中', '😀', 'a😀']) {
      const name = videoFileName(ch.repeat(150));
      assert.ok(utf8(name) <= MAX_NAME_BYTES, `${utf8(name)} bytes for ${ch}`);
      assert.ok(name.endsWith('.mp4'));
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name), `no half character for ${ch}`);
      assert.equal(name, name.normalize('NFC'));
    }
    assert.equal(utf8(videoFileName('😀'.repeat(150))), 49 * 4 + 4, '49 whole emoji and .mp4');
    assert.equal(videoFileName('中'.repeat(150)), `${'中'.repeat(65)}.mp4`);
  });

  it('does not end in a dot or space after cutting', () => {
    const name = videoFileName(`${'x'.repeat(119)}. y`);
    assert.equal(name, `${'x'.repeat(119)}.mp4`);
  });
});

describe('uniqueName', () => {
  it('adds (1), (2)... until the name is free', () => {
    const taken = new Set(['v.mp4', 'v (1).mp4']);
    assert.equal(uniqueName('v.mp4', (n) => taken.has(n)), 'v (2).mp4');
    assert.equal(uniqueName('w.mp4', (n) => taken.has(n)), 'w.mp4');
  });

  it('numbers a name before its extension', () => {
    assert.equal(numberedName('v.mp4', 0), 'v.mp4');
    assert.equal(numberedName('v.mp4', 3), 'v (3).mp4');
    assert.equal(numberedName('noext', 1), 'noext (1)');
  });
});

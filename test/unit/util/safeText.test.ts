import * as assert from 'node:assert/strict';
import { cleanText, cutText, hasLoneSurrogate, oneLine, hiddenCharacters, showHidden, stripControls, toWellFormed } from '../../../src/util/safeText';

describe('safeText', () => {
  it('stripControls: breaks become spaces, C0/C1/bidi/zero-width go', () => {
    assert.equal(stripControls('a\nb\tc\u0000d\u0085e\u009ff\u202eg\u200dh'), 'a b cd efgh');
  });

  it('hasLoneSurrogate / toWellFormed', () => {
    assert.equal(hasLoneSurrogate('😀'), false);
    assert.equal(hasLoneSurrogate('\ud83d'), true);
    assert.equal(hasLoneSurrogate('x\ude00'), true);
    assert.equal(toWellFormed('\ude00😀\ud83d'), '\ufffd😀\ufffd');
  });

  it('cutText never splits a pair; cleanText does all three', () => {
    assert.equal(cutText('ab😀', 3), 'ab');
    assert.equal(cutText('ab😀', 4), 'ab😀');
    assert.equal(cutText('abc', 10), 'abc');
    assert.equal(cleanText('a\n\u202eb\ud800cdef', 5), 'a b\ufffdc');
  });

  it('stripControls: tag characters, every other format character and the invisible fillers go too', () => {
    // "ab" with "IGNORE" hidden in tag characters between, a soft hyphen, a Hangul filler, an interlinear annotation.
    const tags = [...'IGNORE'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    assert.equal(stripControls(`a${tags}\u{e0001}\u{e007f}b\u00ad\u3164\ufff9c\u034f\u{e0100}d`), 'abcd');
    assert.equal(cleanText(`x${tags}y`, 10), 'xy');
  });

  it('stripControls: a variation selector stays after a visible character, stray ones go', () => {
    assert.equal(stripControls('\u2764\ufe0f'), '\u2764\ufe0f');
    assert.equal(stripControls('\u2764\ufe0f\ufe0e\ufe01 \ufe0f\ufe0fx'), '\u2764\ufe0f x');
    assert.equal(stripControls('\ufe0fa'), 'a');
    assert.equal(stripControls('\u{1f600}\u{e0100}\ufe01\ufe02\u{e0101}'), '\u{1f600}\ufe01', 'selectors 17+ go, then one of a run of 1-16 stays');
  });

  it('hiddenCharacters: what would be sent but not seen, with code and 1-based position in characters', () => {
    assert.deepEqual(hiddenCharacters('\u{1f600}a\u200b\u{e0041}', { lineBreaks: true }), [
      { code: 'U+200B', position: 3 },
      { code: 'U+E0041', position: 4 },
    ]);
    assert.deepEqual(hiddenCharacters('a\nb\r\n\tc', { lineBreaks: true }), []);
    assert.deepEqual(hiddenCharacters('a\nb\tc', { lineBreaks: false }), [
      { code: 'U+000A', position: 2 },
      { code: 'U+0009', position: 4 },
    ]);
    assert.deepEqual(hiddenCharacters('\u200d\u{1f600}\u200d', { lineBreaks: true }).map((h) => h.position), [1, 3], 'a joiner at either end joins nothing');
    assert.deepEqual(hiddenCharacters('\u{1f468}\u200d\u200d\u{1f469}', { lineBreaks: true }).map((h) => h.position), [2, 3], 'two joiners in a row');
    assert.deepEqual(hiddenCharacters('', { lineBreaks: true }), []);
  });

  it('showHidden: hidden characters written out, the rest (and line breaks) as they are', () => {
    assert.equal(showHidden('a\u200bb\r\nc\u{e0041}', { lineBreaks: true }), 'a[U+200B]b\nc[U+E0041]');
    assert.equal(showHidden('https://x/\u202e\n', { lineBreaks: false }), 'https://x/[U+202E][U+000A]');
    assert.equal(showHidden('\u2764\ufe0f \u{1f469}\u200d\u{1f4bb}', { lineBreaks: true }), '\u2764\ufe0f \u{1f469}\u200d\u{1f4bb}');
  });

  it('oneLine: whitespace runs as one space, cut with an ellipsis, never half a surrogate pair', () => {
    assert.equal(oneLine('  a\n\tb  ', 10), 'a b');
    assert.equal(oneLine('abcdef', 4), 'abc…');
    assert.equal(oneLine('ab\u{1f600}cd', 4), 'ab…');
  });
});

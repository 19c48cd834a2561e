import * as assert from 'node:assert/strict';
import { cleanText, cutText, hasLoneSurrogate, stripControls, toWellFormed } from '../../../src/util/safeText';

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
});

// saneTimeMs: the bounds of a time in ms (0 .. 2^32 s) are both included.
import * as assert from 'node:assert/strict';
import { MAX_CREATED_SECONDS, saneTimeMs } from '../../../src/api/resultFields';

describe('saneTimeMs: bounds', () => {
  it('keeps 0 and exactly 2^32 s in ms', () => {
    assert.equal(saneTimeMs(0), 0);
    assert.equal(saneTimeMs(MAX_CREATED_SECONDS * 1000), MAX_CREATED_SECONDS * 1000);
  });

  it('drops just outside the bounds', () => {
    assert.equal(saneTimeMs(-1), undefined);
    assert.equal(saneTimeMs(MAX_CREATED_SECONDS * 1000 + 1), undefined);
  });
});

// saneTimeMs: the bounds of a time in ms (0 .. 2^32 s) are both included; none of the three takes what is not a finite number.
import * as assert from 'node:assert/strict';
import { MAX_CREATED_SECONDS, saneCreated, saneDuration, saneTimeMs } from '../../../src/api/resultFields';

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

describe('saneCreated, saneDuration, saneTimeMs: only finite numbers', () => {
  it('drop values that compare like numbers in range but are not numbers, and non-finite numbers', () => {
    for (const f of [saneCreated, saneDuration, saneTimeMs]) {
      for (const v of ['5', null, true, [], [3], '', Infinity, NaN]) assert.equal(f(v), undefined, `${f.name}(${String(v)})`);
      assert.equal(f(5), 5, f.name);
    }
  });
});

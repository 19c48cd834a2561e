// encodePathSegment: only a segment made entirely of dots has its dots encoded.
import * as assert from 'node:assert/strict';
import { encodePathSegment } from '../../../src/api/pathSegment';

describe('encodePathSegment: dots', () => {
  it('encodes the dots of a segment made only of dots', () => {
    assert.equal(encodePathSegment('..'), '%2E%2E');
  });

  it('leaves dots alone in a segment that has other characters before or after them', () => {
    assert.equal(encodePathSegment('a.'), 'a.');
    assert.equal(encodePathSegment('task..'), 'task..');
    assert.equal(encodePathSegment('.a'), '.a');
    assert.equal(encodePathSegment('..task'), '..task');
  });
});

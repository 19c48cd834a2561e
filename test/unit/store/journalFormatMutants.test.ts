// parseHeader refuses a header line that is JSON null, and one whose `folded` is null, without throwing.
import * as assert from 'node:assert/strict';
import { parseHeader, snapshotHeader } from '../../../src/store/journalFormat';

describe('journalFormat: null in a snapshot header', () => {
  it('refuses the line null', () => {
    assert.equal(parseHeader('null'), undefined);
  });

  it('refuses a header whose folded is null, and reads the same header with an object', () => {
    assert.equal(parseHeader('{"v":2,"gen":3,"folded":null}'), undefined);
    assert.deepEqual(parseHeader('{"v":2,"gen":3,"folded":{"offset":7}}'), snapshotHeader(3, 7));
  });
});

// stateText given the state 'unknown' for a task without a result says an empty status.
import * as assert from 'node:assert/strict';
import { stateText } from '../../../src/store/taskStateText';

describe('stateText: a state given for a task without a result', () => {
  it('says an unknown, empty status', () => {
    assert.equal(stateText({ id: 'a', addedAt: 1 }, 'unknown'), 'unknown status ""');
    assert.equal(stateText({ id: 'a', addedAt: 1, result: { id: 'a', status: 'paused', video_url: null, error: null } }), 'unknown status "paused"');
  });
});

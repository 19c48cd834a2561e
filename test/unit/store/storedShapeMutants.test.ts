// storedTask and deserializeTasks drop a field they cannot read: a request that is not one, and
// a problem or a not-found streak that is null (an object to `typeof`).
import * as assert from 'node:assert/strict';
import { parseTaskLine } from '../../../src/store/journalFormat';
import { deserializeTasks, storedTask } from '../../../src/store/storedShape';

const at = Date.UTC(2025, 0, 1);

describe('storedShape: fields it cannot read', () => {
  it('drops a request that is not a valid one and keeps the task', () => {
    for (const request of [5, 'a prompt', null, [], { prompt: '' }]) {
      assert.deepEqual(storedTask({ id: 'a', addedAt: at, request }), { id: 'a', addedAt: at }, JSON.stringify(request));
      assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a', addedAt: at, request }] }), [{ id: 'a', addedAt: at }], JSON.stringify(request));
    }
  });

  it('keeps a valid request as checked, under its own name', () => {
    const task = storedTask({ id: 'a', addedAt: at, request: { prompt: 'a cat\u0007 on a beach', model: 'veo_3_1_fast' } });
    assert.equal(task?.request?.prompt, 'a cat on a beach');
    assert.deepEqual(Object.keys(task ?? {}).sort(), ['addedAt', 'id', 'request']);
  });

  it('drops a problem and a not-found streak that are null', () => {
    assert.deepEqual(storedTask({ id: 'a', addedAt: at, problem: null, notFoundStreak: null }), { id: 'a', addedAt: at });
    assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a', addedAt: at, problem: null }, { id: 'b', addedAt: at, notFoundStreak: null }] }), [
      { id: 'a', addedAt: at },
      { id: 'b', addedAt: at },
    ]);
  });

  it('skips what is not an object, undefined included: a snapshot line that is not JSON, a hole in the old list', () => {
    for (const raw of [undefined, null, 42, 'a', true, [{ id: 'a', addedAt: at }]]) assert.equal(storedTask(raw), undefined, String(raw));
    assert.equal(parseTaskLine('{oops'), undefined);
    assert.deepEqual(deserializeTasks({ tasks: [undefined, { id: 'a', addedAt: at }, null, 7] }), [{ id: 'a', addedAt: at }]);
  });
});

import * as assert from 'node:assert/strict';
import { deserializeTasks, serializeTasks, STORE_KEY, STORE_VERSION } from '../../../src/store/storedShape';
import type { TrackedTask } from '../../../src/store/trackedTask';

const tasks: TrackedTask[] = [
  { id: 'a', addedAt: 10 },
  {
    id: 'b',
    label: 'Beach',
    addedAt: 20,
    result: { id: 'b', status: 'completed', video_url: 'https://x/b.mp4', actualDuration: 8, error: null, created: 1761635478 },
    completedAt: 30,
    notified: true,
  },
  { id: 'c', addedAt: 40, notFound: true, problem: { message: 'HTTP 503', retryAt: 50 } },
];

describe('storedShape', () => {
  it('uses a stable key and version 1', () => {
    assert.equal(STORE_KEY, 'veo.trackedTasks');
    assert.equal(STORE_VERSION, 1);
  });

  it('serializes as { version: 1, tasks }', () => {
    assert.deepEqual(serializeTasks(new Map(tasks.map((t) => [t.id, t])).values()), { version: 1, tasks });
  });

  it('round-trips through JSON', () => {
    const raw: unknown = JSON.parse(JSON.stringify(serializeTasks(tasks)));
    assert.deepEqual(deserializeTasks(raw), tasks);
  });

  it('returns [] for garbage at the top level', () => {
    for (const raw of [undefined, null, 'x', 5, true, [], {}, { tasks: 'x' }, { tasks: { 0: { id: 'a' } } }]) {
      assert.deepEqual(deserializeTasks(raw), [], JSON.stringify(raw));
    }
  });

  it('skips entries without a usable id and keeps the rest', () => {
    const raw = { version: 1, tasks: [null, 5, 'a', [], {}, { id: '' }, { id: 3 }, { id: 'ok', addedAt: 7 }] };
    assert.deepEqual(deserializeTasks(raw), [{ id: 'ok', addedAt: 7 }]);
  });

  it('defaults a missing or non-numeric addedAt to 0', () => {
    assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a' }, { id: 'b', addedAt: 'yesterday' }] }), [
      { id: 'a', addedAt: 0 },
      { id: 'b', addedAt: 0 },
    ]);
  });

  it('reads a future version and keeps fields it does not know', () => {
    const raw = { version: 7, somethingNew: true, tasks: [{ id: 'a', addedAt: 5, priority: 'high', tags: ['x'] }] };
    assert.deepEqual(deserializeTasks(raw), [{ id: 'a', addedAt: 5, priority: 'high', tags: ['x'] }]);
  });

  it('reads data without a version', () => {
    assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a', addedAt: 1 }] }), [{ id: 'a', addedAt: 1 }]);
  });

  it('drops duplicate ids, keeping the first', () => {
    const raw = { version: 1, tasks: [{ id: 'a', addedAt: 1, label: 'first' }, { id: 'b', addedAt: 2 }, { id: 'a', addedAt: 3, label: 'second' }] };
    assert.deepEqual(deserializeTasks(raw), [
      { id: 'a', addedAt: 1, label: 'first' },
      { id: 'b', addedAt: 2 },
    ]);
  });

  it('does not share objects with the raw input', () => {
    const entry = { id: 'a', addedAt: 1 };
    const [out] = deserializeTasks({ tasks: [entry] });
    assert.notEqual(out, entry);
  });
});

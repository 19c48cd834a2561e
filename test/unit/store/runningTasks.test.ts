import * as assert from 'node:assert/strict';
import { RunningTasks } from '../../../src/store/runningTasks';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { TaskStore } from '../../../src/store/taskStore';
import type { TaskResult } from '../../../src/api/taskResult';

const result = (id: string, status: string): TaskResult => ({ id, status, video_url: status === 'completed' ? 'https://v.example/a.mp4' : null, error: null });

describe('RunningTasks', () => {
  it('counts unfinished tasks and fires only when the count changes', async () => {
    const store = new TaskStore(new MemoryPersistence());
    await store.ready;
    store.add(['a', 'b'], 0);
    const running = new RunningTasks(store);
    const seen: number[] = [];
    running.onDidChange((n) => seen.push(n));
    assert.equal(running.current, 2);
    store.update('a', { result: result('a', 'processing') });
    store.update('a', { result: result('a', 'completed') });
    store.update('b', { notFound: true });
    store.add(['c'], 0);
    assert.deepEqual(seen, [1, 0, 1]);
    running.dispose();
    store.remove(['c']);
    assert.deepEqual(seen, [1, 0, 1], 'nothing after dispose');
  });
});

import * as assert from 'node:assert/strict';
import { RunningTasks } from '../../../src/store/runningTasks';
import { TaskStore } from '../../../src/store/taskStore';
import type { TaskResult } from '../../../src/api/taskResult';

function memento() {
  const data = new Map<string, unknown>();
  return { get: <T>(k: string) => data.get(k) as T | undefined, update: async (k: string, v: unknown) => void data.set(k, v) };
}

const result = (id: string, status: string): TaskResult => ({ id, status, video_url: status === 'completed' ? 'https://v.example/a.mp4' : null, error: null });

describe('RunningTasks', () => {
  it('counts unfinished tasks and fires only when the count changes', () => {
    const store = new TaskStore(memento());
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

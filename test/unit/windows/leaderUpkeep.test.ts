import * as assert from 'node:assert/strict';
import { parseSettings, Settings } from '../../../src/config/settings';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { Emitter } from '../../../src/util/emitter';
import { LeaderUpkeep } from '../../../src/windows/leaderUpkeep';

function task(i: number, status?: 'completed' | 'processing'): TrackedTask {
  return { id: `vgen_${String(i).padStart(5, '0')}`, addedAt: 1_000 + i, ...(status ? { result: { status } } : {}), ...(status === 'completed' ? { completedAt: 5_000 + i } : {}) } as TrackedTask;
}

describe('LeaderUpkeep', () => {
  let store: TaskStore;
  let leader: { isLeader: boolean; changed: Emitter<boolean>; onDidChangeLeadership: Emitter<boolean>['event'] };
  let settings: Settings;
  const settingsChanged = new Emitter<void>();
  let compactions = 0;
  const logged: string[] = [];

  function upkeep(): LeaderUpkeep {
    return new LeaderUpkeep({
      store,
      leadership: leader,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: async () => (compactions++, true),
      log: (m) => logged.push(m),
      delayMs: 1,
    });
  }

  beforeEach(async () => {
    // 3 running, 7 finished (finished in the order of their number).
    const tasks = [...Array(10).keys()].map((i) => task(i, i % 4 === 1 ? 'processing' : 'completed'));
    store = new TaskStore(new MemoryPersistence(tasks));
    await store.ready;
    const changed = new Emitter<boolean>();
    leader = { isLeader: true, changed, onDidChangeLeadership: changed.event };
    settings = { ...parseSettings(() => undefined), historyLimit: 6 };
    compactions = 0;
    logged.length = 0;
  });

  it('the leader forgets the oldest finished tasks beyond the limit, never a running one, and compacts', async () => {
    const u = upkeep();
    await u.run();
    assert.equal(store.size, 6);
    const kept = store.all().map((t) => t.id);
    for (const i of [1, 5, 9]) assert.ok(kept.includes(task(i).id), `running ${i} kept`);
    for (const i of [0, 2, 3, 4]) assert.ok(!kept.includes(task(i).id), `oldest finished ${i} forgotten`);
    assert.equal(compactions, 1);
    assert.match(logged.join('\n'), /forgot the 4 oldest finished/);
    u.dispose();
  });

  it('keepAll forgets nothing', async () => {
    settings = { ...settings, historyWhenFull: 'keepAll' };
    const u = upkeep();
    await u.run();
    assert.equal(store.size, 10);
    u.dispose();
  });

  it('a window that does not lead does nothing; it starts once it leads', async () => {
    leader.isLeader = false;
    const u = upkeep();
    await u.run();
    assert.equal(store.size, 10);
    assert.equal(compactions, 0);
    leader.isLeader = true;
    leader.changed.fire(true);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(store.size, 6);
    assert.ok(compactions >= 1);
    u.dispose();
  });

  it('a lower limit in the settings applies at once; a failed compaction is logged, not thrown', async () => {
    const u = new LeaderUpkeep({
      store,
      leadership: leader,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: async () => {
        throw new Error('disk full');
      },
      log: (m) => logged.push(m),
      delayMs: 1,
    });
    await u.run();
    settings = { ...settings, historyLimit: 4 };
    settingsChanged.fire();
    await new Promise((r) => setTimeout(r, 20));
    await u.run();
    assert.equal(store.size, 4);
    assert.match(logged.join('\n'), /compaction failed.*disk full/);
    u.dispose();
  });

  it('a compaction failing with something that is not an Error is logged as text', async () => {
    const u = new LeaderUpkeep({
      store,
      leadership: leader,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: () => Promise.reject('EROFS'),
      log: (m) => logged.push(m),
      delayMs: 1,
    });
    await u.run();
    assert.match(logged.join('\n'), /compaction failed.*EROFS/);
    u.dispose();
  });
});

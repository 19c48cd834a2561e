// LeaderUpkeep's timer, read directly (issue #11, mutation testing): manual timers instead of
// real ones, so a test sees which look is pending and for how long; no real waiting.
import * as assert from 'node:assert/strict';
import { parseSettings, Settings } from '../../../src/config/settings';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { Emitter } from '../../../src/util/emitter';
import { LeaderUpkeep } from '../../../src/windows/leaderUpkeep';
import { ManualTimers } from './manualTimers';

function task(i: number): TrackedTask {
  return { id: `vgen_${String(i).padStart(5, '0')}`, addedAt: 1_000 + i, result: { status: 'completed' }, completedAt: 5_000 + i } as TrackedTask;
}

describe('LeaderUpkeep: its timer', () => {
  let timers: ManualTimers;
  let store: TaskStore;
  let leadership: { isLeader: boolean; changed: Emitter<boolean>; onDidChangeLeadership: Emitter<boolean>['event'] };
  let settings: Settings;
  let settingsChanged: Emitter<void>;
  let compactions: number;
  const made: LeaderUpkeep[] = [];

  function upkeep(delayMs?: number): LeaderUpkeep {
    const u = new LeaderUpkeep({
      store,
      leadership,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: async () => (compactions++, false),
      log: () => undefined,
      ...(delayMs === undefined ? {} : { delayMs }),
    });
    made.push(u);
    return u;
  }

  beforeEach(async () => {
    store = new TaskStore(new MemoryPersistence([...Array(4).keys()].map(task)));
    await store.ready;
    const changed = new Emitter<boolean>();
    leadership = { isLeader: true, changed, onDidChangeLeadership: changed.event };
    settingsChanged = new Emitter<void>();
    settings = { ...parseSettings(() => undefined), historyLimit: 10 };
    compactions = 0;
    timers = new ManualTimers().install();
  });
  afterEach(() => {
    for (const u of made.splice(0)) u.dispose();
    timers.uninstall();
  });

  it('a leader looks 2 s after it is created when no delay is given, once', async () => {
    upkeep();
    assert.deepEqual(timers.delays, [2_000]);
    assert.equal(await timers.next(), 2_000);
    assert.equal(compactions, 1);
    assert.deepEqual(timers.delays, []);
  });

  it('a follower arms no timer when created, nor for a change; it arms one when it becomes leader', async () => {
    leadership.isLeader = false;
    upkeep(30);
    settingsChanged.fire();
    store.add(['vgen_99999'], 10_000);
    assert.equal(await timers.next(), 0, "the store's own write (MemoryPersistence)");
    assert.deepEqual(timers.delays, []);
    leadership.isLeader = true;
    leadership.changed.fire(true);
    assert.deepEqual(timers.delays, [30]);
    await timers.next();
    assert.equal(compactions, 1);
  });

  it('losing leadership arms nothing', () => {
    leadership.isLeader = false;
    upkeep(30);
    leadership.changed.fire(false);
    assert.deepEqual(timers.delays, []);
  });

  it('changes while a look is pending arm no second timer, and the look runs once', async () => {
    upkeep(30);
    settingsChanged.fire();
    store.add(['vgen_99999'], 10_000);
    leadership.changed.fire(true);
    assert.equal(await timers.next(), 0, "the store's own write (MemoryPersistence)");
    assert.deepEqual(timers.delays, [30]);
    await timers.next();
    assert.deepEqual(timers.delays, []);
    assert.equal(compactions, 1);
    // Once it ran, the next change arms a timer again.
    settingsChanged.fire();
    assert.deepEqual(timers.delays, [30]);
  });

  it('disposing clears the pending timer', () => {
    const u = upkeep(30);
    assert.deepEqual(timers.delays, [30]);
    u.dispose();
    assert.deepEqual(timers.delays, []);
  });
});

// LeaderUpkeep without explicit run(): what starts it (becoming leader, a settings change, a
// store change, being created as leader), what does not (a follower, a disposed upkeep), and
// what it logs.
import * as assert from 'node:assert/strict';
import { parseSettings, Settings } from '../../../src/config/settings';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { Emitter } from '../../../src/util/emitter';
import { LeaderUpkeep } from '../../../src/windows/leaderUpkeep';

function task(i: number, status: 'completed' | 'processing'): TrackedTask {
  return { id: `vgen_${String(i).padStart(5, '0')}`, addedAt: 1_000 + i, result: { status }, ...(status === 'completed' ? { completedAt: 5_000 + i } : {}) } as TrackedTask;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LeaderUpkeep: what starts it on its own', () => {
  let store: TaskStore;
  let leadership: { isLeader: boolean; changed: Emitter<boolean>; onDidChangeLeadership: Emitter<boolean>['event'] };
  let settings: Settings;
  let settingsChanged: Emitter<void>;
  let compactions: number;
  let logged: string[];
  const made: LeaderUpkeep[] = [];

  function upkeep(delayMs = 5): LeaderUpkeep {
    const u = new LeaderUpkeep({
      store,
      leadership,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: async () => (compactions++, false),
      log: (m) => logged.push(m),
      delayMs,
    });
    made.push(u);
    return u;
  }

  beforeEach(async () => {
    // 6 tasks, all finished; the limit is 6: nothing to forget yet.
    store = new TaskStore(new MemoryPersistence([...Array(6).keys()].map((i) => task(i, 'completed'))));
    await store.ready;
    const changed = new Emitter<boolean>();
    leadership = { isLeader: true, changed, onDidChangeLeadership: changed.event };
    settingsChanged = new Emitter<void>();
    settings = { ...parseSettings(() => undefined), historyLimit: 6 };
    compactions = 0;
    logged = [];
  });
  afterEach(() => {
    for (const u of made.splice(0)) u.dispose();
  });

  it('a leader looks once, shortly after it is created', async () => {
    upkeep();
    await sleep(60);
    assert.equal(compactions, 1);
  });

  it('exactly at the limit nothing is forgotten and nothing is logged about history', async () => {
    await upkeep().run();
    assert.equal(store.size, 6);
    assert.equal(logged.filter((m) => /History/.test(m)).length, 0, logged.join('\n'));
  });

  it('a lower limit in the settings is applied on its own, and the log says how many were forgotten', async () => {
    upkeep();
    await sleep(40); // its first look, after it was created
    settings = { ...settings, historyLimit: 4 };
    settingsChanged.fire();
    await sleep(60);
    assert.equal(store.size, 4);
    assert.deepEqual(
      logged.filter((m) => /History/.test(m)),
      ['History: forgot the 2 oldest finished task(s) beyond veo.history.maxTasks (4).'],
    );
  });

  it('a task tracked beyond the limit is forgotten on its own (a store change starts a look)', async () => {
    upkeep();
    await sleep(40); // its first look, after it was created
    store.add(['vgen_99999'], 10_000);
    await sleep(60);
    assert.equal(store.size, 6);
    assert.ok(store.get('vgen_99999'), 'the new one is kept, the oldest finished went');
  });

  it('changes while the look is pending are looked at once (one timer, not one per change)', async () => {
    settings = { ...settings, historyLimit: 100 };
    leadership.isLeader = false;
    const u = upkeep(30);
    leadership.isLeader = true;
    settingsChanged.fire();
    settingsChanged.fire();
    store.add(['vgen_99998'], 10_000);
    await sleep(120);
    assert.equal(compactions, 1);
    u.dispose();
  });

  it('with only running tasks beyond the limit nothing can be forgotten, and the log does not claim otherwise', async () => {
    store = new TaskStore(new MemoryPersistence([...Array(8).keys()].map((i) => task(i, 'processing'))));
    await store.ready;
    await upkeep().run();
    assert.equal(store.size, 8);
    assert.equal(logged.filter((m) => /History/.test(m)).length, 0, logged.join('\n'));
  });

  it('a follower never looks, whatever changes', async () => {
    leadership.isLeader = false;
    upkeep();
    settingsChanged.fire();
    store.add(['vgen_99997'], 10_000);
    await sleep(60);
    assert.equal(compactions, 0);
    assert.equal(store.size, 7);
  });

  it('a disposed upkeep with a look pending never runs it', async () => {
    const u = upkeep(30);
    u.dispose();
    await sleep(80);
    assert.equal(compactions, 0);
    settingsChanged.fire();
    await sleep(60);
    assert.equal(compactions, 0);
  });

  it('a window that becomes leader looks on its own', async () => {
    leadership.isLeader = false;
    upkeep();
    await sleep(30);
    assert.equal(compactions, 0);
    leadership.isLeader = true;
    leadership.changed.fire(true);
    await sleep(60);
    assert.equal(compactions, 1);
  });

  it('a compaction that folded the journal is logged', async () => {
    const u = new LeaderUpkeep({
      store,
      leadership,
      settings: () => settings,
      onDidChangeSettings: settingsChanged.event,
      compact: async () => true,
      log: (m) => logged.push(m),
      delayMs: 1_000,
    });
    made.push(u);
    await u.run();
    assert.deepEqual(logged, ['Task store: the journal was folded into a new snapshot.']);
  });
});

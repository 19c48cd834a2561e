import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MIGRATED_KEY } from '../../src/store/openTaskStore';
import { STORE_KEY } from '../../src/store/storedShape';
import { reactivate, useSimulator, waitFor } from './helpers';

/**
 * Issue #17: the task list moved from `globalState` (version 1) to files in the global storage
 * folder. A window that starts on a profile last used by the previous version moves it once,
 * losing nothing; the old list is kept (one more version) but never read again.
 */
describe('Moving the task list out of globalState', function () {
  this.timeout(60_000);
  const world = useSimulator({ withKey: true });
  let aside: string;

  /** The store's own files (the lease folder stays). */
  const storeFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^(snapshot|journal)/.test(f));

  before(() => (aside = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-migration-'))));
  after(async () => {
    await world.api.globalState.update(STORE_KEY, undefined);
    fs.rmSync(aside, { recursive: true, force: true });
  });

  it('a profile of the previous version: every task moves to the files with every field, once', async () => {
    const running = world.sim.addTask({ queuedMs: 1e9 });
    const now = Date.now();
    // What version 1 wrote, as a real profile holds it.
    const v1 = {
      version: 1,
      rev: '0d4f3c1e-5a0b-4b6e-9f3e-2f1d7c9a8b10',
      tasks: [
        {
          id: 'vgen_done00000001',
          addedAt: now - 3_600_000,
          label: 'hero shot',
          result: { id: 'vgen_done00000001', object: 'video', created: Math.floor(now / 1000) - 3500, model: 'veo_3_1_fast', status: 'completed', video_url: 'https://video.example/a.mp4?sig=1', actualDuration: 8, error: null },
          completedAt: now - 3_000_000,
          notified: true,
          localFile: path.join(aside, 'hero shot.mp4'),
          request: { prompt: 'a heron at dawn', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' },
        },
        { id: 'vgen_fail00000002', addedAt: now - 1_800_000, result: { id: 'vgen_fail00000002', status: 'failed', video_url: null, error: 'Content policy violation' }, notified: true },
        { id: running.id, addedAt: now - 60_000 },
      ],
    };
    const dir = world.api.storageDir;
    await reactivate(world, async () => {
      // As on a profile the previous version used: no files yet, the list in globalState.
      for (const f of storeFiles(dir)) fs.renameSync(path.join(dir, f), path.join(aside, f));
      await world.api.globalState.update(STORE_KEY, v1);
      await world.api.globalState.update(MIGRATED_KEY, undefined);
    });
    const api = world.api;
    assert.deepEqual(api.store.all().map((t) => t.id), v1.tasks.map((t) => t.id));
    assert.deepEqual(api.store.get('vgen_done00000001'), v1.tasks[0], 'every field of the completed task');
    assert.deepEqual(api.store.get('vgen_fail00000002'), v1.tasks[1]);
    assert.equal(api.globalState.get(MIGRATED_KEY), 2);
    assert.ok(storeFiles(dir).some((f) => f.startsWith('snapshot')), `a snapshot in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
    assert.deepEqual(api.globalState.get(STORE_KEY), v1, 'the old list is kept for one more version');
    await waitFor('the running task is polled', () => api.store.get(running.id)?.result?.status === 'queued');
    assert.deepEqual([...api.rows()].sort(), v1.tasks.map((t) => t.id).sort());

    // Never read again: a change to the old list (an older window of the previous version) does not come back.
    await api.globalState.update(STORE_KEY, { ...v1, tasks: [...v1.tasks, { id: 'vgen_late00000003', addedAt: now }] });
    await vscode.commands.executeCommand('veo.renameTask', 'vgen_fail00000002', 'renamed after the move');
    await reactivate(world);
    assert.equal(world.api.store.has('vgen_late00000003'), false);
    assert.equal(world.api.store.get('vgen_fail00000002')?.label, 'renamed after the move', 'the files are the list now');
  });
});

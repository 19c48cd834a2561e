import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTaskResult } from '../../../src/api/taskResult';
import { openTaskStore } from '../../../src/store/openTaskStore';
import type { TaskStore } from '../../../src/store/taskStore';

/** The answer as the client hands it to the store: parsed from the body, as the poller gets it. */
function answer(body: object) {
  const parsed = parseTaskResult(JSON.stringify(body), 'vgen_same0001', true);
  assert.ok(parsed.ok);
  return parsed.result;
}

const BODIES = [
  { id: 'vgen_same0001', object: 'video', created: 1795517650, model: 'veo_3_1_fast', status: 'processing', video_url: null, error: null },
  { id: 'vgen_same0001', status: 'failed', error: 'Content policy violation', video_url: null },
  { id: 'vgen_same0001', object: 'video', created: 1795517650, model: 'veo_3_1_fast', status: 'completed', video_url: 'https://cdn.example/v.mp4?sig=1', actualDuration: 8, error: null },
];

describe('TaskStore: a poll answer equal to what is stored', function () {
  this.timeout(10_000);
  let dir: string;
  let store: TaskStore;
  const memento = { get: () => undefined, update: async () => undefined };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-same-answer-'));
    store = openTaskStore(dir, memento, { info: () => undefined, error: () => undefined });
    await store.ready;
    store.add(['vgen_same0001'], 1_000);
  });
  afterEach(() => {
    store.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const journalBytes = () => fs.readdirSync(dir).filter((f) => f.startsWith('journal')).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);

  for (const body of BODIES) {
    it(`writes nothing for the same ${body.status} answer again, also once its own record was read back from the journal`, async () => {
      const changes: unknown[] = [];
      store.onDidChange((c) => changes.push(c));
      assert.ok(store.update('vgen_same0001', { result: answer(body), problem: undefined }));
      await store.flush();
      // Its own record comes back through the watcher / the 1 s stat.
      store.persistence.poll?.();
      await new Promise((r) => setTimeout(r, 1_300));
      const bytes = journalBytes();
      const before = changes.length;
      for (let round = 0; round < 3; round++) {
        store.update('vgen_same0001', { result: answer(body), problem: undefined, notFound: undefined, notFoundStreak: undefined });
        await store.flush();
        store.persistence.poll?.();
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(journalBytes(), bytes, 'nothing appended');
      assert.equal(changes.length, before, 'nothing announced');
    });
  }
});

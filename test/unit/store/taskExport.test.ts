import * as assert from 'node:assert/strict';
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { applyRecord } from '../../../src/store/journalFormat';
import { csvCell, CSV_COLUMNS, parseImport, planMerge, tasksToCsv, tasksToJson, tooLarge } from '../../../src/store/taskExport';
import { TaskStore } from '../../../src/store/taskStore';
import type { TrackedTask } from '../../../src/store/trackedTask';

const done: TrackedTask = {
  id: 'task_done',
  label: 'Beach',
  addedAt: Date.UTC(2026, 0, 2),
  result: { id: 'task_done', status: 'completed', video_url: 'https://v.example/a.mp4', error: null, created: 1767312000, model: 'veo_3_1_fast' },
  completedAt: Date.UTC(2026, 0, 2, 1),
  notified: true,
  localFile: '/home/u/a.mp4',
  pinned: true,
};
const running: TrackedTask = { id: 'task_run', addedAt: 5, result: { id: 'task_run', status: 'processing', video_url: null, error: null } };

describe('taskExport', () => {
  describe('CSV', () => {
    it('prefixes formula cells with a quote and quotes quotes, commas and line breaks', () => {
      assert.equal(csvCell('plain'), 'plain');
      for (const f of ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx']) assert.ok(csvCell(f).replace(/^"/, '').startsWith("'"), f);
      assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
      assert.equal(csvCell('a,b'), '"a,b"');
      assert.equal(csvCell('say "hi"'), '"say ""hi"""');
      assert.equal(csvCell('two\nlines'), '"two\nlines"');
      assert.equal(csvCell('a=b'), 'a=b', 'only a leading sign is a formula');
    });

    it('writes a header and one CRLF row per task', () => {
      const csv = tasksToCsv([done, { ...running, label: '=cmd|calc', request: { model: 'veo_3_1_pro', prompt: 'a "cat",\nrunning' } as TrackedTask['request'] }]);
      const lines = csv.split('\r\n');
      assert.equal(lines[0], CSV_COLUMNS.join(','));
      assert.equal(lines[1], 'task_done,Beach,completed,veo_3_1_fast,2026-01-02T00:00:00.000Z,2026-01-02T00:00:00.000Z,2026-01-02T01:00:00.000Z,https://v.example/a.mp4,,,/home/u/a.mp4,yes');
      assert.ok(lines[2].startsWith(`task_run,'=cmd|calc,processing,veo_3_1_pro,,1970-01-01T00:00:00.005Z,,,,"a ""cat"",\nrunning",,`), lines[2]);
      assert.equal(csv.endsWith('\r\n'), true);
    });

    it('leaves a time it cannot show empty', () => {
      const csv = tasksToCsv([{ id: 'x', addedAt: Number.NaN }]);
      assert.equal(csv.split('\r\n')[1], 'x,,,,,,,,,,,');
    });
  });

  describe('JSON round trip', () => {
    it('reads back what it exported, without the local path or poller state', () => {
      const json = tasksToJson([done, { ...running, problem: { message: 'HTTP 503' }, notFoundStreak: { count: 1, since: 5 } }], Date.UTC(2026, 0, 3));
      const o = JSON.parse(json);
      assert.equal(o.format, 'veo-tasks-export');
      assert.equal(o.version, 1);
      assert.equal(o.exportedAt, '2026-01-03T00:00:00.000Z');
      const parsed = parseImport(json);
      assert.ok(typeof parsed !== 'string');
      assert.equal(parsed.refused, 0);
      const doneWithoutFile: TrackedTask = { ...done };
      delete doneWithoutFile.localFile;
      assert.deepEqual(parsed.tasks, [doneWithoutFile, running]);
    });

    it('takes a bare array and bytes', () => {
      const parsed = parseImport(new TextEncoder().encode(JSON.stringify([{ id: 'task_a', addedAt: 1 }])));
      assert.deepEqual(parsed, { tasks: [{ id: 'task_a', addedAt: 1 }], refused: 0 });
    });
  });

  describe('hostile imports', () => {
    it('refuses a file too large before parsing it, and too many entries', () => {
      assert.equal(parseImport('[]', { maxBytes: 1, maxTasks: 10 }), tooLarge(1));
      assert.match(tooLarge(), /20 MB/);
      const many = JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ id: `t${i}` })));
      assert.match(parseImport(many, { maxBytes: 1e6, maxTasks: 10 }) as string, /11 entries; at most 10/);
    });

    it('refuses what is not JSON or has no list of tasks', () => {
      assert.equal(parseImport('{'), 'The file is not JSON.');
      for (const text of ['null', '42', '"x"', '{}', '{"tasks":{}}', '{"tasks":"a"}']) assert.match(parseImport(text) as string, /no list of tasks/, text);
    });

    it('counts wrong types, bad ids and repeated ids as refused; keeps the first of a repeated id', () => {
      const parsed = parseImport(
        JSON.stringify({
          tasks: [null, 1, 'task_a', [], { id: 42 }, { id: '' }, { id: 'bad\u202eid' }, { id: 'task_a', label: 'first' }, { id: 'task_a', label: 'second' }],
        }),
      );
      assert.ok(typeof parsed !== 'string');
      assert.equal(parsed.refused, 8);
      assert.deepEqual(parsed.tasks, [{ id: 'task_a', label: 'first', addedAt: 0 }]);
    });

    it('drops __proto__, unknown fields and fields of the wrong type; cleans text', () => {
      const text = '{"tasks":[{"id":"task_p","__proto__":{"polluted":true},"constructor":1,"evil":"x","pinned":"yes","label":"a\\u0007b","addedAt":"soon","localFile":"/etc/passwd","result":{"id":"task_p","status":"completed","video_url":"javascript:alert(1)","error":null}}]}';
      const parsed = parseImport(text);
      assert.ok(typeof parsed !== 'string');
      const [task] = parsed.tasks;
      assert.deepEqual(Object.keys(task).sort(), ['addedAt', 'id', 'label', 'result']);
      assert.equal(task.addedAt, 0);
      assert.equal(task.result?.video_url, null);
      assert.ok(!task.label?.includes('\u0007'));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(task), Object.prototype);
    });
  });

  describe('planMerge', () => {
    const now = 1_000;
    it('adds new ids (finished ones as notified, tracked now without a time), keeps tracked ones and gives them only fields they lack', () => {
      const tracked = new Map<string, TrackedTask>([['task_run', { id: 'task_run', addedAt: 3, label: 'mine' }]]);
      const plan = planMerge((id) => tracked.get(id), [{ ...done, notified: undefined, localFile: undefined, addedAt: 0 }, { ...running, label: 'theirs', pinned: true }], now);
      assert.equal(plan.added.length, 1);
      assert.equal(plan.added[0].addedAt, now);
      assert.equal(plan.added[0].notified, true);
      assert.equal(plan.existing, 1);
      assert.deepEqual(plan.updated, [{ id: 'task_run', addedAt: 3, label: 'mine', result: running.result, pinned: true }]);
    });

    it('does not mark running tasks notified and changes nothing a tracked task has', () => {
      const tracked = new Map<string, TrackedTask>([['task_done', done]]);
      const plan = planMerge((id) => tracked.get(id), [{ ...done, label: 'other' }, running], now);
      assert.deepEqual(plan.updated, []);
      assert.equal(plan.existing, 1);
      assert.equal(plan.added[0].notified, undefined);
      assert.equal(plan.added[0].addedAt, 5);
    });
  });

  describe('TaskStore.importTasks', () => {
    it('merges in one change and writes records that replay to the same tasks', async () => {
      const persistence = new MemoryPersistence([{ id: 'task_run', addedAt: 3 }]);
      const store = new TaskStore(persistence);
      await store.ready;
      const changes: unknown[] = [];
      store.onDidChange((c) => changes.push(c));
      const result = store.importTasks([done, running, { id: 'task_new', addedAt: 7 }], now());
      assert.deepEqual(result, { added: ['task_done', 'task_new'], updated: ['task_run'], existing: 1 });
      assert.deepEqual(changes, [{ ids: undefined }]);
      assert.equal(store.get('task_done')?.label, 'Beach');
      assert.equal(store.get('task_run')?.addedAt, 3);
      assert.equal(store.get('task_run')?.result?.status, 'processing');
      await store.flush();
      const replay = new Map<string, TrackedTask>([['task_run', { id: 'task_run', addedAt: 3 }]]);
      for (const r of persistence.records) applyRecord(replay, r);
      assert.deepEqual([...replay.values()].sort((a, b) => a.id.localeCompare(b.id)), store.all().sort((a, b) => a.id.localeCompare(b.id)));
      assert.deepEqual(store.importTasks([done], now()), { added: [], updated: [], existing: 1 }, 'a second import changes nothing');
      assert.equal(changes.length, 1);
      store.dispose();
    });
  });
});

function now(): number {
  return 50;
}

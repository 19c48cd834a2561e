import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { changedAt, createdAt, dayBounds, dayGroup, groupElement, isGroupElement, modelOf, noModel, TaskOrganizer } from '../../../src/treeViews/taskOrganizer';
import type { ViewOptions } from '../../../src/treeViews/viewOptions';

// A fixed local time: Wednesday 2025-10-29 15:00 local.
const NOW = new Date(2025, 9, 29, 15, 0, 0).getTime();
const HOUR = 3_600_000;
const local = (day: number, hour = 12) => new Date(2025, 9, day, hour, 0, 0).getTime();

function result(id: string, fields: Partial<TaskResult>): TaskResult {
  return { id, status: 'processing', video_url: null, error: null, ...fields };
}

function task(id: string, fields: Partial<TrackedTask> & { status?: string; created?: number; model?: string; error?: string } = {}): TrackedTask {
  const { status, created, model, error, ...rest } = fields;
  const t: TrackedTask = { id, addedAt: NOW - HOUR, ...rest };
  if (status !== undefined) {
    t.result = result(id, { status, error: error ?? null, ...(created === undefined ? {} : { created: created / 1000 }), ...(model === undefined ? {} : { model }) });
  }
  return t;
}

class Source {
  readonly tasks = new Map<string, TrackedTask>();
  constructor(tasks: TrackedTask[]) {
    for (const t of tasks) this.tasks.set(t.id, t);
  }
  all = () => [...this.tasks.values()];
  get = (id: string) => this.tasks.get(id);
  set(t: TrackedTask) {
    this.tasks.set(t.id, t);
  }
}

function organizer(tasks: TrackedTask[], options: Partial<ViewOptions> = {}): { o: TaskOrganizer; source: Source } {
  const source = new Source(tasks);
  const o = new TaskOrganizer(source);
  o.setOptions({ groupBy: 'none', sortBy: 'created', ...options });
  return { o, source };
}

/** The tree as text: `Group (n): a, b` per group, or the ids. */
function shape(o: TaskOrganizer, now = NOW): string[] {
  const r = o.organize(now);
  return r.groups.size === 0 ? r.top : r.top.map((g) => `${r.groups.get(g)!.label}: ${r.groups.get(g)!.ids.join(', ')}`);
}

describe('TaskOrganizer', () => {
  const sample = () => [
    task('a', { status: 'completed', created: local(29, 9), model: 'veo_3_1_fast', completedAt: local(29, 10) }),
    task('b', { status: 'failed', created: local(28, 9), model: 'veo_3_1_pro', error: 'Content POLICY violation' }),
    task('c', { status: 'queued', created: local(25, 9), model: 'veo_3_1_fast', label: 'Sunset over the bay' }),
    task('d', { addedAt: local(1, 9) }),
    task('e', { status: 'processing', created: local(29, 14), request: { prompt: 'A red FOX at dawn', model: 'veo_3_1_pro', resolution: '720p', aspectRatio: '16:9', mode: 'text' } }),
  ];

  it('sorts by created (newest first), last change, or name', () => {
    const { o } = organizer(sample());
    assert.deepEqual(shape(o), ['e', 'a', 'b', 'c', 'd']);
    o.setOptions({ groupBy: 'none', sortBy: 'name' });
    assert.deepEqual(shape(o), ['a', 'b', 'd', 'e', 'c'], 'labels: a b d e "Sunset..."');
    const { o: o2 } = organizer([task('x', { status: 'completed', created: local(20), completedAt: local(29, 16) }), task('y', { status: 'queued', created: local(29, 15), addedAt: local(29, 15) })], { sortBy: 'changed' });
    assert.deepEqual(shape(o2), ['x', 'y']);
  });

  it('tracked order is the store\'s order, without sorting', () => {
    const { o } = organizer(sample(), { sortBy: 'tracked' });
    assert.deepEqual(shape(o), ['a', 'b', 'c', 'd', 'e']);
    assert.equal(o.sorts, 0);
  });

  it('sorts names numerically and case-insensitively', () => {
    const { o } = organizer([task('t10'), task('T2'), task('t1')], { sortBy: 'name' });
    assert.deepEqual(shape(o), ['t1', 'T2', 't10']);
  });

  it('groups by status in a fixed order, with only the states present', () => {
    const { o } = organizer(sample(), { groupBy: 'status' });
    assert.deepEqual(shape(o), ['Checking: d', 'Queued: c', 'Processing: e', 'Completed: a', 'Failed: b']);
    const r = o.organize(NOW);
    assert.equal(r.parentOf.get('a'), groupElement('status', 'completed'));
    assert.ok(r.top.every(isGroupElement));
    assert.equal(isGroupElement('a'), false);
  });

  it('groups by day in local time: Today, Yesterday, This Week, Older', () => {
    const { o } = organizer(sample(), { groupBy: 'day' });
    assert.deepEqual(shape(o), ['Today: e, a', 'Yesterday: b', 'This Week: c', 'Older: d']);
    assert.equal(o.organize(NOW).validUntil, local(30, 0));
  });

  it('the day groups move on at local midnight', () => {
    const { o } = organizer(sample(), { groupBy: 'day' });
    const first = o.organize(NOW);
    assert.equal(o.organize(local(29, 23)), first, 'cached within the day');
    assert.deepEqual(shape(o, local(30, 0)), ['Yesterday: e, a', 'This Week: b, c', 'Older: d']);
  });

  it('dayGroup edges: midnight is today, a future time is today, six days back is this week, seven is older', () => {
    const b = dayBounds(NOW);
    assert.equal(dayGroup(local(29, 0), b), 'today');
    assert.equal(dayGroup(local(29, 0) - 1, b), 'yesterday');
    assert.equal(dayGroup(NOW + 48 * HOUR, b), 'today');
    assert.equal(dayGroup(local(23, 0), b), 'week');
    assert.equal(dayGroup(local(23, 0) - 1, b), 'older');
  });

  it('groups by model: by name, tasks without a model last; the asked model counts when the API gave none', () => {
    const { o } = organizer(sample(), { groupBy: 'model' });
    assert.deepEqual(shape(o), ['veo_3_1_fast: a, c', 'veo_3_1_pro: e, b', `${noModel()}: d`]);
    assert.equal(modelOf(task('z', { status: 'queued', model: '' })), undefined);
  });

  it('puts pinned tasks first, in each group and ungrouped', () => {
    const tasks = sample();
    tasks[2].pinned = true; // c
    tasks[3].pinned = true; // d
    const { o } = organizer(tasks);
    assert.deepEqual(shape(o), ['c', 'd', 'e', 'a', 'b']);
    o.setOptions({ groupBy: 'model', sortBy: 'created' });
    assert.deepEqual(shape(o), ['veo_3_1_fast: c, a', 'veo_3_1_pro: e, b', `${noModel()}: d`]);
  });

  it('filters by status set and by text in id, label, prompt, model and error, case-insensitively', () => {
    const { o } = organizer(sample(), { statuses: ['completed', 'failed'] });
    assert.deepEqual(shape(o), ['a', 'b']);
    const text = (t: string) => {
      o.setOptions({ groupBy: 'none', sortBy: 'created', text: t });
      return shape(o);
    };
    assert.deepEqual(text('policy'), ['b'], 'error');
    assert.deepEqual(text('VEO_3_1_PRO'), ['e', 'b'], 'the model answered (b) or asked (e)');
    o.setOptions({ groupBy: 'none', sortBy: 'created', text: 'fox' });
    assert.deepEqual(shape(o), ['e'], 'prompt');
    o.setOptions({ groupBy: 'none', sortBy: 'created', text: 'sunset' });
    assert.deepEqual(shape(o), ['c'], 'label');
    o.setOptions({ groupBy: 'none', sortBy: 'created', text: 'D' });
    assert.deepEqual(shape(o), ['e', 'd'], 'id (and "dawn")');
    const r = o.organize(NOW);
    assert.equal(r.shown, 2);
    assert.equal(r.total, 5);
    o.setOptions({ groupBy: 'status', sortBy: 'created', text: 'nothing like it' });
    assert.deepEqual(o.organize(NOW).top, [], 'no empty groups');
  });

  it('typing on narrows what the shorter text let through; deleting, or a change in between, looks at every task again', () => {
    const { o, source } = organizer(sample());
    const typed = (text: string) => {
      o.setOptions({ groupBy: 'none', sortBy: 'created', text });
      return shape(o);
    };
    assert.deepEqual(typed('a'), ['e', 'a', 'b', 'c']);
    assert.deepEqual(typed('da'), ['e'], 'dawn');
    assert.deepEqual(typed('d'), ['e', 'd'], 'shorter: every task again');
    assert.deepEqual(typed('da'), ['e']);
    const c = { ...source.get('c')!, label: 'Dark sky' };
    source.set(c);
    assert.equal(o.changed([c], NOW), true, 'it matches now');
    assert.deepEqual(shape(o), ['e', 'c']);
    assert.deepEqual(typed('dar'), ['c']);
    o.setOptions({ groupBy: 'none', sortBy: 'created', text: 'dar', statuses: ['processing'] });
    assert.deepEqual(shape(o), [], 'another status filter: looked at again');
  });

  it('filtering and regrouping do not sort again; a new sort order does', () => {
    const { o } = organizer(sample());
    o.organize(NOW);
    for (const options of [{ text: 'a' }, { text: 'ab' }, { groupBy: 'day' as const }, { groupBy: 'status' as const, statuses: ['failed' as const] }]) {
      o.setOptions({ groupBy: 'none', sortBy: 'created', ...options });
      o.organize(NOW);
    }
    assert.equal(o.sorts, 1);
    o.setOptions({ groupBy: 'none', sortBy: 'name' });
    o.organize(NOW);
    assert.equal(o.sorts, 2);
    assert.equal(o.setOptions({ groupBy: 'none', sortBy: 'name' }), false, 'the same options change nothing');
  });

  it('a change that keeps a task in place redraws its row only; one that moves it reorganises', () => {
    const { o, source } = organizer(sample(), { groupBy: 'status' });
    const before = o.organize(NOW);
    const e = source.get('e')!;
    const renamed = { ...e, problem: { message: 'HTTP 503' } };
    source.set(renamed);
    assert.equal(o.changed([renamed], NOW), false);
    assert.equal(o.organize(NOW), before, 'kept');

    const done = { ...renamed, result: { ...renamed.result!, status: 'completed' } };
    source.set(done);
    assert.equal(o.changed([done], NOW), true, 'another status group');
    assert.deepEqual(shape(o), ['Checking: d', 'Queued: c', 'Completed: e, a', 'Failed: b']);

    o.setOptions({ groupBy: 'none', sortBy: 'created', statuses: ['completed'] });
    assert.deepEqual(shape(o), ['e', 'a'], 'the cached order reads the tasks as they are now');
    const pinned = { ...source.get('a')!, pinned: true };
    source.set(pinned);
    assert.equal(o.changed([pinned], NOW), true, 'pinning moves it');
    assert.deepEqual(shape(o), ['a', 'e']);
  });

  it('changed() before any rows were worked out only redraws rows (the next organize sees the change); invalidate() picks up added and removed tasks', () => {
    const { o, source } = organizer(sample(), { sortBy: 'name' });
    o.organize(NOW);
    o.setOptions({ groupBy: 'status', sortBy: 'name' });
    const renamed = { ...source.get('a')!, label: 'zz last' };
    source.set(renamed);
    assert.equal(o.changed([renamed], NOW), false, 'nothing shown to move');
    assert.deepEqual(shape(o), ['Checking: d', 'Queued: c', 'Processing: e', 'Completed: a', 'Failed: b']);
    o.setOptions({ groupBy: 'none', sortBy: 'name' });
    assert.deepEqual(shape(o), ['b', 'd', 'e', 'c', 'a'], 'sorted again with the new name');
    o.organize(NOW);
    source.tasks.delete('a');
    source.set(task('f', { status: 'queued', created: NOW }));
    o.invalidate();
    assert.deepEqual(shape(o), ['b', 'd', 'e', 'f', 'c']);
  });

  it('skips ids the source no longer has', () => {
    const { o, source } = organizer(sample());
    o.organize(NOW);
    source.tasks.delete('b');
    o.setOptions({ groupBy: 'status', sortBy: 'created' });
    assert.deepEqual(shape(o), ['Checking: d', 'Queued: c', 'Processing: e', 'Completed: a']);
  });

  it('times: created from the API (seconds), else tracked; last change includes completion', () => {
    assert.equal(createdAt(task('x', { addedAt: 5 })), 5);
    assert.equal(createdAt(task('x', { status: 'queued', created: 7000 })), 7000);
    assert.equal(changedAt(task('x', { addedAt: 5, status: 'completed', created: 3000, completedAt: 9000 })), 9000);
    const badCreated = task('x', { addedAt: 5 });
    badCreated.result = result('x', { created: Number.NaN });
    assert.equal(createdAt(badCreated), 5);
  });

  it('10,000 tasks: a new filter or grouping reads the task list once (its time is in npm run bench, step 8)', () => {
    const states = ['queued', 'processing', 'completed', 'failed'];
    const tasks = Array.from({ length: 10_000 }, (_, i) =>
      task(`vgen_${i.toString(36).padStart(8, '0')}`, { status: states[i % 4], created: NOW - i * 60_000, model: `veo_${i % 3}`, label: i % 7 === 0 ? `Clip ${i}` : undefined }),
    );
    const { o, source } = organizer(tasks);
    o.organize(NOW);
    let listed = 0;
    let looked = 0;
    const all = source.all;
    const get = source.get;
    source.all = () => (listed++, all());
    source.get = (id: string) => (looked++, get(id));
    o.setOptions({ groupBy: 'day', sortBy: 'created', text: 'clip 7' });
    const r = o.organize(NOW);
    assert.ok(r.shown > 0);
    assert.ok(listed <= 1, `the list was read ${listed} times`);
    assert.ok(looked <= tasks.length, `${looked} single-task lookups for ${tasks.length} tasks`);
  });
});

describe('TaskOrganizer.warmSearch (the text filter box opening)', () => {
  const tasks: TrackedTask[] = Array.from({ length: 300 }, (_, i) => ({ id: `vgen_w${String(i).padStart(4, '0')}`, addedAt: i, label: i === 299 ? 'The LAST one' : undefined }));
  const source = { all: () => tasks, get: (id: string) => tasks.find((t) => t.id === id) };

  it('works in slices within its budget, then says it is done; the filter finds the same tasks', () => {
    const o = new TaskOrganizer(source);
    let fake = 0;
    const clock = () => (fake += 1);
    let slices = 0;
    while (!o.warmSearch(1, clock)) slices++;
    assert.ok(slices >= 2, `${slices} slices for 300 tasks at one fake ms per look`);
    assert.ok(slices < 10, `${slices} slices: each goes on where the last stopped`);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'last' });
    assert.deepEqual(o.organize(0).top, ['vgen_w0299']);
  });
});

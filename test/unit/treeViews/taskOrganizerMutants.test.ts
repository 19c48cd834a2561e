// TaskOrganizer behaviour that the first mutation run of src/treeViews (issue #11) found
// untested: the narrowing of a longer text filter (counted in source lookups), the search
// text cache and what it holds, warmSearch's slices (fake clock), the day and model group
// edges, option comparison and the cache's lifetime. No timing assertions.
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { dayBounds, dayGroup, noModel, TaskOrganizer } from '../../../src/treeViews/taskOrganizer';
import type { ViewOptions } from '../../../src/treeViews/viewOptions';

// Wednesday 2025-10-29 15:00 local.
const NOW = new Date(2025, 9, 29, 15, 0, 0).getTime();
const HOUR = 3_600_000;

function result(id: string, fields: Partial<TaskResult>): TaskResult {
  return { id, status: 'processing', video_url: null, error: null, ...fields };
}

function task(id: string, fields: Partial<TrackedTask> & { status?: string; model?: string } = {}): TrackedTask {
  const { status, model, ...rest } = fields;
  const t: TrackedTask = { id, addedAt: NOW - HOUR, ...rest };
  if (status !== undefined) t.result = result(id, { status, ...(model === undefined ? {} : { model }) });
  return t;
}

/** A task source that counts single-task lookups. */
class Source {
  readonly tasks = new Map<string, TrackedTask>();
  lookups = 0;
  constructor(tasks: TrackedTask[]) {
    for (const t of tasks) this.tasks.set(t.id, t);
  }
  all = () => [...this.tasks.values()];
  get = (id: string) => (this.lookups++, this.tasks.get(id));
  set(t: TrackedTask) {
    this.tasks.set(t.id, t);
  }
}

function organizer(tasks: TrackedTask[], options: Partial<ViewOptions> = {}): { o: TaskOrganizer; source: Source } {
  const source = new Source(tasks);
  const o = new TaskOrganizer(source);
  o.setOptions({ groupBy: 'none', sortBy: 'tracked', ...options });
  return { o, source };
}

const ids = (o: TaskOrganizer, now = NOW) => o.organize(now).top;
const labels = (o: TaskOrganizer, now = NOW) => {
  const r = o.organize(now);
  return r.top.map((g) => r.groups.get(g)!.label);
};

describe('TaskOrganizer: narrowing a longer text filter', () => {
  const five = () => [task('ant'), task('bat'), task('cat'), task('dog'), task('eel')];

  it('typing on looks up only the tasks the shorter text let through', () => {
    const { o, source } = organizer(five(), { text: 'a' });
    assert.deepEqual(ids(o), ['ant', 'bat', 'cat']);
    source.lookups = 0;
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'at' });
    assert.deepEqual(ids(o), ['bat', 'cat']);
    assert.equal(source.lookups, 3, 'the three that matched "a", nothing else');
    source.lookups = 0;
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'cat' });
    assert.deepEqual(ids(o), ['cat']);
    assert.equal(source.lookups, 2);
  });

  it('the typed text is compared case-insensitively when narrowing', () => {
    const { o, source } = organizer(five(), { text: 'A' });
    assert.deepEqual(ids(o), ['ant', 'bat', 'cat']);
    source.lookups = 0;
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'AT' });
    assert.deepEqual(ids(o), ['bat', 'cat']);
    assert.equal(source.lookups, 3);
  });

  it('no narrowing without a text filter: every task is looked up', () => {
    const { o, source } = organizer(five());
    ids(o);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'a' });
    source.lookups = 0;
    assert.deepEqual(ids(o), ['ant', 'bat', 'cat']);
    assert.equal(source.lookups, 5);
  });

  it('another status filter in between: every task is looked at again, even for the same text', () => {
    const tasks = [task('a1', { status: 'failed' }), task('a2', { status: 'completed' }), task('a3', { status: 'completed' })];
    const { o } = organizer(tasks, { text: 'a', statuses: ['failed'] });
    assert.deepEqual(ids(o), ['a1']);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'a', statuses: ['completed'] });
    assert.deepEqual(ids(o), ['a2', 'a3']);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'a' });
    assert.deepEqual(ids(o), ['a1', 'a2', 'a3'], 'no status filter');
  });

  it('an empty status filter (nothing shows) then none: typing on finds every match again', () => {
    // Stored or API-made options may hold statuses: []; it must not pass for "no status filter".
    const { o } = organizer([task('ab1', { status: 'failed' }), task('ab2')], { text: 'a', statuses: [] });
    assert.deepEqual(ids(o), []);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'ab' });
    assert.deepEqual(ids(o), ['ab1', 'ab2']);
  });
});

describe('TaskOrganizer: the search text', () => {
  it('is worked out once per task object', () => {
    const t = task('vgen_1');
    let reads = 0;
    Object.defineProperty(t, 'label', { enumerable: true, get: () => (reads++, 'Sunset') });
    const { o } = organizer([t], { text: 'sun' });
    assert.deepEqual(ids(o), ['vgen_1']);
    assert.equal(reads, 1);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'set' });
    assert.deepEqual(ids(o), ['vgen_1']);
    assert.equal(reads, 1, 'the cached text is searched again');
  });

  it('keeps its fields apart: a text spanning the end of one and the start of the next does not match', () => {
    const { o } = organizer([task('vgen_1', { label: 'abc' })], { text: '1abc' });
    assert.deepEqual(ids(o), []);
    o.setOptions({ groupBy: 'none', sortBy: 'tracked', text: 'abc' });
    assert.deepEqual(ids(o), ['vgen_1']);
  });

  it('searches only text fields: a number stored as the label (stored state is untrusted) is not searched', () => {
    const odd = { ...task('vgen_1'), label: 12345 as unknown as string };
    const { o } = organizer([odd], { text: '12345' });
    assert.deepEqual(ids(o), []);
  });
});

describe('TaskOrganizer.warmSearch, in slices by a fake clock', () => {
  const source = (n: number) => {
    const tasks: TrackedTask[] = Array.from({ length: n }, (_, i) => task(`vgen_${String(i).padStart(4, '0')}`));
    return { all: () => tasks, get: (id: string) => tasks.find((t) => t.id === id) };
  };

  it('looks at the clock every 64 tasks and stops once more than the budget went by, going on where it stopped', () => {
    // The clock moves 1 ms per read: a slice reads it at its start, then after tasks 64, 128...
    // With a budget of 1 ms it stops after 128 tasks (2 ms > 1 ms; 1 ms is not more than 1 ms).
    const o = new TaskOrganizer(source(300));
    let fake = 0;
    const clock = () => fake++;
    const answers: boolean[] = [];
    do answers.push(o.warmSearch(1, clock));
    while (!answers[answers.length - 1] && answers.length < 20);
    assert.deepEqual(answers, [false, false, true], '0-127, 128-255, 256-299');
    assert.equal(fake, 3 + 3 + 1, 'clock reads per slice: start and two checks, twice, then start only');
  });

  it('a budget the work stays within: done in one call', () => {
    const o = new TaskOrganizer(source(300));
    let fake = 0;
    assert.equal(o.warmSearch(1000, () => fake++), true);
  });

  it('reads the real clock when given none (a negative budget is spent at once)', () => {
    const o = new TaskOrganizer(source(100));
    assert.equal(o.warmSearch(-1), false);
    assert.equal(o.warmSearch(1e9), true, 'the rest');
  });
});

describe('TaskOrganizer: groups, options and the cache', () => {
  it('midnight yesterday is Yesterday (the lower bound is in)', () => {
    const b = dayBounds(NOW);
    assert.equal(dayGroup(b.yesterday, b), 'yesterday');
    assert.equal(dayGroup(b.week, b), 'week');
  });

  it('tasks without a model are "(no model)", after every model, whichever task comes first', () => {
    assert.equal(noModel(), '(no model)');
    const tasks = [task('n', { status: 'queued' }), task('b', { status: 'queued', model: 'veo_b' }), task('a', { status: 'queued', model: 'veo_a' })];
    const { o } = organizer(tasks, { groupBy: 'model' });
    assert.deepEqual(labels(o), ['veo_a', 'veo_b', '(no model)']);
    const { o: o2 } = organizer([task('n', { status: 'queued' }), task('a', { status: 'queued', model: 'veo_a' }), task('b', { status: 'queued', model: 'veo_b' })], { groupBy: 'model' });
    assert.deepEqual(labels(o2), ['veo_a', 'veo_b', '(no model)']);
  });

  it('options: setOptions says whether they changed; current reads them back', () => {
    const o = new TaskOrganizer(new Source([]));
    assert.deepEqual(o.current, { groupBy: 'none', sortBy: 'tracked' });
    const next: ViewOptions = { groupBy: 'status', sortBy: 'name' };
    assert.equal(o.setOptions(next), true);
    assert.equal(o.current, next);
    assert.equal(o.setOptions({ groupBy: 'status', sortBy: 'name' }), false);
  });

  it('another status set is another option; an empty set (nothing passes) is not the same as no status filter', () => {
    const { o } = organizer([task('a', { status: 'failed' }), task('b', { status: 'completed' })], { statuses: ['failed'] });
    assert.deepEqual(ids(o), ['a']);
    assert.equal(o.setOptions({ groupBy: 'none', sortBy: 'tracked', statuses: ['completed'] }), true);
    assert.deepEqual(ids(o), ['b']);
    assert.equal(o.setOptions({ groupBy: 'none', sortBy: 'tracked' }), true);
    assert.deepEqual(ids(o), ['a', 'b']);
    assert.equal(o.setOptions({ groupBy: 'none', sortBy: 'tracked', statuses: [] }), true);
    assert.deepEqual(ids(o), []);
    assert.equal(o.setOptions({ groupBy: 'none', sortBy: 'tracked' }), true);
    assert.deepEqual(ids(o), ['a', 'b']);
  });

  it('rows not grouped by day stay valid for ever', () => {
    const { o } = organizer([task('a')], { groupBy: 'status' });
    assert.equal(o.organize(NOW).validUntil, Infinity);
    o.setOptions({ groupBy: 'none', sortBy: 'created' });
    assert.equal(o.organize(NOW).validUntil, Infinity);
  });

  it('in tracked order, a new created time does not move a task', () => {
    const { o, source } = organizer([task('a', { status: 'queued' }), task('b', { status: 'queued' })]);
    assert.deepEqual(ids(o), ['a', 'b']);
    const later = { ...source.get('a')!, result: result('a', { status: 'queued', created: NOW / 1000 }) };
    source.set(later);
    assert.equal(o.changed([later], NOW), false);
    const { o: o2, source: s2 } = organizer([task('a', { status: 'queued' }), task('b', { status: 'queued' })], { sortBy: 'created' });
    ids(o2);
    const later2 = { ...s2.get('a')!, result: result('a', { status: 'queued', created: NOW / 1000 }) };
    s2.set(later2);
    assert.equal(o2.changed([later2], NOW), true, 'sorted by created, it does');
  });
});

// Bench: find and organise (issue #13), in plain Node: 10,000 tasks, the time until the tree
// has its new top level after a regroup, a new sort order, a status filter and each keystroke
// of a text filter (what the extension host is blocked for), and one poll answer's check.
import { performance } from 'node:perf_hooks';
import type { TrackedTask } from '../src/store/trackedTask';
import { TaskOrganizer } from '../src/treeViews/taskOrganizer';
import type { ViewOptions } from '../src/treeViews/viewOptions';
import type { Figure } from './lib/figure';
import { fixed, max, median } from './lib/stats';

export function organiseBench(count: number, rounds: number): Figure[] {
  const section = 'organise (issue #13)';
  const now = Date.now();
  const states = ['queued', 'processing', 'completed', 'failed'];
  const tasks = new Map<string, TrackedTask>();
  for (let i = 0; i < count; i++) {
    const id = `vgen_${i.toString(16).padStart(12, '0')}`;
    tasks.set(id, {
      id,
      addedAt: now - i * 60_000,
      ...(i % 5 === 0 ? { label: `Clip ${i} at the beach` } : {}),
      request: { prompt: `A red fox number ${i} running through fresh snow at dawn, cinematic`, model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' },
      result: { id, status: states[i % 4], created: Math.floor((now - i * 60_000) / 1000), model: `veo_3_1_${i % 3 ? 'fast' : 'pro'}`, video_url: null, error: i % 4 === 3 ? 'Content policy violation' : null },
    });
  }
  const source = { all: () => [...tasks.values()], get: (id: string) => tasks.get(id) };
  const base: ViewOptions = { groupBy: 'none', sortBy: 'created' };
  const time = (o: TaskOrganizer, options: ViewOptions): number => {
    const t0 = performance.now();
    o.setOptions(options);
    o.organize(now);
    return performance.now() - t0;
  };
  const regroup: number[] = [];
  const resort: number[] = [];
  const status: number[] = [];
  const keystrokes: number[] = [];
  const warm: number[] = [];
  const change: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const o = new TaskOrganizer(source);
    time(o, base);
    regroup.push(time(o, { ...base, groupBy: 'day' }), time(o, { ...base, groupBy: 'status' }), time(o, { ...base, groupBy: 'model' }));
    resort.push(time(o, { ...base, groupBy: 'model', sortBy: 'name' }), time(o, { ...base, groupBy: 'model', sortBy: 'changed' }));
    status.push(time(o, { ...base, sortBy: 'changed', statuses: ['completed', 'failed'] }));
    // As "Filter by Text..." does when its box opens: the search text in 4 ms slices.
    for (;;) {
      const t0 = performance.now();
      const done = o.warmSearch(4);
      warm.push(performance.now() - t0);
      if (done) break;
    }
    let typed = '';
    for (const ch of 'fox number 12') keystrokes.push(time(o, { ...base, sortBy: 'changed', text: (typed += ch) }));
    const t = tasks.get('vgen_000000000007')!;
    const t0 = performance.now();
    o.changed([{ ...t, problem: { message: 'HTTP 503' } }], now);
    change.push(performance.now() - t0);
  }
  const basis = `${count.toLocaleString('en')} tasks, median of ${rounds} rounds`;
  return [
    { section, name: 'Regroup (day, status, model): until the new top level', value: `${fixed(median(regroup), 1)} ms (max ${fixed(max(regroup), 1)})`, goal: '< 50 ms', met: max(regroup) < 50, basis },
    { section, name: 'Sort by name / last change (a full sort)', value: `${fixed(median(resort), 1)} ms (max ${fixed(max(resort), 1)})`, goal: '< 50 ms', met: max(resort) < 50, basis },
    { section, name: 'Filter by status', value: `${fixed(median(status), 1)} ms`, goal: '< 50 ms', met: max(status) < 50, basis },
    { section, name: 'Text filter, one keystroke (no re-sorting)', value: `${fixed(median(keystrokes), 1)} ms (max ${fixed(max(keystrokes), 1)})`, goal: '< 16 ms', met: max(keystrokes) < 16, basis: `${basis}, 13 keystrokes each` },
    { section, name: 'Text filter box opening: preparing the search text, longest slice', value: `${fixed(max(warm), 1)} ms (${warm.length / rounds} slices)`, goal: '< 16 ms', met: max(warm) < 16, basis },
    { section, name: 'One changed task: does it move?', value: `${fixed(median(change) * 1000, 0)} µs`, basis },
  ];
}

if (require.main === module) {
  for (const f of organiseBench(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 5))) console.log(`${f.name}: ${f.value}${f.goal ? ` (goal ${f.goal}: ${f.met ? 'met' : 'MISSED'})` : ''}`);
}

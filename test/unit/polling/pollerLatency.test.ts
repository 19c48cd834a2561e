// Requests that take time on the fake clock: each answer arrives as a clock timer `latency` ms
// after its request started, so the poller sees time move while a request is in flight. "One
// request per interval" is then checked from request start to request start.
import * as assert from 'node:assert/strict';
import type { QueryOutcome } from '../../../src/api/queryOutcome';
import { Poller } from '../../../src/polling/poller';
import { FakeClock } from '../helpers/fakeClock';

const INTERVAL = 30_000;

describe('Poller with request latency on the fake clock', () => {
  let clock: FakeClock;
  let poller: Poller | undefined;
  /** Every request: task, when it started and when it was answered. */
  let requests: Array<{ id: string; start: number; end?: number }>;
  let answers: Array<{ id: string; at: number; next: number | undefined }>;

  const processing = (id: string): QueryOutcome => ({
    kind: 'ok',
    result: { id, object: 'video', created: 1, model: 'veo', status: 'processing', video_url: null, error: null },
  });
  /** A poller whose `query` answers `answer(id, n)` (n: that task's request count) after `latency(id)` ms of fake time. */
  const start = (latency: (id: string) => number, answer: (id: string, n: number) => QueryOutcome = processing) => {
    poller = new Poller({
      clock,
      intervalMs: INTERVAL,
      random: () => 0.5,
      query: (id) =>
        new Promise((resolve) => {
          const r: { id: string; start: number; end?: number } = { id, start: clock.now() };
          requests.push(r);
          const n = requests.filter((q) => q.id === id).length;
          clock.setTimer(() => {
            r.end = clock.now();
            resolve(answer(id, n));
          }, latency(id));
        }),
      onOutcome: (id, _outcome, next) => answers.push({ id, at: clock.now(), next }),
    });
    return poller;
  };
  /** Moves the clock; after every timer, lets the promise chains run (a macrotask turn). */
  const run = (ms: number) => clock.advance(ms, () => new Promise((resolve) => setImmediate(resolve)));
  const startsOf = (id: string) => requests.filter((r) => r.id === id).map((r) => r.start);
  const gaps = (xs: number[]) => xs.slice(1).map((x, i) => x - xs[i]);

  beforeEach(() => {
    clock = new FakeClock();
    requests = [];
    answers = [];
  });
  afterEach(() => poller?.dispose());

  it('asks each task once per interval from request start, however long the answers take', async () => {
    const latency: Record<string, number> = { a: 7_000, b: 200, c: 19_000 };
    const p = start((id) => latency[id]);
    for (const id of ['a', 'b', 'c']) p.track(id);
    await run(10 * INTERVAL + 1_000); // starts are spread 250 ms apart
    for (const id of ['a', 'b', 'c']) {
      const s = startsOf(id);
      assert.equal(s.length, 11, `${id}: ${s.length} requests in 10 intervals`);
      assert.deepEqual(gaps(s), Array(10).fill(INTERVAL), `${id}: gaps ${gaps(s).join(', ')}`);
    }
    // Each answer names the next start: one interval after this request's start, not its answer.
    for (const a of answers) {
      const r = requests.find((q) => q.id === a.id && q.end === a.at);
      assert.ok(r, `a request of ${a.id} answered at ${a.at}`);
      assert.equal(a.next, r.start + INTERVAL);
    }
  });

  it('never overlaps two requests for one task, even when an answer takes longer than the interval', async () => {
    const p = start(() => INTERVAL + 5_000);
    p.track('slow');
    await run(5 * INTERVAL);
    const rs = requests.filter((r) => r.id === 'slow');
    for (let i = 1; i < rs.length; i++) assert.ok(rs[i].start >= (rs[i - 1].end ?? Infinity), `request ${i} started before ${i - 1} was answered`);
    // Due one interval after its start, i.e. already due when the answer comes: asked again at once.
    assert.deepEqual(gaps(rs.map((r) => r.start)), Array(rs.length - 1).fill(INTERVAL + 5_000));
  });

  it('measures the error backoff from the answer, and the interval again from request start after a success', async () => {
    const p = start(
      () => 4_000,
      (id, n) => (n === 1 ? { kind: 'error', message: 'HTTP 503' } : processing(id)),
    );
    p.track('t');
    await run(4 * INTERVAL);
    const [first, second, third] = requests;
    assert.equal(first.end! - first.start, 4_000);
    assert.equal(second.start - first.end!, INTERVAL, 'first retry: one interval after the failed answer');
    assert.equal(third.start - second.start, INTERVAL, 'after a success: one interval from the request start');
  });
});

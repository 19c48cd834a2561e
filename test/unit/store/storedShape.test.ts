import * as assert from 'node:assert/strict';
import { deserializeTasks, STORE_KEY } from '../../../src/store/storedShape';
import type { TrackedTask } from '../../../src/store/trackedTask';

const tasks: TrackedTask[] = [
  { id: 'a', addedAt: 10 },
  {
    id: 'b',
    label: 'Beach',
    addedAt: 20,
    result: { id: 'b', status: 'completed', video_url: 'https://x/b.mp4', actualDuration: 8, error: null, created: 1761635478 },
    completedAt: 30,
    notified: true,
  },
  { id: 'c', addedAt: 40, notFound: true, problem: { message: 'HTTP 503', retryAt: 50 } },
];

describe('storedShape', () => {
  it('reads the old list under a stable key', () => {
    assert.equal(STORE_KEY, 'veo.trackedTasks');
  });

  it('reads back, unchanged, valid tasks stored as { version: 1, tasks } through JSON', () => {
    const raw: unknown = JSON.parse(JSON.stringify({ version: 1, tasks }));
    assert.deepEqual(deserializeTasks(raw), tasks);
  });

  it('returns [] for garbage at the top level', () => {
    for (const raw of [undefined, null, 'x', 5, true, [], {}, { tasks: 'x' }, { tasks: { 0: { id: 'a' } } }]) {
      assert.deepEqual(deserializeTasks(raw), [], JSON.stringify(raw));
    }
  });

  it('skips entries without a usable id and keeps the rest', () => {
    const raw = { version: 1, tasks: [null, 5, 'a', [], {}, { id: '' }, { id: 3 }, { id: 'ok', addedAt: 7 }] };
    assert.deepEqual(deserializeTasks(raw), [{ id: 'ok', addedAt: 7 }]);
  });

  it('defaults a missing or non-numeric addedAt to 0', () => {
    assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a' }, { id: 'b', addedAt: 'yesterday' }] }), [
      { id: 'a', addedAt: 0 },
      { id: 'b', addedAt: 0 },
    ]);
  });

  it('reads a future version and keeps fields it does not know', () => {
    const raw = { version: 7, somethingNew: true, tasks: [{ id: 'a', addedAt: 5, priority: 'high', tags: ['x'] }] };
    assert.deepEqual(deserializeTasks(raw), [{ id: 'a', addedAt: 5, priority: 'high', tags: ['x'] }]);
  });

  it('reads data without a version', () => {
    assert.deepEqual(deserializeTasks({ tasks: [{ id: 'a', addedAt: 1 }] }), [{ id: 'a', addedAt: 1 }]);
  });

  it('drops duplicate ids, keeping the first', () => {
    const raw = { version: 1, tasks: [{ id: 'a', addedAt: 1, label: 'first' }, { id: 'b', addedAt: 2 }, { id: 'a', addedAt: 3, label: 'second' }] };
    assert.deepEqual(deserializeTasks(raw), [
      { id: 'a', addedAt: 1, label: 'first' },
      { id: 'b', addedAt: 2 },
    ]);
  });

  it('does not share objects with the raw input', () => {
    const entry = { id: 'a', addedAt: 1 };
    const [out] = deserializeTasks({ tasks: [entry] });
    assert.notEqual(out, entry);
  });

  describe('re-validation on load (the rules network answers get)', () => {
    const load = (task: Record<string, unknown>) => deserializeTasks({ version: 1, tasks: [{ id: 'a', addedAt: 1, ...task }] })[0];
    const completed = (fields: Record<string, unknown> = {}) => ({ id: 'a', status: 'completed', video_url: 'https://x/a.mp4', error: null, ...fields });

    it('drops a created outside 0 .. 2^32 seconds and an actualDuration outside 0 .. 3600, keeping the result', () => {
      for (const created of [-1e13, NaN, Infinity, -1, 2 ** 32 + 1, '1761635478']) {
        const t = load({ result: completed({ created }) });
        assert.equal(t.result?.status, 'completed', String(created));
        assert.equal('created' in (t.result ?? {}), false, String(created));
      }
      for (const actualDuration of [NaN, -1, 3601, Infinity, '8']) assert.equal(load({ result: completed({ actualDuration }) }).result?.actualDuration, undefined);
      assert.equal(load({ result: completed({ created: 1761635478, actualDuration: 8 }) }).result?.created, 1761635478);
    });

    it('keeps a video_url only when it is https (or http to this machine) and at most 8 KiB', () => {
      assert.equal(load({ result: completed() }).result?.video_url, 'https://x/a.mp4');
      assert.equal(load({ result: completed({ video_url: 'http://127.0.0.1:9/a.mp4' }) }).result?.video_url, 'http://127.0.0.1:9/a.mp4');
      for (const video_url of ['http://evil.example/a.mp4', 'javascript:alert(1)', 'file:///etc/passwd', `https://x/${'a'.repeat(9000)}`, 'https://x/a\n.mp4', 5]) {
        const t = load({ result: completed({ video_url }) });
        assert.equal(t.result?.video_url, null, String(video_url).slice(0, 40));
      }
    });

    it('cleans and caps text fields of the result, and drops unknown ones', () => {
      const t = load({ result: completed({ status: 'fail\u202eed', model: 'm'.repeat(300), object: 7, error: `e\n${'x'.repeat(5000)}`, extra: { deep: 1 } }) });
      assert.deepEqual(Object.keys(t.result ?? {}).sort(), ['error', 'id', 'model', 'status', 'video_url']);
      assert.equal(t.result?.status, 'failed');
      assert.equal(t.result?.model?.length, 128);
      assert.equal(t.result?.error?.length, 2048);
      assert.ok(t.result?.error?.startsWith('e x'));
    });

    it('drops a result without a usable status or for another id', () => {
      for (const result of [{ id: 'a' }, { id: 'a', status: '' }, { id: 'a', status: 3 }, { id: 'b', status: 'queued' }, 'queued', null]) {
        assert.equal(load({ result }).result, undefined, JSON.stringify(result));
      }
    });

    it('keeps addedAt, completedAt and problem.retryAt only as finite times', () => {
      for (const bad of [NaN, Infinity, -Infinity, -1e13, 1e300, '5', null]) {
        const t = load({ addedAt: bad, completedAt: bad, startedAt: bad, finishedAt: bad, problem: { message: 'x', retryAt: bad } });
        assert.equal(t.addedAt, 0, String(bad));
        assert.equal('completedAt' in t, false, String(bad));
        assert.equal('startedAt' in t || 'finishedAt' in t, false, String(bad));
        assert.deepEqual(t.problem, { message: 'x' }, String(bad));
      }
      assert.deepEqual(load({ addedAt: 5, completedAt: 6, startedAt: 8, finishedAt: 9, problem: { message: 'x', retryAt: 7, kind: 'rateLimited' } }), {
        id: 'a',
        addedAt: 5,
        completedAt: 6,
        startedAt: 8,
        finishedAt: 9,
        problem: { message: 'x', retryAt: 7, kind: 'rateLimited' },
      });
    });

    it('cleans a problem message and drops an unknown problem kind or a problem without a message', () => {
      assert.deepEqual(load({ problem: { message: 'a\u0000\nb', kind: 'weird' } }).problem, { message: 'a b' });
      assert.equal(load({ problem: { message: 5 } }).problem, undefined);
      assert.equal(load({ problem: 'x' }).problem, undefined);
    });

    it('caps a label at 120 characters and drops one that is not a string', () => {
      assert.equal(load({ label: 'L'.repeat(500) }).label, 'L'.repeat(120));
      assert.equal(load({ label: 'a\u202eb' }).label, 'ab');
      assert.equal('label' in load({ label: 5 }), false);
    });

    it('keeps localFile only as an absolute path', () => {
      const abs = process.platform === 'win32' ? 'C:\\v\\a.mp4' : '/v/a.mp4';
      assert.equal(load({ localFile: abs }).localFile, abs);
      for (const localFile of ['a.mp4', '../a.mp4', '', 5, { path: abs }, `${abs}\0x`]) assert.equal('localFile' in load({ localFile }), false, String(localFile));
    });

    it('keeps the flags only as booleans', () => {
      const t = load({ notFound: 'yes', notified: 1, linkExpired: null, expiryWarned: true });
      assert.deepEqual(t, { id: 'a', addedAt: 1, expiryWarned: true });
      assert.deepEqual(load({ pinned: true }), { id: 'a', addedAt: 1, pinned: true });
      assert.deepEqual(load({ pinned: 'true' }), { id: 'a', addedAt: 1 }, 'pinned only as a boolean');
    });

    it('keeps a 404 streak only when it is one', () => {
      assert.deepEqual(load({ notFoundStreak: { count: 2, since: 1_000 } }).notFoundStreak, { count: 2, since: 1_000 });
      for (const notFoundStreak of [{ count: 0, since: 1 }, { count: 1.5, since: 1 }, { count: 2, since: NaN }, { count: 2 }, 'x']) {
        assert.equal('notFoundStreak' in load({ notFoundStreak }), false, JSON.stringify(notFoundStreak));
      }
    });

    it('skips a task whose id is over 256 characters', () => {
      assert.deepEqual(deserializeTasks({ tasks: [{ id: 'x'.repeat(257), addedAt: 1 }, { id: 'ok', addedAt: 1 }] }), [{ id: 'ok', addedAt: 1 }]);
    });
  });
});

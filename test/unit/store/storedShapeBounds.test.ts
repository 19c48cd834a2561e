// storedTask at the bounds of what it keeps: a not-found streak of 1 to 1000, a path of at most
// MAX_PATH_LENGTH characters, both kinds of problem, the result's `object`.
import * as assert from 'node:assert/strict';
import { MAX_PATH_LENGTH, storedTask } from '../../../src/store/storedShape';

const at = Date.UTC(2025, 0, 1);

describe('storedTask: bounds', () => {
  it('keeps a not-found streak of 1 and of 1000, drops 0 and 1001', () => {
    const streak = (count: number) => storedTask({ id: 'a', addedAt: at, notFoundStreak: { count, since: at } })?.notFoundStreak;
    assert.deepEqual(streak(1), { count: 1, since: at });
    assert.deepEqual(streak(1000), { count: 1000, since: at });
    assert.equal(streak(0), undefined);
    assert.equal(streak(1001), undefined);
  });

  it('keeps a local path of exactly the longest length, drops a longer one', () => {
    const file = (length: number) => `/${'v'.repeat(length - 1)}`;
    assert.equal(storedTask({ id: 'a', addedAt: at, localFile: file(MAX_PATH_LENGTH) })?.localFile, file(MAX_PATH_LENGTH));
    assert.equal(storedTask({ id: 'a', addedAt: at, localFile: file(MAX_PATH_LENGTH + 1) })?.localFile, undefined);
  });

  it('keeps both kinds of problem and drops an unknown kind', () => {
    const kind = (k: string) => storedTask({ id: 'a', addedAt: at, problem: { message: 'm', kind: k } })?.problem;
    assert.deepEqual(kind('notFound'), { message: 'm', kind: 'notFound' });
    assert.deepEqual(kind('rateLimited'), { message: 'm', kind: 'rateLimited' });
    assert.deepEqual(kind('other'), { message: 'm' });
  });

  it("keeps the result's object field", () => {
    const task = storedTask({ id: 'a', addedAt: at, result: { id: 'a', status: 'completed', object: 'video', video_url: null, error: null } });
    assert.equal(task?.result?.object, 'video');
  });
});

import * as assert from 'node:assert/strict';
import { validateStoredTaskId, validateTaskId } from '../../../src/input/parseTaskIds';
import { deserializeTasks, storedTask } from '../../../src/store/storedShape';

/** Stored state keeps tasks tracked under the earlier id rules: a stricter typed-id rule never drops one. */
describe('stored task ids', () => {
  // Accepted before the typed-id rule refused spaces, fillers, combining marks and look-alikes.
  const older = ['vgen abc', 'vgen\u3164abc', 'vide\u0301o_1', '\uff56gen_1', 'vgen_$(zap)'];

  it('ids a user can no longer enter are still read back from storage (none is lost)', () => {
    for (const id of older) {
      assert.ok(validateTaskId(id) !== undefined, `${JSON.stringify(id)} is refused when entered`);
      assert.equal(validateStoredTaskId(id), undefined, `${JSON.stringify(id)} stays stored`);
      assert.equal(storedTask({ id, addedAt: 1 })?.id, id);
    }
    assert.deepEqual(
      deserializeTasks({ v: 1, tasks: older.map((id) => ({ id, addedAt: 1 })) }).map((t) => t.id),
      older,
    );
  });

  it('control, bidi and zero-width characters, empty and over-long ids are refused in storage too', () => {
    for (const id of ['', ' ', 'vgen\u0000x', 'vgen\u202ex', 'vgen\u200bx', 'x'.repeat(257), '..', 'vgen\ud800']) {
      assert.ok(validateStoredTaskId(id) !== undefined, JSON.stringify(id));
      assert.equal(storedTask({ id, addedAt: 1 }), undefined, JSON.stringify(id));
    }
  });
});

// MemoryPersistence, the store's in-memory TaskPersistence that the store and window tests run on:
// the two behaviours of its own no other test looks at (the mutation run found them untested).
import * as assert from 'node:assert/strict';
import { ElsewhereChange, MemoryPersistence } from '../../../src/store/taskPersistence';

describe('MemoryPersistence', () => {
  it('failNext makes one append reject with "disk full"; the next is stored', async () => {
    const p = new MemoryPersistence();
    p.failNext = true;
    await assert.rejects(p.append([{ id: 'a', add: 1 }]), { message: 'disk full' });
    assert.deepEqual(p.records, []);
    await p.append([{ id: 'a', add: 1 }]);
    assert.deepEqual(p.records, [{ id: 'a', add: 1 }]);
  });

  it('disposed, it announces no more changes made elsewhere', () => {
    const p = new MemoryPersistence();
    const seen: ElsewhereChange[] = [];
    p.onDidChangeElsewhere((c) => seen.push(c));
    p.changeElsewhere({ records: [{ id: 'b', add: 2 }] });
    p.dispose();
    p.changeElsewhere({ records: [{ id: 'c', add: 3 }] });
    assert.deepEqual(seen, [{ records: [{ id: 'b', add: 2 }] }]);
  });
});

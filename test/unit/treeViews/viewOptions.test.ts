import * as assert from 'node:assert/strict';
import { cleanFilterText, DEFAULT_VIEW_OPTIONS, filterMessage, isFiltered, MAX_FILTER_TEXT, parseViewOptions } from '../../../src/treeViews/viewOptions';

describe('view options', () => {
  it('reads back what was stored', () => {
    const o = { groupBy: 'day', sortBy: 'name', statuses: ['failed', 'completed'], text: 'fox' };
    assert.deepEqual(parseViewOptions(o), { groupBy: 'day', sortBy: 'name', statuses: ['completed', 'failed'], text: 'fox' });
  });

  it('falls back to the defaults for anything else (stored state is untrusted)', () => {
    for (const raw of [undefined, null, 5, 'day', [], { groupBy: 'constructor', sortBy: '__proto__' }]) {
      assert.deepEqual(parseViewOptions(raw), DEFAULT_VIEW_OPTIONS, JSON.stringify(raw));
    }
    assert.deepEqual(parseViewOptions({ statuses: ['nope', 7] }), DEFAULT_VIEW_OPTIONS, 'no known state: no status filter');
    assert.deepEqual(parseViewOptions({ statuses: 'failed' }), DEFAULT_VIEW_OPTIONS);
    const every = ['pending', 'queued', 'processing', 'completed', 'failed', 'notFound', 'unknown'];
    assert.deepEqual(parseViewOptions({ statuses: every }), DEFAULT_VIEW_OPTIONS, 'every state is no filter');
    assert.deepEqual(parseViewOptions({ text: ' \u0007 ' }), DEFAULT_VIEW_OPTIONS, 'blank text is no filter');
    assert.deepEqual(parseViewOptions({ text: 42 }), DEFAULT_VIEW_OPTIONS);
  });

  it('cleans the text filter: controls and bidi characters out, trimmed, capped', () => {
    assert.equal(cleanFilterText(' a\u202eb\nc '), 'a b c');
    assert.equal([...cleanFilterText('🎬'.repeat(500))].length, MAX_FILTER_TEXT, 'cut by characters, not halves of pairs');
  });

  it('says what is filtered, as plain text with counts', () => {
    assert.equal(filterMessage(DEFAULT_VIEW_OPTIONS, 3, 3), undefined);
    assert.equal(isFiltered(DEFAULT_VIEW_OPTIONS), false);
    const both = { ...DEFAULT_VIEW_OPTIONS, statuses: ['completed', 'failed'] as const, text: 'fox' };
    assert.equal(filterMessage({ ...both, statuses: [...both.statuses] }, 12, 240), 'Filtered: Completed, Failed · "fox" — 12 of 240 tasks');
    assert.equal(filterMessage({ ...DEFAULT_VIEW_OPTIONS, text: 'x' }, 0, 1), 'Filtered: "x" — 0 of 1 task');
  });
});

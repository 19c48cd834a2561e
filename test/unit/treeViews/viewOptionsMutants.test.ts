// View option names and the filter message in the cases the first mutation run of
// src/treeViews (issue #11) found untested: every state's, grouping's and sort order's name,
// a status-only filter, and both filters on a single task.
import * as assert from 'node:assert/strict';
import { DEFAULT_VIEW_OPTIONS, filterMessage, groupByNames, isFiltered, sortByNames, stateName, STATES } from '../../../src/treeViews/viewOptions';

describe('view option names', () => {
  it('names every state (status groups, the status filter, Go to Task)', () => {
    assert.deepEqual(
      STATES.map((s) => stateName(s)),
      ['Checking', 'Queued', 'Processing', 'Completed', 'Failed', 'Not found', 'Unknown status'],
    );
  });

  it('names every grouping and sort order (the view menu\'s pickers)', () => {
    assert.deepEqual(groupByNames(), { none: 'None', status: 'Status', day: 'Day', model: 'Model' });
    assert.deepEqual(sortByNames(), {
      tracked: 'Tracked (oldest first)',
      created: 'Created (newest first)',
      changed: 'Last change (newest first)',
      name: 'Name (A-Z)',
    });
  });
});

describe('filterMessage, more cases', () => {
  it('a status filter alone is a filter, and the message names only the states', () => {
    const failed = { ...DEFAULT_VIEW_OPTIONS, statuses: ['failed', 'notFound'] as const };
    assert.equal(isFiltered({ ...failed, statuses: [...failed.statuses] }), true);
    assert.equal(filterMessage({ ...failed, statuses: [...failed.statuses] }, 2, 9), 'Filtered: Failed, Not found — 2 of 9 tasks');
    assert.equal(isFiltered({ ...DEFAULT_VIEW_OPTIONS, text: 'x' }), true);
  });

  it('both filters on a single task: states and text apart', () => {
    assert.equal(filterMessage({ ...DEFAULT_VIEW_OPTIONS, statuses: ['unknown'], text: 'fox' }, 0, 1), 'Filtered: Unknown status · "fox" — 0 of 1 task');
  });
});

// Go to Task items: what the first mutation run of src/treeViews (issue #11) found untested.
import * as assert from 'node:assert/strict';
import { goToTaskItems } from '../../../src/treeViews/goToItems';

describe('Go to Task items, spaces', () => {
  it('a label and a prompt are trimmed as well as put on one line', () => {
    const [item] = goToTaskItems([
      { id: 'vgen_1', addedAt: 1, label: '  Beach\n', request: { prompt: '\n  waves  on\tsand  ', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' } },
    ]);
    assert.equal(item.label, '$(loading~spin) Beach');
    assert.equal(item.detail, 'waves on sand');
  });
});

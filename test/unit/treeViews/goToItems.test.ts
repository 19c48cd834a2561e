import * as assert from 'node:assert/strict';
import { escapeIcons, goToTaskItems } from '../../../src/treeViews/goToItems';

describe('Go to Task items', () => {
  it('has the status icon, the label, the id and the prompt of every task', () => {
    const items = goToTaskItems([
      { id: 'vgen_1', addedAt: 1 },
      {
        id: 'vgen_2',
        addedAt: 1,
        label: 'Beach',
        result: { id: 'vgen_2', status: 'completed', video_url: null, error: null },
        request: { prompt: 'waves\non  sand', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' },
      },
    ]);
    assert.deepEqual(items, [
      { id: 'vgen_1', label: '$(loading~spin) vgen_1', description: 'Checking' },
      { id: 'vgen_2', label: '$(pass) Beach', description: 'vgen_2 · Completed', detail: 'waves on sand' },
    ]);
  });

  it('icon syntax from stored text is escaped, in the label, the id and the prompt', () => {
    const [item] = goToTaskItems([
      { id: 'id$(x)', addedAt: 1, label: '$(warning) pay now', request: { prompt: 'p $(key)', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' } },
    ]);
    assert.equal(item.label, '$(loading~spin) \\$(warning) pay now');
    assert.equal(item.description, 'id\\$(x) · Checking');
    assert.equal(item.detail, 'p \\$(key)');
    assert.equal(escapeIcons('a $( b $(c)'), 'a \\$( b \\$(c)');
  });

  it('leaves out a blank prompt and cuts a long one', () => {
    const request = (prompt: string) => ({ prompt, model: 'veo_3_1_fast' as const, resolution: '720p' as const, aspectRatio: '16:9' as const, mode: 'text' as const });
    assert.equal(goToTaskItems([{ id: 'a', addedAt: 1, request: request('  ') }])[0].detail, undefined);
    assert.equal(goToTaskItems([{ id: 'a', addedAt: 1, request: request('x'.repeat(500)) }])[0].detail?.length, 200);
  });
});

import * as assert from 'node:assert/strict';
import { createInput, getInput, listInput, MAX_TRACK_IDS, trackInput } from '../../../src/chat/toolInputs';

describe('chat tool inputs', () => {
  it('reads the list filter, dropping states it does not know', () => {
    assert.deepEqual(listInput({ status: ['completed', 'done', 'failed'], limit: 3 }), { states: ['completed', 'failed'], limit: 3 });
    assert.deepEqual(listInput({ status: 'queued' }), { states: ['queued'], limit: undefined });
    assert.deepEqual(listInput(undefined), { states: [], limit: undefined });
    assert.deepEqual(listInput({ limit: '9' }), { states: [], limit: undefined });
  });

  it('validates the id asked about with the typed-id rules', () => {
    assert.deepEqual(getInput({ id: ' vgen_1 ' }), { id: 'vgen_1' });
    assert.match((getInput({ id: '..' }) as { problem: string }).problem, /only of dots/);
    assert.match((getInput({ id: 'a\u202eb' }) as { problem: string }).problem, /invisible formatting/);
    assert.match((getInput({}) as { problem: string }).problem, /Give the task id/);
  });

  it('tracks ids as the Track Task box reads them, refusing bad ones with the reason', () => {
    const r = trackInput({ ids: ['vgen_1', 'vgen_2, vgen_3', 'vgen_1', '', 'x'.repeat(300), 7, '.'] });
    assert.deepEqual(r.ids, ['vgen_1', 'vgen_2', 'vgen_3']);
    assert.equal(r.refused.length, 3);
    assert.match(r.refused[0], /longer than 256/);
    assert.match(r.refused[1], /must be text \(got number\)/);
    assert.match(r.refused[2], /only of dots/);
    assert.deepEqual(trackInput({ ids: 'a b' }).ids, ['a', 'b']);
    assert.deepEqual(trackInput(null), { ids: [], refused: [] });
  });

  it('tracks at most MAX_TRACK_IDS ids per call and says so', () => {
    const r = trackInput({ ids: Array.from({ length: MAX_TRACK_IDS + 5 }, (_, i) => `id${i}`) });
    assert.equal(r.ids.length, MAX_TRACK_IDS);
    assert.match(r.refused[0], /the last 5 were left out/);
  });

  it('checks a creation request by the form rules, with defaults and the mode from the images', () => {
    assert.deepEqual(createInput({ prompt: 'A fox' }), { ok: true, request: { prompt: 'A fox', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' } });
    const refs = createInput({ prompt: 'x', model: 'veo_3_1_pro', referenceImages: ['https://img.example/a.png'] });
    assert.equal(refs.ok && refs.request.mode, 'reference');
    const frames = createInput({ prompt: 'x', firstFrame: 'https://img.example/a.png' });
    assert.equal(frames.ok && frames.request.mode, 'frames');
    const both = createInput({ prompt: 'x', firstFrame: 'https://a.example/a.png', referenceImages: ['https://a.example/b.png'] });
    assert.equal(both.ok, false);
    assert.match((!both.ok && both.errors.mode) || '', /cannot be combined/);
    const bad = createInput({ prompt: '', model: 'veo_3_1_fast_stable', resolution: '4K' });
    assert.equal(bad.ok, false);
    assert.deepEqual(Object.keys(!bad.ok ? bad.errors : {}).sort(), ['mode', 'prompt', 'resolution']);
    assert.equal(createInput('nonsense').ok, false);
  });
});

import * as assert from 'node:assert/strict';
import { createInput, getInput, listInput, MAX_TRACK_IDS, trackInput } from '../../../src/chat/toolInputs';
import { MAX_REFUSALS_SHOWN, MAX_TRACK_CHARS, MAX_TRACK_ENTRIES, trackAnswer } from '../../../src/chat/toolResults';

describe('chat tool inputs', () => {
  it('reads the list filter, dropping states it does not know', () => {
    assert.deepEqual(listInput({ status: ['completed', 'done', 'failed'], limit: 3 }), { states: ['completed', 'failed'], limit: 3 });
    assert.deepEqual(listInput({ status: 'queued' }), { states: ['queued'], limit: undefined });
    assert.deepEqual(listInput(undefined), { states: [], limit: undefined });
    assert.deepEqual(listInput({ limit: '9' }), { states: [], limit: undefined });
  });

  it('reads each state of the list filter once, however often it is given', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? 'failed' : 'completed'));
    assert.deepEqual(listInput({ status: many }).states, ['completed', 'failed']);
  });

  it('validates the id asked about with the typed-id rules', () => {
    assert.deepEqual(getInput({ id: ' vgen_1 ' }), { id: 'vgen_1' });
    assert.match((getInput({ id: '..' }) as { problem: string }).problem, /only of dots/);
    assert.match((getInput({ id: 'a\u202eb' }) as { problem: string }).problem, /invisible/);
    assert.match((getInput({}) as { problem: string }).problem, /Give the task id/);
    // A huge id is refused on its length, in a short message, without being read through.
    const huge = (getInput({ id: 'x'.repeat(1_000_000) }) as { problem: string }).problem;
    assert.match(huge, /at most 256 characters; this one has 1000000/);
    assert.ok(huge.length < 200);
  });

  it('tracks ids as the Track Task box reads them, refusing bad ones with the reason', () => {
    const r = trackInput({ ids: ['vgen_1', 'vgen_2, vgen_3', 'vgen_1', '', 'x'.repeat(300), 7, '.'] });
    assert.deepEqual(r.ids, ['vgen_1', 'vgen_2', 'vgen_3']);
    assert.equal(r.refused.length, 3);
    assert.match(r.refused[0], /longer than 256/);
    assert.match(r.refused[1], /must be text \(got number\)/);
    assert.match(r.refused[2], /only of dots/);
    assert.deepEqual(trackInput({ ids: 'a b' }).ids, ['a', 'b']);
    assert.deepEqual(trackInput(null), { ids: [], refused: [], refusedCount: 0, leftOut: 0, notRead: 0 });
  });

  it('tracks at most MAX_TRACK_IDS ids per call and counts the others (not as refused ids)', () => {
    const r = trackInput({ ids: Array.from({ length: MAX_TRACK_IDS + 5 }, (_, i) => `id${i}`) });
    assert.equal(r.ids.length, MAX_TRACK_IDS);
    assert.deepEqual(r.ids.slice(0, 2), ['id0', 'id1']);
    assert.deepEqual({ refused: r.refused, refusedCount: r.refusedCount, leftOut: r.leftOut, notRead: r.notRead }, { refused: [], refusedCount: 0, leftOut: 5, notRead: 0 });
  });

  it('reads 50,000 ids in one pass within the caps: 100 tracked, the rest counted, a bounded answer', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `vgen_${i}`);
    const r = trackInput({ ids });
    assert.deepEqual(r.ids, ids.slice(0, MAX_TRACK_IDS));
    assert.equal(r.leftOut, MAX_TRACK_ENTRIES - MAX_TRACK_IDS, 'the entries read past the cap are counted');
    assert.equal(r.notRead, 50_000 - MAX_TRACK_ENTRIES, 'the entries past the read cap are counted, not read');
    assert.equal(r.refusedCount, 0);
    const answer = trackAnswer({ added: r.ids, alreadyTracked: [], ...r });
    assert.match(answer.summary, /900 more valid ids were left out/);
    assert.match(answer.summary, /49000 entries of "ids" were not read in full/);
    assert.ok(JSON.stringify(answer).length < 5000, 'the answer does not grow with the input');
  });

  it('refuses 20,000 bad pieces with at most MAX_REFUSALS_SHOWN reasons and a count', () => {
    const r = trackInput({ ids: Array.from({ length: 20_000 }, () => '..') });
    assert.equal(r.refused.length, MAX_REFUSALS_SHOWN);
    assert.equal(r.refusedCount, MAX_TRACK_ENTRIES);
    assert.equal(r.notRead, 20_000 - MAX_TRACK_ENTRIES);
    const answer = trackAnswer({ added: [], alreadyTracked: [], ...r });
    assert.match(answer.summary, /1000 refused as not valid task ids \(the reasons for the first 10 are listed\)/);
    assert.equal((answer.data as { refusedNotShown: number }).refusedNotShown, MAX_TRACK_ENTRIES - MAX_REFUSALS_SHOWN);
    assert.ok(JSON.stringify(answer).length < 5000, JSON.stringify(answer).length.toString());
    // The same within one string: one entry, its pieces refused one by one.
    const one = trackInput({ ids: Array.from({ length: 20_000 }, () => '..').join(' ') });
    assert.equal(one.refused.length, MAX_REFUSALS_SHOWN);
    assert.ok(one.refusedCount > MAX_REFUSALS_SHOWN);
  });

  it('reads one long string only up to MAX_TRACK_CHARS, cut between ids, never inside one', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `vgen_${i}`);
    const r = trackInput({ ids: ids.join(', ') });
    assert.deepEqual(r.ids, ids.slice(0, MAX_TRACK_IDS));
    assert.equal(r.notRead, 1, 'the one entry was read in part');
    assert.equal(r.refusedCount, 0, 'no id cut in two');
    const readIds = r.ids.length + r.leftOut;
    assert.ok(readIds < ids.length && ids.slice(0, readIds).join(', ').length <= MAX_TRACK_CHARS, `${readIds} ids read`);
    // What fits is read whole, and entries after the cap are not read.
    const exact = trackInput({ ids: ['a'.repeat(200), 'b', 'x'.repeat(MAX_TRACK_CHARS)] });
    assert.deepEqual(exact.ids, ['a'.repeat(200), 'b']);
    assert.equal(exact.notRead, 1);
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

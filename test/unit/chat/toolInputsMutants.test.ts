// Edges of the chat tool inputs that the main tests leave open (#11): the caps on what is read
// (status entries, id length, characters of `ids`), the wording of a refused non-text id, and
// which mode the image fields of a create call choose.
import * as assert from 'node:assert/strict';
import { createInput, getInput, listInput, trackInput } from '../../../src/chat/toolInputs';
import { MAX_TRACK_CHARS } from '../../../src/chat/toolResults';

describe('chat tool inputs: edges', () => {
  it('reads only the first 100 entries of the status filter', () => {
    const statuses = [...Array.from({ length: 100 }, () => 'nope'), 'completed'];
    assert.deepEqual(listInput({ status: statuses }).states, []);
    assert.deepEqual(listInput({ status: statuses.slice(1) }).states, ['completed']);
  });

  it('reads an id of exactly four times the longest id (spaces around it) and trims it', () => {
    const padded = `${' '.repeat(4 * 256 - 6)}vgen_1`;
    assert.equal(padded.length, 1024);
    assert.deepEqual(getInput({ id: padded }), { id: 'vgen_1' });
    assert.match((getInput({ id: ` ${padded}` }) as { problem: string }).problem, /this one has 1025/);
  });

  it('says a null id is null, not an object', () => {
    assert.deepEqual(trackInput({ ids: [null] }).refused, ['An id must be text (got null).']);
    assert.deepEqual(trackInput({ ids: [{}] }).refused, ['An id must be text (got object).']);
  });

  it('reads an entry of exactly the character cap in full', () => {
    const piece = `first${' '.repeat(MAX_TRACK_CHARS - 'first'.length - 'last'.length)}last`;
    assert.equal(piece.length, MAX_TRACK_CHARS);
    const r = trackInput({ ids: [piece] });
    assert.deepEqual(r.ids, ['first', 'last']);
    assert.equal(r.notRead, 0);
  });

  it('past the cap keeps an id that ends right at it when a separator follows', () => {
    const upToCap = `first${' '.repeat(MAX_TRACK_CHARS - 'first'.length - 'last'.length)}last`;
    const r = trackInput({ ids: [`${upToCap} next`] });
    assert.deepEqual(r.ids, ['first', 'last']);
    assert.equal(r.notRead, 1, 'the entry was read only in part');
  });

  it('chooses frames mode when the reference image list is empty', () => {
    const c = createInput({ prompt: 'a cat', referenceImages: [], firstFrame: 'https://img.example/a.png' });
    assert.ok(c.ok, JSON.stringify(c));
    assert.equal(c.request.mode, 'frames');
  });

  it('chooses reference mode for reference images given as one string', () => {
    const c = createInput({ prompt: 'a cat', referenceImages: 'https://img.example/a.png' });
    assert.ok(c.ok, JSON.stringify(c));
    assert.equal(c.request.mode, 'reference');
    assert.deepEqual(c.request.referenceImages, ['https://img.example/a.png']);
  });

  it('chooses frames mode for a last frame alone, and asks for the first frame', () => {
    const c = createInput({ prompt: 'a cat', lastFrame: 'https://img.example/z.png' });
    assert.ok(!c.ok, JSON.stringify(c));
    assert.match(String(c.errors.firstFrame), /A last frame needs a first frame/);
  });
});

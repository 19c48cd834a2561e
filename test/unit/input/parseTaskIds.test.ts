import * as assert from 'node:assert/strict';
import { MAX_ID_LENGTH, parseTaskIds, validateTaskId } from '../../../src/input/parseTaskIds';

describe('parseTaskIds', () => {
  it('splits on spaces, commas, semicolons, tabs and newlines', () => {
    const r = parseTaskIds('a b,c;d\te\nf\r\ng');
    assert.deepEqual(r, { ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], errors: [], duplicates: [] });
  });

  it('trims surrounding whitespace and collapses runs of separators', () => {
    const r = parseTaskIds('  \n vgen_1 ,,  ;; vgen_2 \n\n ');
    assert.deepEqual(r.ids, ['vgen_1', 'vgen_2']);
    assert.deepEqual(r.errors, []);
  });

  it('keeps the first occurrence in input order and reports later repeats as duplicates', () => {
    const r = parseTaskIds('b a b c a b');
    assert.deepEqual(r.ids, ['b', 'a', 'c']);
    assert.deepEqual(r.duplicates, ['b', 'a', 'b']);
  });

  it('treats a quoted id and the bare id as the same id', () => {
    const r = parseTaskIds(`vgen_x "vgen_x" 'vgen_x'`);
    assert.deepEqual(r.ids, ['vgen_x']);
    assert.deepEqual(r.duplicates, ['vgen_x', 'vgen_x']);
  });

  it('accepts a pasted JSON array of ids', () => {
    const r = parseTaskIds('["vgen_abc123def456", "vgen_000111222333"]');
    assert.deepEqual(r, { ids: ['vgen_abc123def456', 'vgen_000111222333'], errors: [], duplicates: [] });
  });

  it('accepts a pretty-printed JSON array with brackets on their own lines', () => {
    const r = parseTaskIds('[\n  "a1",\n  "b2"\n]\n');
    assert.deepEqual(r.ids, ['a1', 'b2']);
    assert.deepEqual(r.errors, []);
  });

  it('keeps quotes that are inside an id', () => {
    assert.deepEqual(parseTaskIds(`"it's"`).ids, [`it's`]);
  });

  it('returns nothing for empty or separator-only input', () => {
    assert.deepEqual(parseTaskIds(''), { ids: [], errors: [], duplicates: [] });
    assert.deepEqual(parseTaskIds(' ,;\n\t "" [] '), { ids: [], errors: [], duplicates: [] });
  });

  it('refuses a piece with a control character and keeps the others', () => {
    const r = parseTaskIds('good1 bad\u0001id good2');
    assert.deepEqual(r.ids, ['good1', 'good2']);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0], 'A task id cannot contain control characters ("bad\\u0001id").');
  });

  it('refuses DEL (0x7f) and 0x1f, which are not separators', () => {
    const r = parseTaskIds('x\u007fy z\u001fw');
    assert.deepEqual(r.ids, []);
    assert.equal(r.errors.length, 2);
    assert.match(r.errors[0], /control characters/);
    assert.match(r.errors[1], /control characters/);
  });

  it('treats a newline as a separator, not as a control character inside an id', () => {
    const r = parseTaskIds('abc\ndef');
    assert.deepEqual(r.ids, ['abc', 'def']);
    assert.deepEqual(r.errors, []);
  });

  it('refuses an id longer than 256 characters with a message giving the limit and length', () => {
    const long = 'x'.repeat(300);
    const r = parseTaskIds(`ok ${long}`);
    assert.deepEqual(r.ids, ['ok']);
    assert.deepEqual(r.errors, [`A task id cannot be longer than 256 characters ("${'x'.repeat(37)}..." has 300).`]);
  });

  it('accepts an id of exactly 256 characters', () => {
    const id = 'y'.repeat(MAX_ID_LENGTH);
    assert.deepEqual(parseTaskIds(id).ids, [id]);
  });
});

describe('validateTaskId', () => {
  it('accepts an ordinary id', () => {
    assert.equal(validateTaskId('vgen_abc123def456'), undefined);
  });

  it('refuses empty and blank ids', () => {
    assert.equal(validateTaskId(''), 'A task id cannot be empty.');
    assert.equal(validateTaskId('   '), 'A task id cannot be empty.');
  });

  it('refuses control characters, including a newline inside the id', () => {
    assert.equal(validateTaskId('a\nb'), 'A task id cannot contain control characters ("a\\nb").');
    assert.equal(validateTaskId('a\u0000'), 'A task id cannot contain control characters ("a\\u0000").');
  });

  it('refuses 257 characters but not 256', () => {
    assert.equal(MAX_ID_LENGTH, 256);
    assert.equal(validateTaskId('z'.repeat(256)), undefined);
    assert.equal(validateTaskId('z'.repeat(257)), `A task id cannot be longer than 256 characters ("${'z'.repeat(37)}..." has 257).`);
  });

  it('refuses ids made only of dots, which a URL would read as a path step', () => {
    for (const id of ['.', '..', '...', '....']) {
      assert.equal(validateTaskId(id), `A task id cannot be made only of dots ("${id}"): in a URL it would name another path.`);
    }
    assert.equal(validateTaskId('a..b'), undefined);
    assert.equal(validateTaskId('.hidden'), undefined);
    assert.deepEqual(parseTaskIds('vgen_1 .. vgen_2').ids, ['vgen_1', 'vgen_2']);
  });

  it('refuses ids that are not well-formed Unicode (a lone surrogate), and accepts a real pair', () => {
    assert.equal(validateTaskId('vgen_\ud800'), 'A task id must be well-formed Unicode text ("vgen_\\ud800" has half of a character pair).');
    assert.match(validateTaskId('\udc00abc') ?? '', /well-formed Unicode/);
    assert.match(validateTaskId('ab\ud83d') ?? '', /well-formed Unicode/);
    assert.equal(validateTaskId('vgen_😀'), undefined);
  });

  it('refuses bidi and other invisible formatting characters, naming them', () => {
    assert.equal(
      validateTaskId('vgen_\u202eevil'),
      'A task id cannot contain invisible formatting or text-direction characters ("vgen_evil" has U+202E).',
    );
    for (const c of ['\u200b', '\u200e', '\u200f', '\u2066', '\u2069', '\u061c', '\u00ad', '\u2060']) {
      assert.match(validateTaskId(`a${c}b`) ?? '', /invisible formatting or text-direction/, `U+${c.charCodeAt(0).toString(16)}`);
    }
    const r = parseTaskIds('good \u202ebad\u2066 fine');
    assert.deepEqual(r.ids, ['good', 'fine']);
    assert.deepEqual(r.errors, ['A task id cannot contain invisible formatting or text-direction characters ("bad" has U+202E, U+2066).']);
  });
});

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

  it('refuses bidi and other invisible formatting characters, naming the first and where it is', () => {
    assert.equal(
      validateTaskId('vgen_\u202eevil'),
      'A task id cannot contain spaces or invisible characters ("vgen_evil" has U+202E at position 6).',
    );
    for (const c of ['\u200b', '\u200e', '\u200f', '\u2066', '\u2069', '\u061c', '\u00ad', '\u2060']) {
      assert.match(validateTaskId(`a${c}b`) ?? '', /spaces or invisible characters \("ab" has U\+[0-9A-F]{4} at position 2\)/, `U+${c.charCodeAt(0).toString(16)}`);
    }
    const r = parseTaskIds('good \u202ebad\u2066 fine');
    assert.deepEqual(r.ids, ['good', 'fine']);
    assert.deepEqual(r.errors, ['A task id cannot contain spaces or invisible characters ("bad" has U+202E at position 1).']);
  });

  it('refuses spaces of every kind inside an id (a link, a JSON field or a tool call can carry one)', () => {
    assert.equal(validateTaskId('vgen_ab cd'), 'A task id cannot contain spaces or invisible characters ("vgen_abcd" has U+0020 at position 8).');
    for (const c of ['\u00a0', '\u2028', '\u2029', '\u3000', '\u2007', '\u202f', '\u205f', '\u1680']) {
      assert.match(validateTaskId(`vgen_ab${c}cd`) ?? '', /spaces or invisible characters .* at position 8\)/, `U+${c.charCodeAt(0).toString(16)}`);
    }
  });

  it('refuses characters that show as nothing: Hangul fillers, other default-ignorables, the blank braille cell, private use, unassigned', () => {
    assert.equal(validateTaskId('vgen\u3164abc123'), 'A task id cannot contain spaces or invisible characters ("vgenabc123" has U+3164 at position 5).');
    assert.equal(validateTaskId('\u3164'), 'A task id cannot contain spaces or invisible characters ("" has U+3164 at position 1).', 'not blank to trim(), still nothing to see');
    for (const c of ['\u115f', '\u1160', '\uffa0', '\u034f', '\ufe0f', '\u180e', '\u2800', '\ue000', '\u{e0041}', '\u0378']) {
      assert.match(validateTaskId(`vgen_ab${c}cd`) ?? '', /spaces or invisible characters .* at position 8\)/, `U+${c.codePointAt(0)?.toString(16)}`);
    }
    const r = parseTaskIds('vgen_abc123def456 vgen_abc123def456\u3164');
    assert.deepEqual(r.ids, ['vgen_abc123def456'], 'the lookalike with a filler is not a second, different id');
    assert.equal(r.errors.length, 1);
  });

  it('refuses combining marks, which stack on the character before', () => {
    assert.equal(validateTaskId('vgen_abc\u0301'), 'A task id cannot contain combining marks ("vgen_abc" has U+0301 at position 9).');
    assert.match(validateTaskId('x\u20dd') ?? '', /combining marks .* U\+20DD at position 2/);
    assert.match(validateTaskId('vgen_\u0915\u093f') ?? '', /combining marks/);
  });

  it('refuses look-alikes NFKC would change (full-width letters, ligatures), saying what they stand for', () => {
    assert.equal(
      validateTaskId('\uff56\uff47\uff45\uff4e_abc123'),
      'A task id cannot contain look-alike characters such as full-width letters ("ｖｇｅｎ_abc123" has U+FF56 at position 1, which stands for "v"). Type the plain characters.',
    );
    assert.match(validateTaskId('vgen_\ufb01le') ?? '', /look-alike .* U\+FB01 at position 6, which stands for "fi"/);
    assert.match(validateTaskId('vgen_x\u2460') ?? '', /look-alike .* U\+2460 at position 7, which stands for "1"/);
    assert.match(validateTaskId('\u1100\u1161') ?? '', /look-alike .* U\+1100 at position 1/, 'a sequence that composes');
  });

  it('refuses the icon and link syntax VS Code renders, quoting it broken', () => {
    assert.equal(validateTaskId('$(zap)'), 'A task id cannot contain "$(" or "](" ("$ (zap)"): VS Code would show it as an icon or a link.');
    assert.equal(validateTaskId('[x](command:veo.clearApiKey)'), 'A task id cannot contain "$(" or "](" ("[x] (command:veo.clearApiKey)"): VS Code would show it as an icon or a link.');
    assert.deepEqual(parseTaskIds('[x](command:y) $(zap)').ids, []);
  });

  it('still accepts what ids of the API and of other providers look like, and other visible text', () => {
    for (const id of ['vgen_abc123def456', 'video_fd35ee52-2a98-44a6-b930-29a88ce9b8fd', 'proj_abcdef', 'gen-7f3a9', 'task:1/2', "it's", 'vgen_😀', '任务_123', 'a(b)c', '$5', '[a]b']) {
      assert.equal(validateTaskId(id), undefined, id);
    }
  });
});

import * as assert from 'node:assert/strict';
import { MAX_REQUESTS_PER_FILE, PromptFile, readPromptFile } from '../../../src/create/promptFile';

function requests(file: PromptFile) {
  assert.ok(file.ok, `expected a prompt file, got ${JSON.stringify(file)}`);
  return file.requests;
}

/** Every offset points at the `{` of its request, and that request parses back to the body. */
function assertOffsetsAtBraces(text: string, file: PromptFile): void {
  for (const r of requests(file)) {
    assert.equal(text[r.offset], '{', `offset ${r.offset} is at ${JSON.stringify(text.slice(r.offset, r.offset + 10))}`);
  }
}

describe('readPromptFile', () => {
  it('a root object is one request at its `{` (after leading whitespace)', () => {
    const text = '\n\n   {"model": "veo_3_1_fast", "prompt": "a cat"}\n';
    const rs = requests(readPromptFile(text));
    assert.equal(rs.length, 1);
    assert.equal(rs[0].offset, 5);
    assert.deepEqual(rs[0].body, { model: 'veo_3_1_fast', prompt: 'a cat' });
  });

  it('a root array gives one request per object, each offset exactly at its `{`', () => {
    const a = '{"model": "veo_3_1_fast", "prompt": "one"}';
    const b = '{"model": "veo_3_1_pro", "prompt": "two"}';
    const text = `[\n  ${a},\n\t${b}   ]`;
    const rs = requests(readPromptFile(text));
    assert.deepEqual(
      rs.map((r) => r.offset),
      [text.indexOf(a), text.indexOf(b)],
    );
    assert.deepEqual(
      rs.map((r) => r.body),
      [JSON.parse(a), JSON.parse(b)],
    );
  });

  it('brackets, braces, commas, quotes and escaped quotes inside strings and nested values do not move the offsets', () => {
    const first = String.raw`{"prompt": "a [bracket] {brace}, a \"quote\" and a backslash \\", "image_urls": ["https://x/a,b]", "https://x/{c}"], "nested": [[1, [2]], {"k": ["]}", "\\\""]}]}`;
    const second = String.raw`{"prompt": "\\\\\"[", "model": "veo_3_1_pro"}`;
    const third = '{"prompt":"ends with a backslash \\\\"}';
    const text = `[${first},${second} , \n${third}]`;
    const file = readPromptFile(text);
    const rs = requests(file);
    assert.equal(rs.length, 3);
    assert.deepEqual(
      rs.map((r) => r.offset),
      [1, 1 + first.length + 1, text.lastIndexOf('{"prompt":"ends')],
    );
    assertOffsetsAtBraces(text, file);
    assert.deepEqual(
      rs.map((r) => r.body),
      JSON.parse(text),
    );
  });

  it('each offset is where the element itself starts, also after many nested levels', () => {
    const deep = '{"a": [[[[{"b": [[]]}]]]], "c": {"d": {"e": "}}]]"}}}';
    const text = `[${deep}, ${deep},${deep}]`;
    const file = readPromptFile(text);
    assert.deepEqual(
      requests(file).map((r) => r.offset),
      [1, 1 + deep.length + 2, 1 + 2 * deep.length + 3],
    );
  });

  it('skips elements that are not objects (strings, numbers, arrays, null, booleans) but keeps the others at their own offsets', () => {
    const obj1 = '{"prompt": "kept 1"}';
    const obj2 = '{"prompt": "kept 2"}';
    const text = `["a string with { and [", 42, -1.5e3, [{"prompt": "inside an inner array"}], null, ${obj1}, true, false, {}, ${obj2}]`;
    const rs = requests(readPromptFile(text));
    assert.deepEqual(
      rs.map((r) => r.body),
      [{ prompt: 'kept 1' }, {}, { prompt: 'kept 2' }],
    );
    assert.deepEqual(
      rs.map((r) => r.offset),
      [text.indexOf(obj1), text.indexOf('{}'), text.indexOf(obj2)],
    );
  });

  it('an empty array is a prompt file without requests', () => {
    assert.deepEqual(readPromptFile(' [ ] '), { ok: true, requests: [] });
  });

  it('invalid JSON is refused with a message that says so', () => {
    for (const text of ['', '{', '[{"prompt": "x"},]', '{"prompt": \'single\'}', '// comment\n{}']) {
      const file = readPromptFile(text);
      assert.equal(file.ok, false, text);
      assert.ok(!file.ok && /^not valid JSON \([\s\S]+\)$/.test(file.message), JSON.stringify(file));
    }
  });

  it('a root that is neither an object nor an array is refused with what a prompt file holds', () => {
    for (const text of ['"text"', '42', 'null', 'true']) {
      const file = readPromptFile(text);
      assert.deepEqual(file, { ok: false, message: 'a prompt file holds one request object or an array of them' }, text);
    }
  });

  it(`more than ${MAX_REQUESTS_PER_FILE} requests are capped at ${MAX_REQUESTS_PER_FILE}, the first ones, offsets still right`, () => {
    const elements = Array.from({ length: MAX_REQUESTS_PER_FILE + 50 }, (_, i) => `{"prompt": "p${i} ]}\\""}`);
    const text = `[${elements.join(',\n')}]`;
    const file = readPromptFile(text);
    const rs = requests(file);
    assert.equal(rs.length, MAX_REQUESTS_PER_FILE);
    assert.deepEqual(rs[0].body, { prompt: 'p0 ]}"' });
    assert.deepEqual(rs[MAX_REQUESTS_PER_FILE - 1].body, { prompt: `p${MAX_REQUESTS_PER_FILE - 1} ]}"` });
    assertOffsetsAtBraces(text, file);
    assert.equal(rs[MAX_REQUESTS_PER_FILE - 1].offset, text.indexOf(elements[MAX_REQUESTS_PER_FILE - 1]));
  });

  it(`exactly ${MAX_REQUESTS_PER_FILE} requests are all kept`, () => {
    const text = JSON.stringify(Array.from({ length: MAX_REQUESTS_PER_FILE }, (_, i) => ({ prompt: `p${i}` })));
    assert.equal(requests(readPromptFile(text)).length, MAX_REQUESTS_PER_FILE);
  });
});

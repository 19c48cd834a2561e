import * as assert from 'node:assert/strict';
import { findTaskIdOccurrences, findTaskIds, findTerminalTaskIds, mentionsVeoAnswer } from '../../../src/input/findTaskIds';

const UUID_ID = 'video_fd35ee52-2a98-44a6-b930-29a88ce9b8fd';
const ids = (text: string, options?: Parameters<typeof findTaskIds>[1]) => findTaskIds(text, options).found.map((f) => f.id);

describe('findTaskIds', () => {
  it('finds both id shapes the API hands out, in order, each once, with where they are', () => {
    const text = `created vgen_abc123def456 then ${UUID_ID}; again vgen_abc123def456.`;
    const { found, truncated } = findTaskIds(text);
    assert.deepEqual(found, [
      { id: 'vgen_abc123def456', index: 8, length: 17, kind: 'prefixed' },
      { id: UUID_ID, index: 31, length: UUID_ID.length, kind: 'prefixed' },
    ]);
    assert.equal(text.slice(found[1].index, found[1].index + found[1].length), UUID_ID);
    assert.equal(truncated, false);
  });

  it('takes ids out of URLs, quotes, brackets and log lines, but not out of longer words', () => {
    assert.deepEqual(ids('GET https://api.example/v1/result/vgen_abc123def456?x=1'), ['vgen_abc123def456']);
    assert.deepEqual(ids('["vgen_aaaa1111", (vgen_bbbb2222)] <vgen_cccc3333>'), ['vgen_aaaa1111', 'vgen_bbbb2222', 'vgen_cccc3333']);
    assert.deepEqual(ids('xvgen_abc123def456 myvideo_fd35ee52-2a98-44a6-b930-29a88ce9b8fd vgen_abc- vgen_ab'), []);
    assert.deepEqual(ids(`${UUID_ID}0 ${UUID_ID}-x`), [], 'a uuid glued to more is not one');
    assert.deepEqual(ids('vgen_abc123def456.mp4 saved'), ['vgen_abc123def456'], 'a file name keeps its id');
  });

  it('reads the id field of a printed answer, compact or pretty-printed, whatever its shape', () => {
    assert.deepEqual(ids('{"id":"gen-7f3a9","object":"video","status":"queued"}'), ['gen-7f3a9']);
    assert.deepEqual(ids('{\n  "id": "vgen_abc123def456",\n  "status": "queued"\n}'), ['vgen_abc123def456'], 'one match, not two, for a prefixed id in a field');
    assert.deepEqual(ids('{"task_id": "task-123456"} {"data":{"projectId":"proj_abcdef"}}'), ['task-123456', 'proj_abcdef']);
    const text = '{"id": "gen-7f3a9"}';
    const [f] = findTaskIds(text).found;
    assert.equal(text.slice(f.index, f.index + f.length), 'gen-7f3a9');
    assert.equal(f.kind, 'field');
  });

  it('ignores short field values, escaped or spaced values, and unquoted keys; fields can be turned off', () => {
    assert.deepEqual(ids('{"id": "1"} {"id": "12345"} {"id": "a b c d e f"} {"id": "ab\\"cdefg"} id: "abcdefgh"'), []);
    assert.deepEqual(ids('{"id":"gen-7f3a9"} vgen_abc123def456', { fields: false }), ['vgen_abc123def456']);
  });

  it('refuses what a typed id may not be: control, bidi or zero-width characters, dots only', () => {
    assert.deepEqual(ids('{"id":"abc\u202edefgh"} {"id":"......"} {"id":"abc\u200bdefg"}'), []);
  });

  it('caps the text looked at and the ids returned, and says so', () => {
    const many = Array.from({ length: 50 }, (_, i) => `vgen_task${String(i).padStart(4, '0')}`).join(' ');
    const capped = findTaskIds(many, { maxIds: 10 });
    assert.equal(capped.found.length, 10);
    assert.equal(capped.truncated, true);
    assert.equal(findTaskIds(many, { maxIds: 50 }).truncated, false, 'exactly the cap is not truncated');
    const late = `${' '.repeat(100)}vgen_abc123def456`;
    assert.deepEqual(findTaskIds(late, { maxChars: 50 }), { found: [], truncated: true });
    assert.deepEqual(ids(late, { maxChars: 200 }), ['vgen_abc123def456']);
    assert.equal(findTaskIds(many, { maxIds: 1e9 }).found.length, 50, 'a cap above the default is clamped, not trusted');
    assert.equal(findTaskIds(many, { maxIds: Number.NaN }).found.length, 50);
    assert.equal(findTaskIds(many, { maxIds: -3 }).found.length, 0);
  });

  it('drops an id the cap cuts through (it would be another, shorter id), and keeps one that ends right at the cap', () => {
    const line = `${' '.repeat(3990)} vgen_abc123def456`;
    assert.deepEqual(findTaskIds(line, { maxChars: 4_000 }), { found: [], truncated: true }, 'not vgen_abc1');
    assert.deepEqual(findTaskIdOccurrences(line, { maxChars: 4_000 }), []);
    assert.deepEqual(findTerminalTaskIds(line, { maxChars: 4_000 }), []);
    const uuid = `${' '.repeat(10)}${UUID_ID}`;
    assert.deepEqual(ids(`${uuid}0`, { maxChars: uuid.length }), [], 'a uuid glued to more beyond the cap');
    assert.deepEqual(ids(`${uuid} more`, { maxChars: uuid.length }), [UUID_ID], 'complete: the next character ends it');
    assert.deepEqual(ids(`x vgen_abc123def456.mp4`, { maxChars: 19 }), ['vgen_abc123def456']);
    assert.deepEqual(ids(`x vgen_abc123def456-2`, { maxChars: 19 }), []);
    const big = `${'a '.repeat(1_000_000)}vgen_abc123def456`;
    assert.deepEqual(ids(big, { maxChars: big.length - 8 }), [], 'a file cut at 2,000,000 the same way');
  });

  it('handles a large text in one pass', () => {
    const text = `${'lorem ipsum '.repeat(100_000)}vgen_abc123def456`;
    assert.deepEqual(ids(text), ['vgen_abc123def456']);
  });
});

describe('findTaskIdOccurrences', () => {
  it('returns every place an id appears, for one link each, capped', () => {
    const line = 'vgen_abc123def456 -> vgen_abc123def456 {"id": "gen-7f3a9"}';
    const all = findTaskIdOccurrences(line);
    assert.deepEqual(all.map((o) => [o.id, o.index]), [
      ['vgen_abc123def456', 0],
      ['vgen_abc123def456', 21],
      ['gen-7f3a9', 47],
    ]);
    assert.equal(findTaskIdOccurrences(line, { maxIds: 2 }).length, 2);
  });
});

describe('findTerminalTaskIds', () => {
  const terminal = (line: string) => findTerminalTaskIds(line).map((f) => f.id);

  it('offers the "id" of a line that looks like a VEO answer, not the "id"s other tools print', () => {
    assert.deepEqual(terminal('{"id": "gen-7f3a9", "object": "video", "status": "queued"}'), ['gen-7f3a9']);
    assert.deepEqual(terminal('{"id":"task-123456","status":"processing"}'), ['task-123456']);
    assert.deepEqual(terminal('{"id": "sha256:4f1e2d3c", "name": "my-image"}'), [], 'docker');
    assert.deepEqual(terminal('{"id": "my-package-1", "version": "1.0.0", "status": "ok"}'), [], 'npm, a status that is not a VEO one');
    assert.deepEqual(terminal('  "id": "pod-abcdef",'), [], 'kubectl, pretty-printed');
  });

  it('offers an "id" field whose value has a VEO shape, and bare VEO ids, on any line', () => {
    assert.deepEqual(terminal('{"id": "video_12345"}'), ['video_12345']);
    assert.deepEqual(terminal('  "id": "vgen_abc123def456",'), ['vgen_abc123def456']);
    assert.deepEqual(terminal(`created vgen_abc123def456 and ${UUID_ID} {"id": "other-id-1"}`), ['vgen_abc123def456', UUID_ID]);
  });

  it('is capped like the other searches', () => {
    const line = Array.from({ length: 30 }, (_, i) => `{"id":"gen-${String(i).padStart(4, '0')}","status":"queued"}`).join(' ');
    assert.equal(findTerminalTaskIds(line, { maxIds: 20 }).length, 20);
  });
});

describe('mentionsVeoAnswer', () => {
  it('tells a printed VEO answer from another JSON file', () => {
    assert.equal(mentionsVeoAnswer('{"id":"x","object":"video"}'), true);
    assert.equal(mentionsVeoAnswer('{"id": "x", "status" : "processing"}'), true);
    assert.equal(mentionsVeoAnswer('{"id": "my-extension", "name": "x", "status": "draft"}'), false);
    assert.equal(mentionsVeoAnswer(`${' '.repeat(100)}"object":"video"`, 50), false, 'only the capped start is read');
  });
});

// parseImport reads a string as the text it is, without a round trip through UTF-8 bytes: a video
// URL holding a lone surrogate is seen as such and refused (the round trip would make it U+FFFD).
import * as assert from 'node:assert/strict';
import { parseImport } from '../../../src/store/taskExport';

describe('parseImport: a string is read as it is', () => {
  it('refuses a video URL with a lone surrogate in a string', () => {
    const text = '[{"id":"a","addedAt":1,"result":{"id":"a","status":"completed","video_url":"https://x.example/v\ud800.mp4","error":null}}]';
    const parsed = parseImport(text);
    assert.ok(typeof parsed === 'object');
    assert.equal(parsed.tasks[0].result?.video_url, null);
    const clean = parseImport(text.replace('\ud800', ''));
    assert.ok(typeof clean === 'object');
    assert.equal(clean.tasks[0].result?.video_url, 'https://x.example/v.mp4');
  });
});

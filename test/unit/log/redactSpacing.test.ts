// A Bearer token is hidden however many spaces or tabs follow the word.
import * as assert from 'node:assert/strict';
import { redact } from '../../../src/log/redact';

describe('redact: Bearer with several spaces', () => {
  it('hides the token after two spaces, a tab, or a line break', () => {
    assert.equal(redact('Authorization: Bearer   sk-abc', []), 'Authorization: Bearer   [redacted]');
    assert.equal(redact('bearer\tsk-abc', []), 'bearer\t[redacted]');
    assert.equal(redact('Bearer \n sk-abc', []), 'Bearer \n [redacted]');
  });
});

import * as assert from 'node:assert/strict';
import { logLine, MAX_LOG_LINE_LENGTH } from '../../../src/log/logLine';

describe('logLine', () => {
  it('turns line breaks into spaces, so a server text cannot forge another log line', () => {
    assert.equal(logLine('vgen_1: boom\n2025-01-01 [info] key accepted\r\nend', []), 'vgen_1: boom 2025-01-01 [info] key accepted  end');
    assert.equal(logLine('a\u2028b\u2029c\u0085d\te', []), 'a b c d e');
  });

  it('removes every other control, bidi and zero-width character', () => {
    assert.equal(logLine('\u001b[31mred\u001b[0m \u0000nul \u007fdel \u009bcsi', []), '[31mred[0m nul del csi');
    assert.equal(logLine('id \u202egnp.exe\u202c \u2066x\u2069 a\u200bb \ufeffbom \u061calm', []), 'id gnp.exe x ab bom alm');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    assert.equal(logLine('a\ud800b 😀', []), 'a\ufffdb 😀');
  });

  it('redacts secrets, even when a control character splits one', () => {
    assert.equal(logLine('key sk-se\u0000cret-1 and Bearer abc.def', ['sk-secret-1']), 'key [redacted] and Bearer [redacted]');
  });

  it('caps the length with an ellipsis, after redaction, without splitting a pair', () => {
    assert.equal(MAX_LOG_LINE_LENGTH, 4096);
    const line = logLine('x'.repeat(10_000), []);
    assert.equal(line.length, 4096);
    assert.ok(line.endsWith('x…'));
    assert.equal(logLine(`${'a'.repeat(8)}😀😀`, [], 10), `${'a'.repeat(8)}…`);
    assert.equal(logLine(`${'a'.repeat(20)} secret-key-1234`, ['secret-key-1234'], 30), `${'a'.repeat(20)} [redacte…`);
  });

  it('keeps a line of exactly the maximum length whole; one unit more is cut', () => {
    assert.equal(logLine('abcde', [], 5), 'abcde');
    assert.equal(logLine('abcdef', [], 5), 'abcd…');
  });

  it('leaves an ordinary line alone', () => {
    assert.equal(logLine('vgen_1: queued -> processing', []), 'vgen_1: queued -> processing');
  });
});

import * as assert from 'node:assert/strict';
import { redact } from '../../../src/log/redact';

describe('redact', () => {
  it('hides Bearer tokens whatever the case', () => {
    assert.equal(redact('Authorization: Bearer sk-abc.DEF_123', []), 'Authorization: Bearer [redacted]');
    assert.equal(redact('authorization: bearer xyz', []), 'authorization: bearer [redacted]');
  });

  it('stops the Bearer token at quotes, commas and whitespace', () => {
    assert.equal(redact('{"Authorization":"Bearer tok123","x":1}', []), '{"Authorization":"Bearer [redacted]","x":1}');
    assert.equal(redact('Bearer a1, Bearer b2 end', []), 'Bearer [redacted], Bearer [redacted] end');
  });

  it('hides every occurrence of each secret', () => {
    assert.equal(redact('key=s3cr3t; again s3cr3t', ['s3cr3t']), 'key=[redacted]; again [redacted]');
  });

  it('treats secrets literally, not as regular expressions', () => {
    assert.equal(redact('a.b*c+d a_b_c_d', ['a.b*c+d']), '[redacted] a_b_c_d');
  });

  it('ignores undefined, empty and short (< 4 chars) secrets', () => {
    assert.equal(redact('abc is short, abcd is not', [undefined, '', 'abc', 'abcd']), 'abc is short, [redacted] is not');
  });

  it('leaves text without secrets unchanged', () => {
    assert.equal(redact('GET /v1/result/vgen_1 -> 200', ['secretkey']), 'GET /v1/result/vgen_1 -> 200');
  });
});

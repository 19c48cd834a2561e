import * as assert from 'node:assert/strict';
import { plainText } from '../../../src/util/plainText';

describe('plainText', () => {
  it('breaks markdown links so a notification cannot render them', () => {
    const out = plainText('Blocked. [Retry](command:workbench.action.closeWindow "Retry")');
    assert.ok(!/\]\(/.test(out), out);
    assert.match(out, /Retry\] \(command:/);
  });

  it('breaks links with spaces or line breaks between ] and (', () => {
    assert.ok(!/\]\s*\(/.test(plainText('[a]\n(https://x.example)').replace(/\] \(/g, '')));
  });

  it('breaks $(icon) syntax', () => {
    assert.equal(plainText('$(warning) hi'), '$ (warning) hi');
  });

  it('removes control and bidi characters and collapses whitespace', () => {
    assert.equal(plainText('a\u0000b\u202Ec\r\n\td\u0085e'), 'abc d e');
  });

  it('caps the length without cutting a surrogate pair', () => {
    const out = plainText(`${'x'.repeat(8)}😀😀`, 10);
    assert.equal(out, `${'x'.repeat(8)}…`);
    assert.equal(plainText('y'.repeat(500)).length, 400);
  });

  it('leaves ordinary text alone', () => {
    assert.equal(plainText('VEO task vgen_1 completed.'), 'VEO task vgen_1 completed.');
  });
});

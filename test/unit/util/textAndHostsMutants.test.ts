import * as assert from 'node:assert/strict';
import { formatMessage } from '../../../src/util/l10n';
import { isPrivateHost } from '../../../src/util/loopback';
import { plainText } from '../../../src/util/plainText';
import { cutText, oneLine } from '../../../src/util/safeText';

describe('util edges (mutation survivors)', () => {
  describe('isPrivateHost', () => {
    it('counts 10.0.0.0/8 as private', () => {
      assert.equal(isPrivateHost('10.1.2.3'), true);
    });

    it('reads an IPv4 address only when it is the whole host name', () => {
      assert.equal(isPrivateHost('a10.0.0.1'), false);
    });

    it('reads the IPv6 rules only inside brackets', () => {
      assert.equal(isPrivateHost('afc00x'), false);
      assert.equal(isPrivateHost('xfe80x'), false);
    });

    it('counts the unspecified IPv6 address [::] as private', () => {
      assert.equal(isPrivateHost('[::]'), true);
    });

    it('matches unique-local and link-local prefixes only at the start of the address', () => {
      assert.equal(isPrivateHost('[2001:db8::fc]'), false);
      assert.equal(isPrivateHost('[2001:db8::fe80]'), false);
      assert.equal(isPrivateHost('[fc00::1]'), true);
      assert.equal(isPrivateHost('[fe80::1]'), true);
    });
  });

  describe('plainText', () => {
    it('trims the text', () => {
      assert.equal(plainText('  a b  '), 'a b');
    });

    it('breaks only "](" with white space between, not "]" and "(" with other text between', () => {
      assert.equal(plainText('[a]b(c)'), '[a]b(c)');
      assert.equal(plainText('[a](c)'), '[a] (c)');
    });

    it('keeps a text of exactly max characters whole', () => {
      assert.equal(plainText('abcde', 5), 'abcde');
      assert.equal(plainText('abcdef', 5), 'abcd…');
    });
  });

  describe('formatMessage', () => {
    it('replaces placeholders of two digits', () => {
      const args = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
      assert.equal(formatMessage('{10}-{0}', args), 'k-a');
    });
  });

  describe('cutText and oneLine', () => {
    it('cutText keeps a text of exactly max units whole, even one ending in a high surrogate', () => {
      assert.equal(cutText('ab\ud83d', 3), 'ab\ud83d');
    });

    it('oneLine keeps a text of exactly max characters whole', () => {
      assert.equal(oneLine('abcde', 5), 'abcde');
      assert.equal(oneLine('abcdef', 5), 'abcd…');
    });
  });
});

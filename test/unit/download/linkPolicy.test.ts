import * as assert from 'node:assert/strict';
import { linkRefusal, redirectTarget } from '../../../src/download/linkPolicy';

describe('linkRefusal', () => {
  it('allows https anywhere and http on this machine only', () => {
    for (const url of [
      'https://cdn.example.com/v.mp4?sig=x',
      'http://127.0.0.1:8080/v.mp4',
      'http://127.9.8.7/v.mp4',
      'http://localhost/v.mp4',
      'http://LOCALHOST./v.mp4',
      'http://[::1]:9000/v.mp4',
      'http://2130706433/v.mp4', // 127.0.0.1 as one number, normalised by the URL parser
    ]) {
      assert.equal(linkRefusal(url), undefined, url);
    }
  });

  it('refuses plain http elsewhere, other schemes, credentials and garbage', () => {
    const cases: Array<[string, RegExp]> = [
      ['http://example.invalid/v.mp4', /plain http to example\.invalid/],
      ['http://10.0.0.1/v.mp4', /plain http/],
      ['http://[::ffff:8.8.8.8]/v.mp4', /plain http/],
      ['http://127.0.0.1.evil.test/v.mp4', /plain http/],
      ['http://localhost.evil.test/v.mp4', /plain http/],
      ['ftp://127.0.0.1/v.mp4', /uses ftp; only https/],
      ['file:///etc/passwd', /uses file/],
      ['data:video/mp4;base64,AAAA', /uses data/],
      ['javascript:alert(1)', /uses javascript/],
      ['https://user:secret@cdn.example.com/v.mp4', /user name or password/],
      ['http://user@127.0.0.1/v.mp4', /user name or password/],
      ['not a url', /not a valid URL/],
    ];
    for (const [url, expected] of cases) assert.match(linkRefusal(url) ?? 'allowed', expected, url);
  });

  it('never puts the signed query in its message', () => {
    assert.doesNotMatch(linkRefusal('http://example.invalid/v.mp4?sig=SECRET') ?? '', /SECRET/);
  });
});

describe('redirectTarget', () => {
  it('resolves a Location against the URL that answered', () => {
    assert.equal(redirectTarget('https://a.test/x/v.mp4?s=1', '/y/w.mp4?s=2'), 'https://a.test/y/w.mp4?s=2');
    assert.equal(redirectTarget('https://a.test/x/v.mp4', 'w.mp4'), 'https://a.test/x/w.mp4');
    assert.equal(redirectTarget('https://a.test/x/v.mp4', '//b.test/v.mp4'), 'https://b.test/v.mp4');
    assert.equal(redirectTarget('https://a.test/v.mp4', 'ftp://b.test/v.mp4'), 'ftp://b.test/v.mp4');
  });

  it('is undefined without a usable Location', () => {
    assert.equal(redirectTarget('https://a.test/v.mp4', undefined), undefined);
    assert.equal(redirectTarget('https://a.test/v.mp4', '  '), undefined);
    assert.equal(redirectTarget('https://a.test/v.mp4', 'http://[bad'), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { checkBaseUrl, DEFAULT_BASE_URL } from '../../../src/config/baseUrl';

function refused(value: string): string {
  const r = checkBaseUrl(value);
  assert.equal(r.ok, false, `expected ${value} to be refused`);
  return r.ok ? '' : r.message;
}

describe('checkBaseUrl', () => {
  it('accepts the default https URL unchanged', () => {
    assert.deepEqual(checkBaseUrl(DEFAULT_BASE_URL), {
      ok: true,
      url: 'https://zcbservice.aizfw.cn/kyyReactApiServer',
      origin: 'https://zcbservice.aizfw.cn',
    });
  });

  it('trims trailing slashes and surrounding whitespace', () => {
    assert.deepEqual(checkBaseUrl('  https://api.example.com/veo//  '), {
      ok: true,
      url: 'https://api.example.com/veo',
      origin: 'https://api.example.com',
    });
    assert.deepEqual(checkBaseUrl('https://api.example.com/'), {
      ok: true,
      url: 'https://api.example.com',
      origin: 'https://api.example.com',
    });
  });

  it('accepts http on loopback hosts', () => {
    assert.deepEqual(checkBaseUrl('http://127.0.0.1:8787/'), { ok: true, url: 'http://127.0.0.1:8787', origin: 'http://127.0.0.1:8787' });
    assert.deepEqual(checkBaseUrl('http://localhost:3000/api'), { ok: true, url: 'http://localhost:3000/api', origin: 'http://localhost:3000' });
    assert.deepEqual(checkBaseUrl('http://[::1]:9000'), { ok: true, url: 'http://[::1]:9000', origin: 'http://[::1]:9000' });
    assert.equal(checkBaseUrl('http://LOCALHOST').ok, true);
  });

  it('refuses http on other hosts, mentioning https', () => {
    const msg = refused('http://api.example.com/veo');
    assert.match(msg, /https:/);
    assert.match(msg, /api\.example\.com/);
    assert.equal(
      msg,
      '"veo.baseUrl" uses http: for api.example.com; http: is allowed only for localhost/127.0.0.1. Use https: so the API key is not sent in clear text.',
    );
  });

  it('refuses http on hosts that only look like loopback', () => {
    refused('http://localhost.evil.example');
    refused('http://127.0.0.1.nip.io');
    refused('http://10.0.0.1');
  });

  it('refuses ftp and other schemes', () => {
    assert.equal(refused('ftp://files.example.com/veo'), '"veo.baseUrl" must be an https: URL, not ftp:');
    assert.equal(refused('file:///etc/passwd'), '"veo.baseUrl" must be an https: URL, not file:');
  });

  it('refuses credentials', () => {
    assert.equal(refused('https://user:pass@api.example.com'), '"veo.baseUrl" must not contain a user name or password.');
    assert.equal(refused('https://user@api.example.com'), '"veo.baseUrl" must not contain a user name or password.');
  });

  it('refuses a query or fragment', () => {
    assert.equal(refused('https://api.example.com/veo?key=1'), '"veo.baseUrl" must not contain a query or fragment.');
    assert.equal(refused('https://api.example.com/veo#x'), '"veo.baseUrl" must not contain a query or fragment.');
  });

  it('refuses garbage and empty input with an example', () => {
    assert.equal(refused('not a url'), `"veo.baseUrl" is not a URL: "not a url". Use e.g. ${DEFAULT_BASE_URL}`);
    assert.equal(refused('   '), `"veo.baseUrl" is not a URL: "". Use e.g. ${DEFAULT_BASE_URL}`);
    assert.match(refused('api.example.com/veo'), /is not a URL/);
  });
});

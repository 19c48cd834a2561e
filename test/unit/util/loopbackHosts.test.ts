// isLoopbackHost and isPrivateHost, host by host, at the edges of every range (the link
// policy's SSRF guard rests on them). Hosts as the WHATWG URL parser leaves them.
import * as assert from 'node:assert/strict';
import { isLoopbackHost, isPrivateHost } from '../../../src/util/loopback';

describe('isLoopbackHost and isPrivateHost, range by range', () => {
  it('loopback: localhost, 127/8 with one to three digits per part, [::1], a trailing dot, any case', () => {
    for (const h of ['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.1.22.255', '127.255.255.255', '[::1]']) {
      assert.equal(isLoopbackHost(h), true, h);
      assert.equal(isPrivateHost(h), true, h);
    }
    for (const h of ['128.0.0.1', '1127.0.0.1', '127.0.0.1.example.com', 'x127.0.0.1', '127.0.0', '127.0.0.1234', '[::2]', 'localhost.example', 'my-localhost', '']) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });

  it('private IPv4 ranges, just inside and just outside each', () => {
    const inside = ['0.0.0.0', '0.1.2.3', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '192.168.255.255', '169.254.169.254', '169.254.0.1', '100.64.0.1', '100.127.255.255', 'app.localhost', 'APP.LOCALHOST.'];
    const outside = ['1.0.0.1', '9.255.255.255', '11.0.0.1', '172.15.255.255', '172.32.0.1', '171.16.0.1', '192.167.0.1', '192.169.0.1', '193.168.0.1', '168.254.0.1', '169.253.0.1', '169.255.0.1', '100.63.255.255', '100.128.0.1', '99.64.0.1', '101.64.0.1', '8.8.8.8', 'example.com', 'localhost.example.com', '10.0.0.1.nip.io'];
    for (const h of inside) assert.equal(isPrivateHost(h), true, h);
    for (const h of outside) assert.equal(isPrivateHost(h), false, h);
  });

  it('IPv6: unspecified, loopback, unique-local, link-local; public ones are not private', () => {
    for (const h of ['[::]', '[::1]', '[fc00::1]', '[fd12:3456::1]', '[fe80::1]', '[fe9f::1]', '[fea0::1]', '[febf::1]']) assert.equal(isPrivateHost(h), true, h);
    for (const h of ['[2001:db8::1]', '[fec0::1]', '[fe7f::1]', '[fb00::1]', '[fe00::1]', '[::2]', '[1::]', '[2606:4700::1111]', '::1', 'fc00::1', '[]']) assert.equal(isPrivateHost(h), false, h);
  });

  it('IPv4-mapped IPv6: judged by the IPv4 address, in dotted or hexadecimal form', () => {
    const parsed = (h: string) => new URL(`http://${h}/`).hostname;
    assert.equal(parsed('[::ffff:127.0.0.1]'), '[::ffff:7f00:1]', 'the URL parser writes it in hexadecimal');
    for (const h of ['[::ffff:7f00:1]', '[::ffff:a00:1]', '[::ffff:a9fe:a9fe]', '[::ffff:c0a8:101]', '[::ffff:ac10:1]', '[::ffff:127.0.0.1]', '[::ffff:10.1.2.3]']) {
      assert.equal(isPrivateHost(h), true, h);
    }
    for (const h of ['[::ffff:808:808]', '[::ffff:8.8.8.8]', '[::ffff:ac20:1]', '[1::ffff:a00:1]']) assert.equal(isPrivateHost(h), false, h);
  });
});

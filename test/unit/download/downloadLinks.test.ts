import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { probeVideoLink } from '../../../src/download/probeLink';
import { FIXTURE_VIDEO } from '../../../sim/simulator';
import { failure, useSimulator } from './simHarness';

describe('downloadVideo and probeVideoLink follow only allowed links', () => {
  const h = useSimulator();
  const fixture = fs.readFileSync(FIXTURE_VIDEO);
  const withFault = (url: string, spec: string) => `${url}&sim_fault=${encodeURIComponent(spec)}`;
  const forbidden = ['http://example.invalid/v.mp4', 'ftp://127.0.0.1/v.mp4', 'file:///etc/passwd', 'data:video/mp4;base64,AAAA'];

  it('refuses links that are not https or loopback http, before any request and without files', async () => {
    const { url } = h.completedTask();
    for (const link of [...forbidden, url.replace('http://', 'http://user:secret@')]) {
      const e = await failure(h.download(link));
      assert.equal(e.reason, 'refused', link);
      assert.match(e.message, /only https is allowed|user name or password/, link);
    }
    assert.equal(h.videoRequests().length, 0);
    assert.deepEqual(h.filesLeft(), []);
  });

  it('follows up to 5 redirects, sending no credentials on any hop', async () => {
    const { url } = h.completedTask();
    const r = await h.download(withFault(url, 'redirect:5'));
    assert.ok(fs.readFileSync(r.path).equals(fixture));
    const video = h.videoRequests();
    assert.equal(video.length, 6);
    assert.ok(video.every((q) => q.headers.authorization === undefined && q.headers.cookie === undefined));
  });

  it('follows a relative Location and a 307', async () => {
    const { url } = h.completedTask();
    assert.ok(fs.readFileSync((await h.download(withFault(url, 'redirect:2:relative'))).path).equals(fixture));
    fs.rmSync(`${h.dir}/out.mp4`);
    assert.ok(fs.readFileSync((await h.download(withFault(url, 'redirect:2:307'))).path).equals(fixture));
  });

  it('refuses a sixth redirect', async () => {
    const { url } = h.completedTask();
    const e = await failure(h.download(withFault(url, 'redirect:6')));
    assert.equal(e.reason, 'refused');
    assert.match(e.message, /redirected more than 5 times/);
    assert.equal(h.videoRequests().length, 6);
    assert.deepEqual(h.filesLeft(), []);
  });

  for (const to of forbidden) {
    it(`refuses a redirect to ${to.split(':')[0]}: ${to}`, async () => {
      const { url } = h.completedTask();
      const e = await failure(h.download(withFault(url, `redirect:2:${to}`)));
      assert.equal(e.reason, 'refused');
      assert.match(e.message, /^a redirect was refused: the video link uses /);
      assert.equal(h.videoRequests().length, 2, 'no request after the refused hop');
      assert.deepEqual(h.filesLeft(), []);
    });
  }

  it('probes through the same redirects with the same checks', async () => {
    const { url } = h.completedTask();
    assert.equal(await probeVideoLink(withFault(url, 'redirect:3')), 'ok');
    assert.equal(await probeVideoLink(withFault(url, 'redirect:1:http://example.invalid/v.mp4')), 'refused');
    assert.equal(await probeVideoLink(withFault(url, 'redirect:6')), 'refused');
    assert.equal(await probeVideoLink('http://example.invalid/v.mp4'), 'refused');
    assert.equal(await probeVideoLink(url.replace('http://', 'http://user:secret@')), 'refused');
    assert.equal(h.videoRequests().length, 4 + 1 + 6);
    assert.ok(h.videoRequests().every((q) => q.headers.authorization === undefined));
  });

  it('probes an expired link as expired', async () => {
    const { url } = h.completedTask({ videoTtlMs: 1000 });
    h.sim.advance(2000);
    assert.equal(await probeVideoLink(url), 'expired');
  });

});

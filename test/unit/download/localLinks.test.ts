// A remote API must not be able to aim downloads or link probes at this machine or a private
// network (SSRF): only when the API itself is local (the simulator) may links be local.
import * as assert from 'node:assert/strict';
import { isDownloadError } from '../../../src/download/downloadError';
import { linkRefusal } from '../../../src/download/linkPolicy';
import { probeVideoLink } from '../../../src/download/probeLink';
import { useSimulator } from './simHarness';

describe('local and private links (SSRF)', () => {
  const h = useSimulator();

  it('downloads from the simulator only when local links are allowed, and sends nothing otherwise', async () => {
    const { url } = h.completedTask();
    await assert.rejects(h.download(url, { allowLocalLinks: false }), (e) => isDownloadError(e) && e.reason === 'refused' && /this machine or a private network/.test(e.message));
    assert.equal(h.videoRequests().length, 0, 'no request reached the local host');
    assert.deepEqual(h.filesLeft(), []);
    const saved = await h.download(url, { allowLocalLinks: true });
    assert.ok(saved.bytes > 0, 'the positive control downloads');
  });

  it('the probe refuses a local link too when local links are not allowed', async () => {
    const { url } = h.completedTask();
    assert.equal(await probeVideoLink(url, { allowLocalLinks: false }), 'refused');
    assert.equal(h.videoRequests().length, 0);
    assert.equal(await probeVideoLink(url, { allowLocalLinks: true }), 'ok');
  });

  it('linkRefusal: private ranges, loopback in every spelling, link-local metadata; public hosts pass', () => {
    for (const url of [
      'https://127.0.0.1/v', 'https://localhost/v', 'https://x.localhost/v', 'https://[::1]/v', 'https://[::ffff:127.0.0.1]/v',
      'https://10.0.0.5/v', 'https://172.16.0.1/v', 'https://192.168.0.10/v', 'https://169.254.169.254/latest', 'https://0.0.0.0/v',
      'https://[fe80::1]/v', 'https://[fc00::1]/v', 'https://2130706433/v', 'https://0x7f000001/v', 'https://100.64.0.1/v',
    ]) {
      assert.match(linkRefusal(url, false) ?? '', /this machine or a private network/, url);
    }
    for (const url of ['https://cdn.example.com/v.mp4', 'https://172.32.0.1/v', 'https://8.8.8.8/v', 'https://[2001:db8::1]/v']) {
      assert.equal(linkRefusal(url, false), undefined, url);
    }
    assert.equal(linkRefusal('http://127.0.0.1:9/v', true), undefined, 'the simulator case');
  });
});

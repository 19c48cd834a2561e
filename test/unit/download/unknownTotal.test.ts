// A 206 that does not say the video's full size can never be checked for completeness:
// it must not be published as the whole video.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDownloadError } from '../../../src/download/downloadError';
import { downloadVideo } from '../../../src/download/downloadVideo';
import { scriptedHost, videoBytes } from './scriptedHost';

describe('a partial answer without its total', () => {
  it('is refused, and nothing is kept', async () => {
    const body = videoBytes(1000);
    const host = await scriptedHost([
      (_req, res) => {
        res.writeHead(206, { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/*', 'content-length': String(body.length) });
        res.end(body);
      },
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-total-'));
    try {
      await assert.rejects(
        downloadVideo({ url: host.url, destination: path.join(dir, 'v.mp4'), retryDelayMs: 1 }),
        (e) => isDownloadError(e) && /full size/.test(e.message),
      );
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A fresh simulator and temporary folder per test, and helpers the download tests share.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadError, isDownloadError } from '../../../src/download/downloadError';
import { downloadVideo, DownloadOptions, DownloadResult } from '../../../src/download/downloadVideo';
import { VeoSimulator } from '../../../sim/simulator';

export interface Harness {
  sim: VeoSimulator;
  dir: string;
  /** A completed task and its signed video URL. */
  completedTask(spec?: Parameters<VeoSimulator['addTask']>[0]): { task: ReturnType<VeoSimulator['addTask']>; url: string };
  /** downloadVideo to `<dir>/out.mp4` with a 1 ms retry pause. */
  download(url: string, extra?: Partial<DownloadOptions>): Promise<DownloadResult>;
  /** The names in the temporary folder, sorted. */
  filesLeft(): string[];
  /** Requests the video host received. */
  videoRequests(): VeoSimulator['requests'];
}

/** Registers beforeEach/afterEach in the calling `describe`; read the fields inside tests only. */
export function useSimulator(): Harness {
  const h = {} as Harness;
  beforeEach(async () => {
    h.sim = await VeoSimulator.start();
    h.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-dl-'));
  });
  afterEach(async () => {
    await h.sim.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });
  h.completedTask = (spec = {}) => {
    const task = h.sim.addTask({ queuedMs: 0, processingMs: 0, ...spec });
    h.sim.advance(1);
    return { task, url: h.sim.videoUrl(task) };
  };
  h.download = (url, extra = {}) => downloadVideo({ url, destination: path.join(h.dir, 'out.mp4'), retryDelayMs: 1, ...extra });
  h.filesLeft = () => fs.readdirSync(h.dir).sort();
  h.videoRequests = () => h.sim.requests.filter((r) => r.server === 'video');
  return h;
}

/** The DownloadError `p` rejects with (fails the test when it resolves or throws something else). */
export async function failure(p: Promise<unknown>): Promise<DownloadError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isDownloadError(e), String(e));
    return e;
  }
  assert.fail('the download should have failed');
}

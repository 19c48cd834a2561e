// previewModel on the edges its other tests leave open: the exact English of the exported
// texts, the default link policy, a local copy of a task that is not completed, a refused link
// on a task without a video, the "expired" fact at the very instant of expiry, and which
// message key each no-video state uses (seen through a recording translator).
import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { errorFor, expiredText, formatText, networkText, PreviewModel, previewModel, refusedText, untrackedText } from '../../../src/preview/previewModel';
import { LINK_LIFETIME_MS } from '../../../src/store/trackedTask';
import { currentTranslation, formatDateTime, setTranslator } from '../../../src/util/l10n';
import { HOUR, NOW, resultBuilder, task } from '../helpers/taskFixtures';

const URL_OK = 'https://cdn.example.com/v.mp4?sig=1';

const result = resultBuilder(600);
const fact = (m: PreviewModel, name: string) => m.facts.find((f) => f.name === name)?.value;

/** Runs `fn` with a translator that shows the message key (not its English) and the arguments. */
function withKeys<T>(fn: () => T): T {
  const [before, language] = currentTranslation();
  setTranslator((message, ...args) => `<${message}>[${args.join('|')}]`, 'en');
  try {
    return fn();
  } finally {
    setTranslator(before, language);
  }
}

describe('previewModel: mutant edges', () => {
  it('the exported texts are these exact English sentences', () => {
    assert.equal(expiredText(), 'This link expired; download copies are kept locally - none exists for this task');
    assert.equal(networkText(), 'Could not load the video: network error');
    assert.equal(formatText(), 'This video format is not supported here');
    assert.equal(untrackedText(), 'This task is no longer tracked.');
    assert.equal(refusedText(), 'The video link (or a redirect it sent) is not https, so it is not loaded here.');
  });

  it('by default a plain-http loopback link (the simulator) plays', () => {
    const link = 'http://127.0.0.1:8123/videos/v.mp4';
    const m = previewModel('vgen_1', task({ result: result({ status: 'completed', video_url: link }), completedAt: NOW - HOUR }), NOW, false);
    assert.deepEqual(m.source, { kind: 'remote', url: link });
    assert.equal(m.blocked, undefined);
  });

  it('a local copy of a task that is not completed is not played: no video yet', () => {
    const m = previewModel('vgen_1', task({ result: result({ status: 'processing' }), localFile: '/videos/cat.mp4' }), NOW, true);
    assert.equal(m.source, undefined);
    assert.equal(m.blocked?.kind, 'noVideo');
  });

  it('a refused link on a task that failed: "no video", not "refused"', () => {
    const m = previewModel('vgen_1', task({ result: result({ status: 'failed', video_url: 'http://cdn.example.com/v.mp4', error: 'boom' }) }), NOW, false);
    assert.equal(m.blocked?.kind, 'noVideo');
    assert.equal(m.blocked?.message, 'This task failed: boom');
    assert.equal(m.videoUrl, undefined);
  });

  it('completed without a link: "no video", not "refused"', () => {
    const m = previewModel('vgen_1', task({ result: result({ status: 'completed', video_url: null }), completedAt: NOW - HOUR }), NOW, false);
    assert.equal(m.source, undefined);
    assert.equal(m.blocked?.kind, 'noVideo');
    assert.deepEqual(m.blocked?.actions, []);
    // Not "No video yet: the task is completed. This preview updates when it completes." (it did).
    assert.equal(m.blocked?.message, 'The task completed, but the VEO API gave it no video URL.');
  });

  it('completed without a link, its downloaded copy gone from disk: says both', () => {
    const m = previewModel('vgen_1', task({ result: result({ status: 'completed', video_url: null }), completedAt: NOW - HOUR, localFile: '/videos/cat.mp4' }), NOW, false);
    assert.equal(m.source, undefined);
    assert.equal(m.blocked?.message, 'The downloaded video is no longer on disk, and the VEO API gave this task no video URL.');
  });

  it('an unknown state without a status says so with an empty status', () => {
    const r = result({});
    delete (r as Partial<TaskResult>).status;
    const m = previewModel('vgen_1', task({ result: r }), NOW, false);
    assert.equal(m.blocked?.message, 'No video: the task\'s status is "".');
  });

  it('queued and processing use their own messages (keys), not the generic one', () => {
    withKeys(() => {
      const queued = previewModel('vgen_1', task({ result: result({ status: 'queued' }) }), NOW, false);
      assert.equal(queued.blocked?.message, '<No video yet: the task is queued. This preview updates when it completes.>[]');
      const processing = previewModel('vgen_1', task({ result: result({ status: 'processing' }) }), NOW, false);
      assert.equal(processing.blocked?.message, '<No video yet: the task is processing. This preview updates when it completes.>[]');
    });
  });

  it('at the very instant of the estimated expiry the link fact says "expired"', () => {
    const completedAt = NOW - LINK_LIFETIME_MS;
    const m = previewModel('vgen_1', task({ result: result({ status: 'completed', video_url: URL_OK }), completedAt }), NOW, false);
    assert.equal(fact(m, 'Link'), `expired ${formatDateTime(NOW)} (estimated)`);
    const before = previewModel('vgen_1', task({ result: result({ status: 'completed', video_url: URL_OK }), completedAt: completedAt + 1 }), NOW, false);
    assert.equal(fact(before, 'Link'), `expires ${formatDateTime(NOW + 1)} (estimated)`);
  });

  it('errorFor "expired" on a usable link with nothing to play: no "Try anyway"', () => {
    const m: PreviewModel = { taskId: 'vgen_1', title: 'Cat', facts: [], videoUrl: URL_OK, linkDead: false, canDownload: false };
    assert.deepEqual(errorFor(m, 'expired'), { kind: 'expired', message: expiredText(), actions: [] });
  });
});

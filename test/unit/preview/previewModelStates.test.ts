// previewModel for every state a task can be in, the facts it lists, the ways out each error
// offers, and the page messages the panel accepts. Exact texts: the page shows them as they are.
import * as assert from 'node:assert/strict';
import { parsePageMessage } from '../../../src/preview/messages';
import {
  errorFor,
  expiredText,
  formatText,
  MEDIA_ERR_DECODE,
  MEDIA_ERR_NETWORK,
  networkText,
  playbackError,
  PreviewModel,
  previewModel,
  refusedText,
  untrackedText,
} from '../../../src/preview/previewModel';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { formatDateTime } from '../../../src/util/l10n';
import { HOUR, NOW, resultBuilder, task } from '../helpers/taskFixtures';

const URL_OK = 'https://cdn.example.com/v.mp4?sig=1';

const result = resultBuilder(600);
const completed = (fields: Partial<TrackedTask> = {}) => task({ result: result({ status: 'completed', video_url: URL_OK }), completedAt: NOW - HOUR, ...fields });
const fact = (m: PreviewModel, name: string) => m.facts.find((f) => f.name === name)?.value;

describe('previewModel: every state', () => {
  it('untracked: only the id, no video, no download, no ways out', () => {
    const m = previewModel('vgen_gone', undefined, NOW, false);
    assert.deepEqual(m, {
      taskId: 'vgen_gone',
      title: 'vgen_gone',
      facts: [{ name: 'ID', value: 'vgen_gone' }],
      linkDead: false,
      canDownload: false,
      blocked: { kind: 'untracked', message: untrackedText(), actions: [] },
    });
  });

  it('completed online: plays the link, offers Download, lists the facts in order', () => {
    const m = previewModel('vgen_1', completed({ label: 'Cat', result: result({ status: 'completed', video_url: URL_OK, actualDuration: 8 }) }), NOW, false);
    assert.deepEqual(m.source, { kind: 'remote', url: URL_OK });
    assert.equal(m.videoUrl, URL_OK);
    assert.equal(m.canDownload, true);
    assert.equal(m.linkDead, false);
    assert.equal(m.blocked, undefined);
    assert.equal(m.title, 'Cat');
    assert.deepEqual(
      m.facts.map((f) => f.name),
      ['Name', 'ID', 'Model', 'Created', 'Status', 'Duration', 'Link'],
    );
    assert.equal(fact(m, 'Duration'), '8 s');
    assert.equal(fact(m, 'Created'), formatDateTime((NOW / 1000 - 600) * 1000));
    assert.equal(fact(m, 'Link'), `expires ${formatDateTime(NOW + 23 * HOUR)} (estimated)`);
  });

  it('says how long it was queued and generated, when this extension saw both', () => {
    const created = NOW - 600_000;
    const m = previewModel('vgen_1', completed({ result: result({ status: 'completed', video_url: URL_OK, created: created / 1000 }), startedAt: created + 75_000, finishedAt: created + 75_000 + 200_000 }), NOW, false);
    assert.equal(fact(m, 'Queued for'), '1m 15s');
    assert.match(fact(m, 'Generated in') ?? '', /^3m 0?20s$/);
  });

  it('downloaded and on disk: plays the file, no Download; missing on disk: falls back to the link and says so', () => {
    const t = completed({ localFile: '/videos/cat.mp4' });
    const here = previewModel('vgen_1', t, NOW, true);
    assert.deepEqual(here.source, { kind: 'local', path: '/videos/cat.mp4' });
    assert.equal(here.canDownload, false);
    assert.equal(fact(here, 'Video'), 'downloaded to /videos/cat.mp4');
    assert.equal(fact(here, 'Link'), undefined, 'no link estimate next to a local copy');
    const gone = previewModel('vgen_1', t, NOW, false);
    assert.deepEqual(gone.source, { kind: 'remote', url: URL_OK });
    assert.equal(gone.canDownload, true);
    assert.equal(fact(gone, 'Video'), 'the downloaded copy is missing: /videos/cat.mp4');
  });

  it('past the estimated expiry: shows the expired text up front but lets the link be tried', () => {
    const m = previewModel('vgen_1', completed({ completedAt: NOW - 25 * HOUR }), NOW, false);
    assert.deepEqual(m.source, { kind: 'remote', url: URL_OK });
    assert.deepEqual(m.blocked, { kind: 'expired', message: expiredText(), actions: ['tryAnyway'] });
    assert.equal(fact(m, 'Link'), `expired ${formatDateTime(NOW - HOUR)} (estimated)`);
  });

  it('refused by the host: nothing to play, nothing to try, the Link fact says so', () => {
    const m = previewModel('vgen_1', completed({ linkExpired: true }), NOW, false);
    assert.equal(m.source, undefined);
    assert.equal(m.linkDead, true);
    assert.deepEqual(m.blocked, { kind: 'expired', message: expiredText(), actions: [] });
    assert.equal(fact(m, 'Link'), 'expired (the video host refused it)');
  });

  it('a link the policy refuses: neither played nor offered, whatever the video state', () => {
    for (const link of ['http://cdn.example.com/v.mp4', 'ftp://cdn.example.com/v.mp4']) {
      const m = previewModel('vgen_1', completed({ result: result({ status: 'completed', video_url: link }) }), NOW, false);
      assert.equal(m.videoUrl, undefined, link);
      assert.equal(m.source, undefined, link);
      assert.equal(m.canDownload, false, link);
      assert.deepEqual(m.blocked, { kind: 'refused', message: refusedText(), actions: [] }, link);
    }
    const local = completed({ result: result({ status: 'completed', video_url: 'http://127.0.0.1:9/v.mp4' }) });
    assert.deepEqual(previewModel('vgen_1', local, NOW, false, true).source, { kind: 'remote', url: 'http://127.0.0.1:9/v.mp4' }, 'local links when the API is local');
    assert.equal(previewModel('vgen_1', local, NOW, false, false).blocked?.kind, 'refused', 'not when the API is remote');
    const downloaded = previewModel('vgen_1', { ...local, localFile: '/v.mp4' }, NOW, true, false);
    assert.deepEqual(downloaded.source, { kind: 'local', path: '/v.mp4' }, 'a local copy still plays');
    assert.equal(downloaded.blocked, undefined);
  });

  for (const [what, t, text] of [
    ['failed with a reason', task({ result: result({ status: 'failed', error: 'Blocked by policy' }) }), 'This task failed: Blocked by policy'],
    ['failed without a reason', task({ result: result({ status: 'failed', error: null }) }), 'This task failed: no reason given'],
    ['not found', task({ notFound: true }), 'The VEO API does not know this task, so there is no video.'],
    ['of an unknown status', task({ result: result({ status: 'paused' }) }), 'No video: the task\'s status is "paused".'],
    ['not checked yet', task(), 'No video yet: the task has not been checked. This preview updates when it completes.'],
    ['queued', task({ result: result({ status: 'queued' }) }), 'No video yet: the task is queued. This preview updates when it completes.'],
    ['processing', task({ result: result({ status: 'processing' }) }), 'No video yet: the task is processing. This preview updates when it completes.'],
  ] as const) {
    it(`no video when ${what}`, () => {
      const m = previewModel('vgen_1', t, NOW, false);
      assert.deepEqual(m.blocked, { kind: 'noVideo', message: text, actions: [] });
      assert.equal(m.source, undefined);
      assert.equal(m.canDownload, false);
    });
  }

  it('facts: the prompt of a task this extension created, the state when there is no result, the error', () => {
    const created = task({ request: { prompt: 'a cat on a boat', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' } as TrackedTask['request'] });
    const m = previewModel('vgen_1', created, NOW, false);
    assert.deepEqual(m.facts, [
      { name: 'ID', value: 'vgen_1' },
      { name: 'Prompt', value: 'a cat on a boat' },
      { name: 'Model', value: 'unknown' },
      { name: 'Status', value: 'checking...' },
    ]);
    const failed = previewModel('vgen_1', task({ result: result({ status: 'failed', error: 'quota' }) }), NOW, false);
    assert.equal(fact(failed, 'Error'), 'quota');
    assert.equal(fact(failed, 'Status'), 'failed');
    // The row's words (translated with it), not the server's raw value.
    assert.equal(fact(previewModel('vgen_1', task({ result: result({ status: 'brewing\n[x](command:y)' }) }), NOW, false), 'Status'), 'unknown status "brewing [x](command:y)"');
    assert.equal(fact(failed, 'Prompt'), undefined);
  });

  it('facts: a creation time that is no date is shown as the number', () => {
    const m = previewModel('vgen_1', task({ result: result({ created: 1e300 }) }), NOW, false);
    assert.equal(fact(m, 'Created'), '1e+300');
  });
});

describe('playbackError and errorFor: the ways out', () => {
  const online = () => previewModel('vgen_1', completed(), NOW, false);

  it('expired by the probe: the link is dead, nothing to try', () => {
    assert.deepEqual(playbackError(online(), 'expired', MEDIA_ERR_DECODE), { kind: 'expired', message: expiredText(), actions: [] });
  });

  it('network by the probe: retry and open elsewhere', () => {
    assert.deepEqual(playbackError(online(), 'network', undefined), { kind: 'network', message: networkText(), actions: ['retry', 'openExternal'] });
  });

  it('a link that answers but a media network error: network; any other code: format with Download', () => {
    assert.deepEqual(playbackError(online(), 'ok', MEDIA_ERR_NETWORK), { kind: 'network', message: networkText(), actions: ['retry', 'openExternal'] });
    assert.deepEqual(playbackError(online(), 'ok', MEDIA_ERR_DECODE), { kind: 'format', message: formatText(), actions: ['openExternal', 'download'] });
    assert.deepEqual(playbackError(online(), 'notVideo', MEDIA_ERR_NETWORK), { kind: 'format', message: formatText(), actions: ['openExternal', 'download'] });
  });

  it('a dead or missing link offers neither opening nor retrying without a source', () => {
    const dead = { ...online(), linkDead: true, source: undefined };
    assert.deepEqual(errorFor(dead, 'network').actions, []);
    assert.deepEqual(errorFor({ ...online(), videoUrl: undefined, canDownload: false }, 'format').actions, []);
    assert.deepEqual(errorFor({ ...online(), source: { kind: 'local', path: '/v.mp4' } }, 'expired').actions, [], 'try anyway only for the link');
  });

  it('every kind has its text', () => {
    const m = online();
    assert.deepEqual(errorFor(m, 'untracked'), { kind: 'untracked', message: untrackedText(), actions: [] });
    assert.deepEqual(errorFor(m, 'refused'), { kind: 'refused', message: refusedText(), actions: [] });
    assert.deepEqual(errorFor(m, 'noVideo'), { kind: 'noVideo', message: 'There is no video for this task.', actions: [] });
  });
});

describe('parsePageMessage', () => {
  it('keeps an integer MediaError code and drops any other', () => {
    assert.deepEqual(parsePageMessage({ type: 'playbackFailed', code: 4 }), { type: 'playbackFailed', code: 4 });
    for (const code of [2.5, '4', null, undefined, NaN]) assert.deepEqual(parsePageMessage({ type: 'playbackFailed', code }), { type: 'playbackFailed', code: undefined }, String(code));
  });

  it('drops unknown types and non-objects', () => {
    for (const raw of [{ type: 'eval', code: 'x' }, { type: 'toString' }, {}, null, 'state', 7, [{ type: 'state', state: 'playing' }]]) {
      assert.equal(parsePageMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('takes a state with a capped detail and a valid time only', () => {
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'playing', detail: 'x'.repeat(150), currentTime: 2.5 }), {
      type: 'state',
      state: 'playing',
      detail: 'x'.repeat(100),
      currentTime: 2.5,
    });
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'paused', detail: 5, currentTime: -1 }), { type: 'state', state: 'paused' });
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'error', currentTime: Infinity }), { type: 'state', state: 'error' });
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'loading', currentTime: 0 }), { type: 'state', state: 'loading', currentTime: 0 });
    assert.equal(parsePageMessage({ type: 'state', state: 'stalled' }), undefined);
    assert.equal(parsePageMessage({ type: 'state', state: 1 }), undefined);
  });

  it('takes the three host actions only', () => {
    for (const action of ['download', 'copyUrl', 'openExternal']) assert.deepEqual(parsePageMessage({ type: 'action', action }), { type: 'action', action });
    for (const action of ['retry', 'tryAnyway', 'delete', 3]) assert.equal(parsePageMessage({ type: 'action', action }), undefined, String(action));
  });
});

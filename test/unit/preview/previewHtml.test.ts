import * as assert from 'node:assert/strict';
import type { TaskResult } from '../../../src/api/taskResult';
import { parsePageMessage } from '../../../src/preview/messages';
import { contentSecurityPolicy, isLoopbackHttp, PageSettings, renderPreviewHtml } from '../../../src/preview/previewHtml';
import { escapeHtml } from '../../../src/util/html';
import {
  expiredText,
  formatText,
  MEDIA_ERR_NETWORK,
  MEDIA_ERR_SRC_NOT_SUPPORTED,
  networkText,
  playbackError,
  PreviewModel,
  previewModel,
} from '../../../src/preview/previewModel';
import { LINK_LIFETIME_MS, TrackedTask } from '../../../src/store/trackedTask';
import { formatDateTime } from '../../../src/util/l10n';

const CREATED = 1761635478; // 2025-10-28T07:11:18Z
const NOW = CREATED * 1000 + 65_000;
const ID = 'vgen_abc123def456';
const URL = 'https://cdn.example.com/v.mp4?sig=a%2Fb&expires=1';
const CSP_SOURCE = 'https://*.vscode-cdn.net';

function result(fields: Partial<TaskResult>): TaskResult {
  return { id: ID, object: 'video', created: CREATED, model: 'veo_3_1_fast', status: 'processing', video_url: null, error: null, ...fields };
}

function task(fields: Partial<TrackedTask> = {}): TrackedTask {
  return { id: ID, addedAt: NOW - 70_000, ...fields };
}

const completed = (fields: Partial<TrackedTask> = {}) =>
  task({ result: result({ status: 'completed', video_url: URL, actualDuration: 8 }), completedAt: NOW - 60_000, ...fields });

function render(model: PreviewModel, src?: string, nonce = 'n0nce+/='): string {
  return renderPreviewHtml({ model, src, nonce, cspSource: CSP_SOURCE, scriptUri: 'https://x.vscode-cdn.net/media/preview.js', styleUri: 'https://x.vscode-cdn.net/media/preview.css' });
}

function settingsOf(html: string): PageSettings {
  const m = /data-settings="([^"]*)"/.exec(html);
  assert.ok(m);
  return JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

describe('escapeHtml', () => {
  it('escapes markup and double quotes, ampersands first', () => {
    assert.equal(escapeHtml('<img src=x onerror="a()">'), '&lt;img src=x onerror=&quot;a()&quot;&gt;');
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
    assert.equal(escapeHtml("it's"), "it's");
  });
});

describe('contentSecurityPolicy', () => {
  it('allows nothing by default, scripts by nonce only', () => {
    const csp = contentSecurityPolicy(CSP_SOURCE, 'abc', 'https://cdn.example.com/v.mp4');
    assert.equal(
      csp,
      `default-src 'none'; img-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; script-src 'nonce-abc'; media-src ${CSP_SOURCE} https:`,
    );
  });

  it('allows loopback http media only when that is what plays', () => {
    assert.match(contentSecurityPolicy(CSP_SOURCE, 'abc', 'http://127.0.0.1:4000/v.mp4'), /media-src \S+ https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*$/);
    assert.doesNotMatch(contentSecurityPolicy(CSP_SOURCE, 'abc', undefined), /http:/);
    assert.doesNotMatch(contentSecurityPolicy(CSP_SOURCE, 'abc', 'http://example.com/v.mp4'), /http:/);
  });

  it('knows loopback http links', () => {
    assert.equal(isLoopbackHttp('http://127.0.0.1:8788/videos/a.mp4'), true);
    assert.equal(isLoopbackHttp('http://localhost/a.mp4'), true);
    assert.equal(isLoopbackHttp('https://127.0.0.1/a.mp4'), false);
    assert.equal(isLoopbackHttp('http://127.0.0.1.example.com/a.mp4'), false);
    assert.equal(isLoopbackHttp('not a url'), false);
  });
});

describe('previewModel', () => {
  it('plays the link of a completed task and offers Download', () => {
    const m = previewModel(ID, completed(), NOW, false);
    assert.deepEqual(m.source, { kind: 'remote', url: URL });
    assert.equal(m.canDownload, true);
    assert.equal(m.blocked, undefined);
    const facts = Object.fromEntries(m.facts.map((f) => [f.name, f.value]));
    assert.equal(facts.ID, ID);
    assert.equal(facts.Model, 'veo_3_1_fast');
    assert.equal(facts.Created, formatDateTime(Date.parse('2025-10-28T07:11:18.000Z')));
    assert.equal(facts.Duration, '8 s');
    assert.equal(facts.Link, `expires ${formatDateTime(NOW - 60_000 + LINK_LIFETIME_MS)} (estimated)`);
  });

  it('plays the local copy when it exists, else falls back to the link', () => {
    const m = previewModel(ID, completed({ localFile: '/videos/a.mp4' }), NOW, true);
    assert.deepEqual(m.source, { kind: 'local', path: '/videos/a.mp4' });
    assert.equal(m.canDownload, false);
    assert.ok(m.facts.some((f) => f.value === 'downloaded to /videos/a.mp4'));

    const missing = previewModel(ID, completed({ localFile: '/videos/a.mp4' }), NOW, false);
    assert.deepEqual(missing.source, { kind: 'remote', url: URL });
    assert.equal(missing.canDownload, true);
    assert.ok(missing.facts.some((f) => f.value.includes('missing')));
  });

  it('shows an expired link up front; an estimate can still be tried', () => {
    const estimated = previewModel(ID, completed({ completedAt: NOW - LINK_LIFETIME_MS - 1 }), NOW, false);
    assert.equal(estimated.blocked?.kind, 'expired');
    assert.equal(estimated.blocked?.message, expiredText());
    assert.deepEqual(estimated.blocked?.actions, ['tryAnyway']);
    assert.equal(estimated.canDownload, false);

    const dead = previewModel(ID, completed({ linkExpired: true }), NOW, false);
    assert.equal(dead.blocked?.kind, 'expired');
    assert.deepEqual(dead.blocked?.actions, []);
    assert.equal(dead.source, undefined);
  });

  it('explains why there is no video', () => {
    const failed = previewModel(ID, task({ result: result({ status: 'failed', error: '<b>policy</b>' }) }), NOW, false);
    assert.deepEqual(failed.blocked, { kind: 'noVideo', message: 'This task failed: <b>policy</b>', actions: [] });
    assert.match(previewModel(ID, task({ result: result({}) }), NOW, false).blocked!.message, /task is processing/);
    assert.equal(previewModel(ID, undefined, NOW, false).blocked?.kind, 'untracked');
  });
});

describe('playbackError', () => {
  const online = previewModel(ID, completed(), NOW, false);

  it('maps the link probe and the media error to a state with ways out', () => {
    assert.deepEqual(playbackError(online, 'expired', MEDIA_ERR_SRC_NOT_SUPPORTED), { kind: 'expired', message: expiredText(), actions: [] });
    assert.deepEqual(playbackError(online, 'network', MEDIA_ERR_SRC_NOT_SUPPORTED), { kind: 'network', message: networkText(), actions: ['retry', 'openExternal'] });
    assert.deepEqual(playbackError(online, 'ok', MEDIA_ERR_SRC_NOT_SUPPORTED), { kind: 'format', message: formatText(), actions: ['openExternal', 'download'] });
    assert.equal(playbackError(online, 'notVideo', MEDIA_ERR_SRC_NOT_SUPPORTED).kind, 'format');
    assert.equal(playbackError(online, 'ok', MEDIA_ERR_NETWORK).kind, 'network');
  });

  it('offers no Download for a local copy that does not play', () => {
    const local = previewModel(ID, completed({ localFile: '/a.mp4' }), NOW, true);
    assert.deepEqual(playbackError(local, 'ok', MEDIA_ERR_SRC_NOT_SUPPORTED).actions, ['openExternal']);
  });
});

describe('renderPreviewHtml', () => {
  const evil = completed({ label: '"><script>alert(1)</script>', result: result({ status: 'completed', video_url: URL, model: '<i>m</i>', error: "<img src=x onerror='x()'>" }) });

  it('escapes every network value and puts settings in one attribute', () => {
    const html = render(previewModel(ID, evil, NOW, false), URL);
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<i>'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;img src=x onerror=\'x()\'&gt;'));
    assert.ok(html.includes('<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>'));
    assert.deepEqual(settingsOf(html), { taskId: ID, text: { loading: 'Loading the video...', checking: 'Checking the video link...' }, src: URL });
    assert.equal((html.match(/data-settings=/g) ?? []).length, 1);
  });

  it('loads scripts only by nonce, with the CSP in a meta tag', () => {
    const html = render(previewModel(ID, completed(), NOW, false), URL, 'abc+/=');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes('nonce="abc+/="'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; `));
    assert.ok(html.includes("script-src 'nonce-abc+/='"));
    assert.ok(!/<script\b[^>]*>[^<]+<\/script>/.test(html), 'no inline script text');
  });

  it('renders a blocked state with its text and ways out, and does not load the video', () => {
    const html = render(previewModel(ID, completed({ completedAt: NOW - LINK_LIFETIME_MS - 1 }), NOW, false), URL);
    assert.ok(html.includes(`<p id="error-text">${expiredText()}</p>`));
    assert.match(html, /<div id="loading"[^>]* hidden>/);
    assert.match(html, /<button [^>]*data-action="tryAnyway"[^>]*>Try Anyway<\/button>/);
    assert.match(html, /<button [^>]*data-action="retry"[^>]* hidden>/);
    assert.match(html, /<video [^>]*\bcontrols\b/);
    assert.ok(!/<video [^>]*\bsrc=/.test(html), 'the script sets the source');
    assert.equal(settingsOf(html).error?.kind, 'expired');
  });

  it('offers the toolbar buttons that apply, with accessible labels', () => {
    const toolbar = (html: string) => /<div class="toolbar">([^]*?)<\/div>/.exec(html)?.[1] ?? '';
    const online = toolbar(render(previewModel(ID, completed(), NOW, false), URL));
    assert.deepEqual([...online.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]), ['download', 'copyUrl', 'openExternal']);
    for (const b of online.match(/<button[^>]*>/g) ?? []) assert.match(b, /type="button"[^>]* aria-label="[^"]+"/);
    const local = toolbar(render(previewModel(ID, completed({ localFile: '/a.mp4' }), NOW, true), 'https://file.vscode-cdn.net/a.mp4'));
    assert.deepEqual([...local.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]), ['openInSystemPlayer', 'copyUrl', 'openExternal']);
    const dead = toolbar(render(previewModel(ID, completed({ linkExpired: true }), NOW, false)));
    assert.deepEqual([...dead.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]), ['copyUrl']);
  });
});

describe('parsePageMessage', () => {
  it('accepts the page messages and drops anything else', () => {
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'playing', currentTime: 1.5 }), { type: 'state', state: 'playing', currentTime: 1.5 });
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'error', detail: 'expired' }), { type: 'state', state: 'error', detail: 'expired' });
    assert.deepEqual(parsePageMessage({ type: 'state', state: 'loading', currentTime: -1 }), { type: 'state', state: 'loading' });
    assert.deepEqual(parsePageMessage({ type: 'playbackFailed', code: 4 }), { type: 'playbackFailed', code: 4 });
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'copyUrl' }), { type: 'action', action: 'copyUrl' });
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'openInSystemPlayer' }), { type: 'action', action: 'openInSystemPlayer' });
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'openInSystemPlayer', path: '/etc/passwd' }), { type: 'action', action: 'openInSystemPlayer' }, 'no path from the page');
    assert.equal(parsePageMessage({ type: 'action', action: 'runCommand' }), undefined);
    assert.equal(parsePageMessage({ type: 'state', state: 'exploded' }), undefined);
    assert.equal(parsePageMessage('state'), undefined);
    assert.equal(parsePageMessage(null), undefined);
  });
});

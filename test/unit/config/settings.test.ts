import * as assert from 'node:assert/strict';
import { changedSettings, effectiveValue, MAX_POLL_SECONDS, MIN_POLL_SECONDS, parseSettings } from '../../../src/config/settings';

const read = (values: Record<string, unknown>) => parseSettings((key) => values[key]);

describe('parseSettings', () => {
  it('uses the defaults for missing values', () => {
    const s = read({});
    assert.equal(s.pollIntervalMs, 30_000);
    assert.equal(s.notifyOnCompletion, true);
    assert.equal(s.autoDownload, false);
    assert.equal(s.downloadDirectory, '');
    assert.equal(s.expiryWarningHours, 3);
    assert.equal(s.baseUrl.ok, true);
  });

  it('clamps the poll interval and the warning hours', () => {
    assert.equal(read({ pollIntervalSeconds: 1 }).pollIntervalMs, MIN_POLL_SECONDS * 1000);
    assert.equal(read({ pollIntervalSeconds: 1e9 }).pollIntervalMs, MAX_POLL_SECONDS * 1000);
    assert.equal(read({ pollIntervalSeconds: 'abc' }).pollIntervalMs, 30_000);
    assert.equal(read({ expiryWarningHours: 99 }).expiryWarningHours, 23);
    assert.equal(read({ expiryWarningHours: -1 }).expiryWarningHours, 0);
    assert.equal(read({ expiryWarningHours: 'x' }).expiryWarningHours, 0);
  });

  it('takes only booleans for switches and trims the folder', () => {
    assert.equal(read({ autoDownload: 'yes' }).autoDownload, false);
    assert.equal(read({ notifyOnCompletion: false }).notifyOnCompletion, false);
    assert.equal(read({ downloadDirectory: '  /tmp/v  ' }).downloadDirectory, '/tmp/v');
    assert.equal(read({ downloadDirectory: 42 }).downloadDirectory, '');
  });

  it('reads the download size cap in MiB, clamped, default 2 GiB', () => {
    assert.equal(read({}).maxDownloadBytes, 2 * 1024 ** 3);
    assert.equal(read({ maxDownloadSizeMB: 10 }).maxDownloadBytes, 10 * 1024 ** 2);
    assert.equal(read({ maxDownloadSizeMB: 0 }).maxDownloadBytes, 1024 ** 2);
    assert.equal(read({ maxDownloadSizeMB: 'lots' }).maxDownloadBytes, 2 * 1024 ** 3);
  });

  it('checks the base URL', () => {
    assert.equal(read({ baseUrl: 'http://example.com' }).baseUrl.ok, false);
    assert.equal(read({ baseUrl: '' }).baseUrl.ok, true);
  });
});

describe('changedSettings', () => {
  it('names exactly the settings whose value moved', () => {
    const a = read({});
    const b = read({ pollIntervalSeconds: 60, baseUrl: 'http://127.0.0.1:9/x' });
    assert.deepEqual([...changedSettings(a, b)].sort(), ['baseUrl', 'pollIntervalMs']);
    assert.equal(changedSettings(a, read({})).size, 0);
  });
});

describe('effectiveValue', () => {
  const layers = { defaultValue: '', globalValue: '/home/me/Videos', workspaceValue: '/tmp/planted' };

  it('takes the most specific scope in a trusted workspace', () => {
    assert.equal(effectiveValue('downloadDirectory', layers, true), '/tmp/planted');
    assert.equal(effectiveValue('downloadDirectory', { ...layers, workspaceFolderValue: '/f' }, true), '/f');
  });

  it("ignores an untrusted workspace's values of restricted settings", () => {
    assert.equal(effectiveValue('downloadDirectory', layers, false), '/home/me/Videos');
    assert.equal(effectiveValue('autoDownload', { defaultValue: false, workspaceValue: true }, false), false);
  });

  it('keeps workspace values of other settings when untrusted', () => {
    assert.equal(effectiveValue('pollIntervalSeconds', { defaultValue: 30, workspaceValue: 60 }, false), 60);
  });

  it('falls back to the default', () => {
    assert.equal(effectiveValue('autoDownload', { defaultValue: false }, true), false);
    assert.equal(effectiveValue('autoDownload', undefined, true), undefined);
  });
});

describe('history settings', () => {
  it('default to 10,000 tasks, forgetting the oldest finished; clamped to 100..100,000', () => {
    assert.equal(read({}).historyLimit, 10_000);
    assert.equal(read({}).historyWhenFull, 'forgetOldestFinished');
    assert.equal(read({ 'history.maxTasks': 5 }).historyLimit, 100);
    assert.equal(read({ 'history.maxTasks': 1e9 }).historyLimit, 100_000);
    assert.equal(read({ 'history.maxTasks': 'lots' }).historyLimit, 10_000);
    assert.equal(read({ 'history.whenFull': 'keepAll' }).historyWhenFull, 'keepAll');
    assert.equal(read({ 'history.whenFull': 'deleteEverything' }).historyWhenFull, 'forgetOldestFinished');
  });

  it('only the user\'s own settings choose them: a workspace, even a trusted one, cannot shrink the profile\'s history', () => {
    const layers = { defaultValue: 10_000, globalValue: 20_000, workspaceValue: 100, workspaceFolderValue: 100 };
    assert.equal(effectiveValue('history.maxTasks', layers, true), 20_000);
    assert.equal(effectiveValue('history.whenFull', { defaultValue: 'forgetOldestFinished', workspaceValue: 'keepAll' }, true), 'forgetOldestFinished');
  });

  it('asks before a link tracks a task unless the user turned it off in their own settings; a workspace cannot', () => {
    assert.equal(read({}).confirmTrackFromLinks, true);
    assert.equal(read({ confirmTrackFromLinks: 'no' }).confirmTrackFromLinks, true, 'only false turns it off');
    assert.equal(read({ confirmTrackFromLinks: false }).confirmTrackFromLinks, false);
    assert.equal(effectiveValue('confirmTrackFromLinks', { defaultValue: true, workspaceValue: false, workspaceFolderValue: false }, true), true);
    assert.equal(effectiveValue('confirmTrackFromLinks', { defaultValue: true, globalValue: false }, false), false);
  });
});

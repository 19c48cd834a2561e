import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { taskDescription } from '../../../src/treeViews/taskPresentation';
import { formatBytes, progressMessage } from '../../../src/util/formatBytes';
import { formatDuration, formatWait } from '../../../src/util/formatDuration';
import { displayLanguage, english, formatDateTime, formatMessage, formatNumber, setTranslator, t } from '../../../src/util/l10n';

const ROOT = path.resolve(__dirname, '../../../..');
const ZH: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
/** What vscode.l10n.t does with a bundle loaded: look the message up, then format. */
const zhTranslator = (message: string, ...args: Array<string | number | boolean>) => formatMessage(ZH[message] ?? message, args);

describe('l10n seam', () => {
  afterEach(() => setTranslator((message, ...args) => formatMessage(message, args)));

  it('formats {n} placeholders in English when nothing is wired (unit tests, the schema script)', () => {
    assert.equal(t('VEO task {0} completed.', 'Cat'), 'VEO task Cat completed.');
    assert.equal(formatMessage('{1} before {0}, {2} kept', ['a', 7]), '7 before a, {2} kept');
    assert.equal(english('{0} of {1}', 1, 2), '1 of 2');
    assert.equal(displayLanguage(), 'en');
  });

  it('pure modules speak the wired language; log text (english) does not', () => {
    setTranslator(zhTranslator, 'zh-cn');
    assert.equal(t('VEO task {0} completed.', 'Cat'), 'VEO 任务 Cat 已完成。');
    assert.equal(english('VEO task {0} completed.', 'Cat'), 'VEO task Cat completed.');
    const queued = { id: 'vgen_1', addedAt: 0, result: { id: 'vgen_1', status: 'queued', created: 0 } };
    assert.equal(taskDescription(queued as never, 192_000), '排队中 · 3 分 12 秒');
    assert.equal(formatWait(120_000), '2 分钟');
    assert.equal(progressMessage(512 * 1024, 1024 * 1024, 2 * 1024 * 1024), '50% · 512 KB / 1.0 MB · 2.0 MB/s');
  });

  it('formats numbers and dates for the display language', () => {
    setTranslator(zhTranslator, 'de');
    assert.equal(formatNumber(1.5, 1), '1,5');
    assert.equal(formatBytes(1536), '1,5 KB');
    assert.equal(formatNumber(2048), '2048', 'no grouping: sizes stay short');
    setTranslator(zhTranslator, 'zh-cn');
    const at = new Date(2025, 9, 29, 8, 5).getTime();
    assert.equal(formatDateTime(at), new Intl.DateTimeFormat('zh-cn', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
    assert.match(formatDateTime(at), /2025年10月29日/);
    assert.equal(formatDuration(45_000), '45 秒');
  });

  it('falls back to English formats for a display language Intl does not know', () => {
    setTranslator(zhTranslator, 'not a language!');
    assert.equal(displayLanguage(), 'en');
    assert.equal(formatNumber(1.5, 1), '1.5');
  });
});

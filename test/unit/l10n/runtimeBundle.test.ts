// The runtime strings' bundles match the sources: every `t('...')` message of src/ is in
// l10n/bundle.l10n.json (generated: `node scripts/l10nBundle.mjs`) and translated in
// l10n/bundle.l10n.zh-cn.json, with the same placeholders, and nothing stale is left there.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const scanned = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'scripts/l10nBundle.mjs'), '--json'], { encoding: 'utf8' })) as {
  messages: string[];
  dynamic: string[];
};
const bundle = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8'));
const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('runtime l10n bundles', () => {
  it('finds the messages (the scan works at all)', () => {
    assert.ok(scanned.messages.length > 200, String(scanned.messages.length));
    assert.ok(scanned.messages.includes('VEO task {0} completed.'));
  });

  it('every t() call passes a string literal, so the bundles can know it', () => {
    assert.deepEqual(scanned.dynamic, []);
  });

  it('l10n/bundle.l10n.json is what the sources say (run node scripts/l10nBundle.mjs)', () => {
    assert.deepEqual(Object.keys(bundle('bundle.l10n.json')).sort(), scanned.messages);
  });

  it('bundle.l10n.zh-cn.json translates every message and holds no stale one', () => {
    const zh = bundle('bundle.l10n.zh-cn.json');
    const missing = scanned.messages.filter((m) => !(m in zh));
    const stale = Object.keys(zh).filter((k) => !scanned.messages.includes(k));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
  });

  it('each Chinese message keeps the placeholders of its English one, and is not empty', () => {
    const zh = bundle('bundle.l10n.zh-cn.json');
    const wrong = Object.entries(zh).filter(([en, text]) => text.trim() === '' || placeholders(en).join() !== placeholders(text).join());
    assert.deepEqual(wrong, []);
  });
});

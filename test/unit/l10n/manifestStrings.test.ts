// Every string package.json shows a user comes from package.nls.json (English) and
// package.nls.zh-cn.json (Simplified Chinese); scripts/localiseManifest.mjs moves new ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../../..');
const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(repo, name), 'utf8')) as Record<string, unknown>;

/** Languages besides English; each needs a package.nls.<language>.json with every key. */
const LANGUAGES = ['zh-cn'];
/** Keys whose translation is deliberately the English text (a name). */
const SAME_IN_EVERY_LANGUAGE = new Set(['category.veo', 'viewContainer.veo.title', 'view.tasks.contextualTitle']);
const PLACEHOLDER = /^%([\w.-]+)%$/;
const HAN = /\p{Script=Han}/u;

type Json = Record<string, unknown>;
interface Found {
  where: string;
  value: unknown;
}

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/**
 * The manifest's strings a user reads: names, titles, descriptions and welcome texts. Tools'
 * modelDescription and input schemas are for language models and stay English.
 */
export function userVisibleStrings(manifest: Json): Found[] {
  const out: Found[] = [];
  const add = (where: string, owner: unknown, ...props: string[]) => {
    if (!owner || typeof owner !== 'object') return;
    for (const p of props) {
      const value = (owner as Json)[p];
      if (value !== undefined) out.push({ where: `${where}.${p}`, value });
    }
  };
  add('', manifest, 'displayName', 'description');
  add('capabilities.untrustedWorkspaces', (manifest.capabilities as Json | undefined)?.untrustedWorkspaces, 'description');
  const c = (manifest.contributes ?? {}) as Json;
  for (const cmd of list(c.commands)) add(`command ${String(cmd.command)}`, cmd, 'title', 'shortTitle', 'category');
  for (const [bar, containers] of Object.entries((c.viewsContainers ?? {}) as Json)) {
    for (const vc of list(containers)) add(`viewsContainers.${bar} ${String(vc.id)}`, vc, 'title');
  }
  for (const views of Object.values((c.views ?? {}) as Json)) {
    for (const v of list(views)) add(`view ${String(v.id)}`, v, 'name', 'contextualTitle');
  }
  list(c.viewsWelcome).forEach((w, i) => add(`viewsWelcome[${i}]`, w, 'contents'));
  for (const s of list(c.submenus)) add(`submenu ${String(s.id)}`, s, 'label');
  for (const tool of list(c.languageModelTools)) add(`languageModelTool ${String(tool.name)}`, tool, 'displayName', 'userDescription');
  for (const conf of [c.configuration ?? []].flat() as Json[]) {
    add('configuration', conf, 'title');
    for (const [name, p] of Object.entries((conf.properties ?? {}) as Record<string, Json>)) {
      add(`setting ${name}`, p, 'description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage');
      for (const f of ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels']) {
        (Array.isArray(p[f]) ? (p[f] as unknown[]) : []).forEach((value, i) => out.push({ where: `setting ${name}.${f}[${i}]`, value }));
      }
    }
  }
  for (const w of list(c.walkthroughs)) {
    add(`walkthrough ${String(w.id)}`, w, 'title', 'description');
    for (const step of list(w.steps)) {
      add(`walkthrough step ${String(step.id)}`, step, 'title', 'description');
      add(`walkthrough step ${String(step.id)}.media`, step.media, 'altText');
    }
  }
  return out;
}

/** Every `%key%` placeholder anywhere in the manifest. */
function placeholderKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    if (m) into.add(m[1]);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholderKeys(v, into);
  }
  return into;
}

/** What must survive translation unchanged: command links and setting references, sorted. */
export function fixedParts(text: string): string[] {
  return [...text.matchAll(/\(command:[^)\s]*\)|#[\w-]+(?:\.[\w-]+)+#/g)].map((m) => m[0]).sort();
}

describe('package.json strings are localised (package.nls*.json)', () => {
  const manifest = readJson('package.json');
  const english = readJson('package.nls.json');
  const translations = new Map(LANGUAGES.map((l) => [l, readJson(`package.nls.${l}.json`)]));

  it('every user-visible string of package.json is a %key% placeholder', () => {
    const found = userVisibleStrings(manifest);
    assert.ok(found.length > 50, `only ${found.length} user-visible strings found: did the walk break?`);
    const literal = found.filter((f) => typeof f.value !== 'string' || !PLACEHOLDER.test(f.value));
    assert.deepEqual(
      literal.map((f) => `${f.where}: ${JSON.stringify(f.value)}`),
      [],
      'run `node scripts/localiseManifest.mjs`, then translate the new keys in every package.nls.<language>.json',
    );
  });

  it('every placeholder has its text in package.nls.json and every language', () => {
    const keys = [...placeholderKeys(manifest)];
    for (const [name, nls] of [['package.nls.json', english], ...[...translations].map(([l, t]) => [`package.nls.${l}.json`, t] as const)] as const) {
      assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string' || nls[k] === ''), [], `missing from ${name}`);
    }
  });

  it('no nls file holds a key package.json does not use', () => {
    const used = placeholderKeys(manifest);
    assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'unused keys in package.nls.json');
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const translated = () => translations.get(language)!;

      it('has exactly the keys of package.nls.json', () => {
        const [en, tr] = [Object.keys(english).sort(), Object.keys(translated()).sort()];
        assert.deepEqual(en.filter((k) => !tr.includes(k)), [], `missing from package.nls.${language}.json`);
        assert.deepEqual(tr.filter((k) => !en.includes(k)), [], `only in package.nls.${language}.json`);
      });

      it('translates every text (names listed in SAME_IN_EVERY_LANGUAGE aside)', () => {
        const untranslated = Object.keys(english).filter((k) => !SAME_IN_EVERY_LANGUAGE.has(k) && translated()[k] === english[k]);
        assert.deepEqual(untranslated, [], 'the same as the English');
        if (language.startsWith('zh')) {
          const noChinese = Object.keys(english).filter((k) => !SAME_IN_EVERY_LANGUAGE.has(k) && !HAN.test(String(translated()[k])));
          assert.deepEqual(noChinese, [], 'no Chinese in these');
        }
      });

      it('keeps every command: link and #setting# reference of the English', () => {
        const differ = Object.keys(english)
          .filter((k) => JSON.stringify(fixedParts(String(english[k]))) !== JSON.stringify(fixedParts(String(translated()[k] ?? ''))))
          .map((k) => `${k}: ${fixedParts(String(english[k])).join(' ')} vs ${fixedParts(String(translated()[k] ?? '')).join(' ')}`);
        assert.deepEqual(differ, []);
      });
    });
  }

  it('links name contributed commands and references name contributed settings', () => {
    const c = manifest.contributes as Json;
    // VS Code's own commands a text may link to (the walkthrough's Open VEO Settings).
    const commands = new Set([...list(c.commands).map((x) => String(x.command)), 'workbench.action.openSettings']);
    const settings = new Set([c.configuration ?? []].flat().flatMap((conf) => Object.keys(((conf as Json).properties ?? {}) as Json)));
    const bad = Object.values(english).flatMap((text) =>
      fixedParts(String(text)).filter((part) =>
        part.startsWith('(command:') ? !commands.has(part.slice('(command:'.length, -1).split('?')[0]) : !settings.has(part.slice(1, -1)),
      ),
    );
    assert.deepEqual(bad, []);
  });

  it('fixedParts finds links and setting references, not other hashes or parentheses', () => {
    assert.deepEqual(fixedParts('[Go](command:veo.trackTask) see `#veo.autoDownload#` (not #this#) (x)'), [
      '#veo.autoDownload#',
      '(command:veo.trackTask)',
    ]);
  });
});

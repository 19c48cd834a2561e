#!/usr/bin/env node
/*
 * Moves every user-visible English string of package.json into package.nls.json and puts a
 * `%key%` placeholder in its place (VS Code replaces it with package.nls.<language>.json's
 * value, else package.nls.json's). Only string values change: keys, their order and the
 * 2-space indentation stay. Run it after adding a command, setting, view or walkthrough step,
 * then translate the new keys in every package.nls.<language>.json (it lists the missing ones;
 * test/unit/l10n/manifestStrings.test.ts fails until they are there).
 *
 *   node scripts/localiseManifest.mjs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const manifestFile = path.join(root, 'package.json');
const nlsFile = path.join(root, 'package.nls.json');
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};

const PLACEHOLDER = /^%([\w.-]+)%$/;
const short = (id) => id.replace(/^veo\./, '');
/** Welcome contents are named by their `when`, so a reordering keeps their keys. */
const WELCOME_NAMES = { '!veo.hasApiKey': 'noApiKey', 'veo.hasApiKey': 'noTasks' };

/** [property name or array index, English text, placeholder], in the order they were taken. */
const moves = [];
/** Replaces obj[prop] (a string) by a placeholder for `key`, recording the English text. */
function take(obj, prop, key) {
  const value = obj?.[prop];
  if (typeof value !== 'string' || PLACEHOLDER.test(value)) return;
  if (nls[key] !== undefined && nls[key] !== value) throw new Error(`${key} already holds another text: ${nls[key]}`);
  nls[key] = value;
  obj[prop] = `%${key}%`;
  moves.push([prop, value, `%${key}%`]);
}

take(manifest, 'displayName', 'displayName');
take(manifest, 'description', 'description');
take(manifest.capabilities?.untrustedWorkspaces, 'description', 'capabilities.untrustedWorkspaces.description');

const c = manifest.contributes ?? {};
for (const cmd of c.commands ?? []) {
  take(cmd, 'title', `command.${short(cmd.command)}.title`);
  take(cmd, 'shortTitle', `command.${short(cmd.command)}.shortTitle`);
  // One category for every command.
  if (cmd.category === 'VEO') take(cmd, 'category', 'category.veo');
  else take(cmd, 'category', `command.${short(cmd.command)}.category`);
}
for (const containers of Object.values(c.viewsContainers ?? {})) {
  for (const vc of containers) take(vc, 'title', `viewContainer.${short(vc.id)}.title`);
}
for (const views of Object.values(c.views ?? {})) {
  for (const v of views) {
    take(v, 'name', `view.${short(v.id)}.name`);
    take(v, 'contextualTitle', `view.${short(v.id)}.contextualTitle`);
  }
}
(c.viewsWelcome ?? []).forEach((w, i) => take(w, 'contents', `viewsWelcome.${short(w.view)}.${WELCOME_NAMES[w.when] ?? i}`));
for (const s of c.submenus ?? []) take(s, 'label', `submenu.${short(s.id)}.label`);
for (const tool of c.languageModelTools ?? []) {
  // modelDescription and the input schema stay English: models read English best.
  take(tool, 'displayName', `tool.${tool.name}.displayName`);
  take(tool, 'userDescription', `tool.${tool.name}.userDescription`);
}
for (const conf of [c.configuration ?? []].flat()) {
  take(conf, 'title', 'config.title');
  for (const [name, p] of Object.entries(conf.properties ?? {})) {
    const k = `config.${short(name)}`;
    for (const f of ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage']) take(p, f, `${k}.${f}`);
    for (const f of ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels']) {
      (p[f] ?? []).forEach((_, i) => take(p[f], i, `${k}.${f}.${p.enum?.[i] ?? i}`));
    }
  }
}
for (const w of c.walkthroughs ?? []) {
  const k = `walkthrough.${short(w.id)}`;
  take(w, 'title', `${k}.title`);
  take(w, 'description', `${k}.description`);
  for (const step of w.steps ?? []) {
    const s = `${k}.step.${short(step.id)}`;
    take(step, 'title', `${s}.title`);
    take(step, 'description', `${s}.description`);
    take(step.media, 'altText', `${s}.altText`);
  }
}

fs.writeFileSync(manifestFile, rewrite(fs.readFileSync(manifestFile, 'utf8')));
fs.writeFileSync(nlsFile, JSON.stringify(nls, null, 2) + '\n');
console.log(`${moves.length} string(s) moved to package.nls.json`);

/**
 * The manifest text with each moved string replaced where it stands (first occurrence not
 * replaced yet, in walk order), so the rest of the file keeps its layout; a plain JSON dump
 * if the result would not parse back to exactly the new manifest.
 */
function rewrite(text) {
  let out = text;
  for (const [prop, value, placeholder] of moves) {
    const quoted = JSON.stringify(value);
    const needle = typeof prop === 'number' ? quoted : `${JSON.stringify(prop)}: ${quoted}`;
    const at = out.indexOf(needle);
    if (at < 0) return JSON.stringify(manifest, null, 2) + '\n';
    out = out.slice(0, at) + needle.slice(0, needle.length - quoted.length) + JSON.stringify(placeholder) + out.slice(at + needle.length);
  }
  return JSON.stringify(JSON.parse(out)) === JSON.stringify(manifest) ? out : JSON.stringify(manifest, null, 2) + '\n';
}
for (const file of fs.readdirSync(root).filter((f) => /^package\.nls\..+\.json$/.test(f))) {
  const other = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  const missing = Object.keys(nls).filter((key) => other[key] === undefined);
  if (missing.length) console.log(`${file} lacks: ${missing.join(', ')}`);
}

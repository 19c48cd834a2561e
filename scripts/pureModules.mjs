// Which modules of src/ the unit tier's coverage and mutation checks hold to account: the pure and
// HTTP folders below, less the files that need VS Code. The VS Code side is read from VSCODE_SIDE
// in eslint.config.mjs (the one list the lint rule enforces), so a new vscode file listed there
// leaves these checks without another edit. Used by scripts/checkCoverage.mjs,
// scripts/mutationScore.mjs and stryker.config.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders under src/ whose pure files are measured (and must meet the thresholds). */
export const PURE_FOLDERS = ['api', 'chat', 'config', 'download', 'input', 'links', 'log', 'polling', 'preview', 'store', 'treeViews', 'util', 'windows'];

/** VSCODE_SIDE's globs, as written in eslint.config.mjs (`src/...`). */
export function vscodeSideGlobs() {
  const config = fs.readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8');
  const list = /const VSCODE_SIDE = \[([^\]]*)\]/.exec(config);
  if (!list) throw new Error('VSCODE_SIDE not found in eslint.config.mjs');
  return [...list[1].matchAll(/'([^']+)'/g)].map(([, glob]) => glob);
}

/** A glob of VSCODE_SIDE (`*`, `**` only) as a regular expression over `src/...` paths. */
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split('**/')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('(?:.*/)?')}$`,
  );

const importsVscode = (file) => /(?:from\s+|require\(\s*|import\s*\(\s*)['"]vscode['"]/.test(fs.readFileSync(file, 'utf8'));

/**
 * `src/<folder>/...` of a pure, measured module, or undefined for the VS Code side, a file
 * outside the measured folders or one that no longer exists. `rel` is relative to ROOT, with `/`.
 */
export function pureFolderOf(rel, side = vscodeSideGlobs().map(globToRegExp)) {
  const m = /^src\/([^/]+)\/.+\.ts$/.exec(rel);
  if (!m || !PURE_FOLDERS.includes(m[1])) return undefined;
  const file = path.join(ROOT, rel);
  if (!fs.existsSync(file) || side.some((re) => re.test(rel)) || importsVscode(file)) return undefined;
  return m[1];
}

export const vscodeSideRegExps = () => vscodeSideGlobs().map(globToRegExp);

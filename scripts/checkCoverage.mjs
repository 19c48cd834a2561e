// `npm run coverage`, last step: reads c8's json-summary (reports/coverage/) and checks the
// unit tier's branch and line coverage per folder of src/, over the pure and HTTP modules
// (scripts/pureModules.mjs: the VS Code side cannot run in plain Node and is left out). Every
// pure file counts, one that no unit test loads included (c8 --all reports it uncovered).
// Prints one table; exits 1 if a folder is under a threshold.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PURE_FOLDERS, ROOT, pureFolderOf, vscodeSideRegExps } from './pureModules.mjs';

const SUMMARY = path.join(ROOT, 'reports/coverage/coverage-summary.json');
const MIN_BRANCHES = 90;
const MIN_LINES = 90;

if (!fs.existsSync(SUMMARY)) {
  console.error(`coverage: ${path.relative(ROOT, SUMMARY)} is missing; run \`npm run coverage\` (c8 mocha) first`);
  process.exit(1);
}
const summary = JSON.parse(fs.readFileSync(SUMMARY, 'utf8'));
const side = vscodeSideRegExps();
const folders = new Map(PURE_FOLDERS.map((f) => [f, { files: 0, bc: 0, bt: 0, lc: 0, lt: 0 }]));
const weakFiles = [];
for (const [key, s] of Object.entries(summary)) {
  if (key === 'total') continue;
  const rel = path.relative(ROOT, key).split(path.sep).join('/');
  const folder = pureFolderOf(rel, side);
  if (folder === undefined) continue;
  const f = folders.get(folder);
  f.files++;
  f.bc += s.branches.covered;
  f.bt += s.branches.total;
  f.lc += s.lines.covered;
  f.lt += s.lines.total;
  if (s.branches.pct < MIN_BRANCHES || s.lines.pct < MIN_LINES) {
    weakFiles.push(`  ${rel}: branches ${s.branches.covered}/${s.branches.total} (${s.branches.pct} %), lines ${s.lines.pct} %`);
  }
}

const pct = (c, t) => (t === 0 ? 100 : (100 * c) / t);
let failed = false;
const rows = [...folders].map(([folder, f]) => {
  const b = pct(f.bc, f.bt);
  const l = pct(f.lc, f.lt);
  const ok = f.files > 0 && b >= MIN_BRANCHES && l >= MIN_LINES;
  if (!ok) failed = true;
  return [`src/${folder}`, String(f.files), `${b.toFixed(2)} % (${f.bc}/${f.bt})`, `${l.toFixed(2)} % (${f.lc}/${f.lt})`, ok ? 'ok' : 'FAIL'];
});
const head = ['folder (pure files)', 'files', `branches (>= ${MIN_BRANCHES} %)`, `lines (>= ${MIN_LINES} %)`, 'status'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
console.log('\nUnit-tier coverage per folder (the VS Code side left out):');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
if (weakFiles.length > 0) console.log(`\nFiles under a threshold (their folder may still pass):\n${weakFiles.join('\n')}`);
console.log('\nHTML report: reports/coverage/index.html');
if (failed) {
  console.error(`\ncoverage: a folder is under ${MIN_BRANCHES} % branches or ${MIN_LINES} % lines; add unit tests (see the table)`);
  process.exit(1);
}

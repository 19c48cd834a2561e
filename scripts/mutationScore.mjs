// `npm run test:mutation`, last step: the mutation score per folder of src/ from Stryker's JSON
// report (reports/mutation/mutation.json). Score = detected / (detected + undetected), detected =
// killed + timed out, undetected = survived + no coverage (Stryker's own definition; compile and
// runtime errors and ignored mutants do not count). Exits 1 when a folder is under GOAL.
// `--survivors` also lists every surviving mutant (file:line, mutator, replacement).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pureFolderOf, ROOT, vscodeSideRegExps } from './pureModules.mjs';

const REPORT = path.join(ROOT, 'reports/mutation/mutation.json');
const GOAL = 85;

if (!fs.existsSync(REPORT)) {
  console.error(`mutation: ${path.relative(ROOT, REPORT)} is missing; run \`npm run test:mutation\` first`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
const side = vscodeSideRegExps();
const folders = new Map();
const survivors = [];
for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const rel = path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join('/');
  // Only the pure modules count (a `--mutate` given on the command line may reach further).
  const folder = pureFolderOf(rel, side);
  if (folder === undefined) continue;
  const f = folders.get(folder) ?? { files: new Set(), killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
  f.files.add(rel);
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status === 'Killed') f.killed++;
    else if (m.status === 'Timeout') f.timeout++;
    else if (m.status === 'Survived' || m.status === 'NoCoverage') {
      if (m.status === 'Survived') f.survived++;
      else f.noCoverage++;
      const line = m.location.start.line;
      survivors.push(`${rel}:${line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}  | ${lines[line - 1].trim().slice(0, 110)}`);
    } else if (m.status === 'CompileError' || m.status === 'RuntimeError') f.errors++;
  }
  folders.set(folder, f);
}

const score = (f) => {
  const detected = f.killed + f.timeout;
  const valid = detected + f.survived + f.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
};
const total = { files: new Set(), killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
let failed = false;
const rows = [...folders].sort(([a], [b]) => a.localeCompare(b)).map(([folder, f]) => {
  for (const k of ['killed', 'timeout', 'survived', 'noCoverage', 'errors']) total[k] += f[k];
  const s = score(f);
  if (s < GOAL) failed = true;
  return [`src/${folder}`, String(f.files.size), `${s.toFixed(2)} %`, String(f.killed), String(f.timeout), String(f.survived), String(f.noCoverage), s >= GOAL ? 'ok' : 'UNDER GOAL'];
});
rows.push(['all', String([...folders.values()].reduce((n, f) => n + f.files.size, 0)), `${score(total).toFixed(2)} %`, String(total.killed), String(total.timeout), String(total.survived), String(total.noCoverage), '']);
const head = ['folder', 'files', `score (goal ${GOAL} %)`, 'killed', 'timeout', 'survived', 'no coverage', 'status'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
console.log('\nMutation score per folder (unit tier):');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
if (process.argv.includes('--survivors')) console.log(`\nSurviving mutants (${survivors.length}):\n${survivors.join('\n')}`);
console.log('\nHTML report: reports/mutation/mutation.html');
if (failed) {
  console.error(`\nmutation: a folder is under ${GOAL} %; kill its survivors with tests or list them as equivalent in the README`);
  process.exit(1);
}

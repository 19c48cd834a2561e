// Writes l10n/bundle.l10n.json (the English bundle VS Code's l10n tools expect) from the
// sources: every `t('...')` / `l10n.t('...')` call of src/ with a string literal first.
//   node scripts/l10nBundle.mjs          writes the bundle
//   node scripts/l10nBundle.mjs --json   prints { messages, dynamic } for tests, writes nothing
// `dynamic` lists calls whose first argument is not a literal: the bundle cannot know them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The seam itself calls the translator with a variable; nothing else may. */
const SEAM = 'src/util/l10n.ts';

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

/** The literal's value and where it ends, or undefined when `text[at]` starts no plain literal. */
function readLiteral(text, at) {
  const quote = text[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[++i];
      const simple = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '`': '`', 0: '\0' };
      if (next in simple) value += simple[next];
      else if (next === 'u') {
        const braced = text[i + 1] === '{';
        const hex = braced ? text.slice(i + 2, text.indexOf('}', i)) : text.slice(i + 1, i + 5);
        value += String.fromCodePoint(parseInt(hex, 16));
        i += braced ? hex.length + 2 : 4;
      } else value += next;
      continue;
    }
    if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    if (c === quote) return { value, end: i + 1 };
    value += c;
  }
  return undefined;
}

/** Every translated message of the sources, and the calls that pass no literal. */
export function scanMessages() {
  const messages = new Set();
  const dynamic = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    // `t(` as a word (not `split(`), or `l10n.t(`; comments are skipped line by line.
    const call = /(?<![\w$.])t\(|\bl10n\.t\(/g;
    for (const m of text.matchAll(call)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const before = text.slice(lineStart, m.index).trimStart();
      if (before.startsWith('//') || before.startsWith('*') || before.startsWith('/*')) continue;
      if (/\bfunction\s+$/.test(text.slice(lineStart, m.index))) continue;
      let at = m.index + m[0].length;
      while (/\s/.test(text[at])) at++;
      const literal = readLiteral(text, at);
      if (literal) messages.add(literal.value);
      else if (rel !== SEAM) dynamic.push(`${rel}:${text.slice(0, m.index).split('\n').length}`);
    }
  }
  return { messages: [...messages].sort(), dynamic };
}

const { messages, dynamic } = scanMessages();
if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ messages, dynamic }));
} else {
  const bundle = Object.fromEntries(messages.map((m) => [m, m]));
  fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
  fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`l10n/bundle.l10n.json: ${messages.length} messages`);
  if (dynamic.length) {
    console.error(`t() calls without a string literal (not in the bundle):\n  ${dynamic.join('\n  ')}`);
    process.exitCode = 1;
  }
}

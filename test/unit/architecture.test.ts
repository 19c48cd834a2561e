// The README's source map is the rule: every folder under src/ is in it, and every import
// between folders goes the way its table allows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const src = path.join(repo, 'src');
/** Root files any folder may import (the lazily loaded network bundle's loader). */
const ROOT_FOR_ALL = new Set(['lazyNetwork']);

interface SourceMap {
  order: string[];
  allowed: Map<string, Set<string>>;
}

/** Parses the table between the `source-map` markers of README.md. */
export function parseSourceMap(readme: string): SourceMap {
  const m = /<!-- source-map:start -->([\s\S]*?)<!-- source-map:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no source map');
  const order: string[] = [];
  const allowed = new Map<string, Set<string>>();
  for (const line of m[1].split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`([a-zA-Z]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const may = cells[3] ?? '';
    const names = [...may.matchAll(/`([a-zA-Z]+)`/g)].map((x) => x[1]);
    allowed.set(folder, new Set(/every folder above/.test(may) ? [...order, ...names] : names));
    order.push(folder);
  }
  return { order, allowed };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative module a file imports or re-exports (type-only ones included). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/g), ...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]);
}

/** `store`, or `:root/name` for a file at the root of src/. */
function topOf(absolute: string): string {
  const rel = path.relative(src, absolute).split(path.sep);
  return rel.length === 1 ? `:root/${rel[0].replace(/\.ts$/, '')}` : rel[0];
}

describe('architecture (README source map)', () => {
  const map = parseSourceMap(fs.readFileSync(path.join(repo, 'README.md'), 'utf8'));
  const folders = fs.readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('names every folder under src/, and only those', () => {
    assert.deepEqual([...folders].sort(), [...map.order].sort());
  });

  it('every import between folders runs the way the map allows', () => {
    const wrong: string[] = [];
    for (const folder of folders) {
      for (const file of sourceFiles(path.join(src, folder))) {
        for (const spec of importsOf(file)) {
          const target = topOf(path.resolve(path.dirname(file), spec));
          if (target === folder) continue;
          const ok = target.startsWith(':root/')
            ? ROOT_FOR_ALL.has(target.slice(6)) || map.allowed.get(folder)!.has(target.slice(6))
            : map.allowed.get(folder)!.has(target);
          if (!ok) wrong.push(`${path.relative(repo, file)} imports ${spec} (${folder} -> ${target.replace(':root/', '')})`);
        }
      }
    }
    assert.deepEqual(wrong, [], `imports against the README's source map:\n${wrong.join('\n')}`);
  });

  it('parses "every folder above" and "(nothing)"', () => {
    const parsed = parseSourceMap('<!-- source-map:start -->\n| `a/` | x | (nothing) |\n| `b/` | y | `a` |\n| `c/` | z | every folder above, `services` |\n<!-- source-map:end -->');
    assert.deepEqual(parsed.order, ['a', 'b', 'c']);
    assert.deepEqual([...parsed.allowed.get('a')!], []);
    assert.deepEqual([...parsed.allowed.get('c')!].sort(), ['a', 'b', 'services']);
  });
});

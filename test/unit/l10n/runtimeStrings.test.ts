// A scan of src/ for user-visible text that skips the translation seam (src/util/l10n.ts):
// a string literal that reads as words, passed straight to a notification or modal helper
// (src/ui/notify.ts), a status-bar message, a quick pick / input box / dialog / CodeLens
// option (`title`, `prompt`, `placeHolder`, `tooltip`, `label`, `description`, `detail`,
// `openLabel`, `saveLabel`, `invocationMessage`), a view or form `message`, or a
// `.title`/`.placeholder`/`.text`/`.tooltip` assignment, or a failure reason: a literal
// passed to `new ...Error(...)` (`new DownloadError('http', '...')`, `new Error('...')`) or
// returned as `message: '...'` (the `ok: false` / `kind: 'error'` answers of src/api/). The
// failure reasons of src/api/ and src/download/ are stored with a task, shown in
// notifications and quoted in the log, so they are scanned like any other text; a one-word
// lowercase literal (a reason kind such as 'http', 'cancelled') is no message. Every such
// text must come from `t('...')`. What it does not see: text built elsewhere and passed in a
// variable or returned bare (`return 'the video link ...'`: the bundle test and review cover
// those), and the files below, English by design.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** English by design: the log; window leadership and the journal (stored and logged); text for a language model; the static JSON schema. */
const ENGLISH_BY_DESIGN = [
  /^src\/log\//,
  /^src\/windows\//,
  /^src\/store\/(taskJournal|openTaskStore|taskPersistence|journalFormat|storedShape)\.ts$/,
  /^src\/chat\/(toolResults|toolInputs|toolResult)\.ts$/,
  /^src\/create\/promptFile\.ts$/,
  /^src\/request\/promptFileSchema\.ts$/,
  /^src\/util\/l10n\.ts$/,
];

const HELPERS = /\b(showInfo|showWarning|showError|confirmModal|askModal|withNotificationProgress|setStatusBarMessage|pickTask|pickOption)\s*\(/g;
const OPTION = /(?<![\w$.])(title|prompt|placeHolder|placeholder|tooltip|label|description|detail|openLabel|saveLabel|invocationMessage|message)\s*:\s*(['"`])/g;
const ASSIGNMENT = /\.(title|placeholder|text|tooltip|message)\s*=\s*(['"`])/g;
/** An error built with a literal reason: `new DownloadError(kind, '...')`, `new Error('...')`, `new BodyTooLargeError('...')`. */
const FAILURE = /\bnew\s+\w*Error\s*\(/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Comment lines blanked (same length), so offsets and line numbers stay right. */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*(\/\/|\*|\/\*)/.test(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}

/** The literal starting at `at` (a quote), its `${...}` parts left out; undefined when unterminated. */
function literalAt(text: string, at: number): { words: string; end: number } | undefined {
  const quote = text[at];
  let words = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
      i--;
      continue;
    }
    if (c === quote) return { words, end: i + 1 };
    words += c;
  }
  return undefined;
}

/**
 * Reads as words for a person, once codicons (`$(play)`) are left out: two words, or one
 * capitalised word ("Downloaded"). Ids, field names and examples (`prompt`,
 * `vgen_abc123def456`) are no words: a word is letters only.
 */
function looksLikeMessage(text: string): boolean {
  const words = text
    .replace(/\$\([\w~-]+\)/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\w]+|[^\w]+$/g, ''))
    .filter((w) => /^[A-Za-z]{2,}$/.test(w));
  return words.length >= 2 || (words.length === 1 && /^[A-Z][a-z]/.test(words[0]));
}

/** Literals directly inside a call's parentheses (not inside a nested call such as `t(...)`). */
function literalArguments(text: string, open: number): Array<{ at: number; words: string }> {
  const found: Array<{ at: number; words: string }> = [];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) break;
    } else if (c === "'" || c === '"' || c === '`') {
      const literal = literalAt(text, i);
      if (!literal) break;
      if (depth === 1) found.push({ at: i, words: literal.words });
      i = literal.end - 1;
    }
  }
  return found;
}

export function untranslated(rel: string, source: string): string[] {
  const text = withoutComments(source);
  const line = (at: number) => text.slice(0, at).split('\n').length;
  const problems: string[] = [];
  const report = (at: number, words: string) => problems.push(`${rel}:${line(at)}: ${JSON.stringify(words.slice(0, 70))}`);
  for (const m of [...text.matchAll(HELPERS), ...text.matchAll(FAILURE)]) {
    for (const arg of literalArguments(text, m.index + m[0].length - 1)) if (looksLikeMessage(arg.words)) report(arg.at, arg.words);
  }
  for (const pattern of [OPTION, ASSIGNMENT]) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index + m[0].length - 1;
      const literal = literalAt(text, at);
      if (literal && looksLikeMessage(literal.words)) report(at, literal.words);
    }
  }
  return problems;
}

describe('runtime strings go through t()', () => {
  it('no user message in src/ is a bare literal (see the rule at the top of this file)', () => {
    const problems = sourceFiles(path.join(ROOT, 'src'))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((rel) => !ENGLISH_BY_DESIGN.some((r) => r.test(rel)))
      .flatMap((rel) => untranslated(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8')));
    assert.deepEqual(problems, []);
  });

  it('the scan catches what it is meant to catch', () => {
    const caught = untranslated(
      'x.ts',
      [
        "void showInfo('Saved the video.');",
        'void showWarning(`Downloading ${name} failed`, t("Retry"));',
        "await confirmModal(t('Remove?'), 'The videos stay on the server.', t('Remove'));",
        "const box = { title: 'Filter VEO tasks', placeHolder: t('Name') };",
        "item.tooltip = 'Downloaded';",
        "lens = { title: '$(play) Generate video' };",
        "throw new DownloadError('http', `the video host answered HTTP ${status}`);",
        "body.destroy(new DownloadError('notVideo', 'the link returned an HTML page instead of a video'));",
        "throw new Error('the disk accepted no bytes');",
        "if (body === '') return { ok: false, message: 'empty response body' };",
        "return { kind: 'error', message: `no answer within ${n} s`, unsure: true };",
      ].join('\n'),
    );
    assert.equal(caught.length, 11, caught.join('\n'));
    assert.deepEqual(untranslated('x.ts', "void showInfo(t('Saved {0}.', file));\nlens = { title: `$(play) ${t('Generate video')}` };\nitem.command = { command: 'veo.x', title: t('Preview Video') };\n// showInfo('a comment')"), []);
    assert.deepEqual(
      untranslated(
        'x.ts',
        [
          "throw new DownloadError('cancelled', t('the download was cancelled'));",
          "throw new DownloadError(res.statusCode >= 500 ? 'network' : 'http', t('the video host answered HTTP {0}', res.statusCode));",
          "throw new DownloadError('network', describeError(e));",
          "return { kind: 'error', message: t('bad response: {0}', parsed.message) };",
          "return { ok: false, message: problem };",
        ].join('\n'),
      ),
      [],
    );
  });

  it('scans the failure reasons of src/api/ and src/download/ (they are not English by design)', () => {
    for (const rel of ['src/api/veoClient.ts', 'src/api/taskResult.ts', 'src/api/createAnswer.ts', 'src/download/downloadVideo.ts', 'src/download/videoRequest.ts', 'src/download/exclusiveFile.ts']) {
      assert.ok(!ENGLISH_BY_DESIGN.some((r) => r.test(rel)), rel);
    }
  });
});

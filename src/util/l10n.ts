// The one seam for user-visible runtime text. Pure: pure modules call `t` without importing
// `vscode`; extension.ts wires it once to `vscode.l10n.t` (and the display language) at
// activation, so unit tests (never wired) keep English. Messages use `{0}` placeholders, as
// `vscode.l10n.t` does; the l10n bundles are generated from the `t('...')` calls
// (scripts/l10nBundle.mjs), so the message must be a string literal.

export type Translator = (message: string, ...args: Array<string | number | boolean>) => string;

/** English: `{n}` replaced by the n-th argument, as `vscode.l10n.t` formats without a bundle. */
export function formatMessage(message: string, args: ReadonlyArray<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

let translator: Translator = (message, ...args) => formatMessage(message, args);
let language = 'en';

/** The message in the display language, its `{0}`... replaced by `args`. */
export function t(message: string, ...args: Array<string | number | boolean>): string {
  return translator(message, ...args);
}

/** The display language's tag (`en`, `zh-cn`), for `Intl` formatting of numbers and dates. */
export function displayLanguage(): string {
  return language;
}

/** Wired once at activation: `setTranslator(vscode.l10n.t, vscode.env.language)`. */
export function setTranslator(next: Translator, displayLang = 'en'): void {
  translator = next;
  language = validLocale(displayLang) ? displayLang : 'en';
}

/**
 * The wired translator and display language, to hand to another bundle's copy of this module:
 * esbuild bundles each entry point whole, so the network bundle has its own `t` (lazyNetwork.ts).
 */
export function currentTranslation(): [Translator, string] {
  return [translator, language];
}

function validLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/** The same message in English, for the log (log lines stay English whatever the display language). */
export function english(message: string, ...args: Array<string | number | boolean>): string {
  return formatMessage(message, args);
}

/** A number in the display language (`1.5`, `2048`; no grouping, so sizes stay short). */
export function formatNumber(n: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, useGrouping: false }).format(n);
}

/** A date and time in the display language and the local time zone, e.g. "Oct 29, 2025, 8:00 AM", "2025年10月29日 08:00". */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

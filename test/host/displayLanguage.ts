/*
 * A display language for a throwaway code-server profile without a language pack. code-server
 * takes `--locale`, but its web workbench switches language (`_VSCODE_NLS_LANGUAGE`, hence the
 * language extensions' package.nls.<language>.json and `vscode.env.language` follow) only when
 * the server finds a language pack for it in `<user-data-dir>/languagepacks.json`; without one
 * the page stays English whatever `--locale` says. Language packs come from the Marketplace,
 * which the tests cannot reach, so this writes the entry a pack's installation would write,
 * pointing at an empty core translation file: VS Code's own texts stay English (the missing
 * ones fall back to it), the extension's are in the language.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Prepares `userDataDir` for `language` (e.g. `zh-cn`); returns the arguments code-server needs. */
export function prepareDisplayLanguage(userDataDir: string, language: string): string[] {
  const translations = path.join(userDataDir, `core-translations.${language}.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    [language]: {
      hash: `veo-test-${language}`,
      // getInstalledLanguages reads the first extension's identifier.
      extensions: [{ extensionIdentifier: { id: `veo-tests.language-pack-${language}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: language,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(pack));
  return ['--locale', language];
}

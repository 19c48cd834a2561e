import * as assert from 'node:assert/strict';
import { currentTranslation, displayLanguage, setTranslator } from '../../../src/util/l10n';
import { urlDestination } from '../../../src/util/markdownLink';
import { hiddenCharacters, showHidden } from '../../../src/util/safeText';

describe('safeText, markdownLink and l10n edges (mutation survivors)', () => {
  it('showHidden turns a lone carriage return into a line feed when line breaks are kept', () => {
    assert.equal(showHidden('a\rb\r\nc', { lineBreaks: true }), 'a\nb\nc');
  });

  it('allows only a zero-width (non-)joiner between two joining letters, not a zero-width space', () => {
    assert.deepEqual(hiddenCharacters('م\u200cم', { lineBreaks: false }), []);
    assert.deepEqual(hiddenCharacters('م\u200bم', { lineBreaks: false }), [{ code: 'U+200B', position: 2 }]);
  });

  it('percent-encodes parentheses in a link destination', () => {
    assert.equal(urlDestination('https://example.com/a(b)'), 'https://example.com/a%28b%29');
  });

  it('falls back to English for a display language Intl does not know', () => {
    const [translator, language] = currentTranslation();
    try {
      setTranslator(translator, 'zz');
      assert.equal(displayLanguage(), 'en');
      setTranslator(translator, 'de');
      assert.equal(displayLanguage(), 'de');
    } finally {
      setTranslator(translator, language);
    }
  });
});

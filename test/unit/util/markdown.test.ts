import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/util/markdown';

describe('escapeMarkdown', () => {
  it('backslash-escapes emphasis, links and code', () => {
    assert.equal(escapeMarkdown('**bold** _it_'), '\\*\\*bold\\*\\* \\_it\\_');
    assert.equal(escapeMarkdown('[x](http://e)'), '\\[x\\]\\(http&#58;//e\\)');
    assert.equal(escapeMarkdown('`code`'), '\\`code\\`');
    assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
  });

  it('backslash-escapes block syntax characters', () => {
    assert.equal(escapeMarkdown('# h'), '\\# h');
    assert.equal(escapeMarkdown('- + 1. ! | ~ {}'), '\\- \\+ 1\\. \\! \\| \\~ \\{\\}');
  });

  it('escapes HTML', () => {
    assert.equal(escapeMarkdown('<script'), '&lt;script');
    assert.equal(escapeMarkdown('a & b'), 'a &amp; b');
    assert.equal(escapeMarkdown('&lt;'), '&amp;lt;');
  });

  it('keeps bare URLs from becoming links (the colon becomes an entity)', () => {
    assert.equal(escapeMarkdown('renew at https://1249763844/renew'), 'renew at https&#58;//1249763844/renew');
    assert.doesNotMatch(escapeMarkdown('mailto:a javascript:x file:///etc'), /[a-z]:/);
  });

  it('turns newlines into spaces', () => {
    assert.equal(escapeMarkdown('one\ntwo\r\nthree'), 'one two three');
  });

  it('leaves plain text alone', () => {
    assert.equal(escapeMarkdown('vgen abc123 queued'), 'vgen abc123 queued');
  });

  // `>` must end up as `&gt;`, not `\&gt;` (which Markdown shows as the literal text "&gt;").
  it('escapes > as &gt; so it still renders as ">"', () => {
    assert.equal(escapeMarkdown('>'), '&gt;');
    assert.equal(escapeMarkdown('a > b'), 'a &gt; b');
    assert.equal(escapeMarkdown('<img src=x>'), '&lt;img src=x&gt;');
    assert.equal(escapeMarkdown('<b>'), '&lt;b&gt;');
  });
});

import * as assert from 'node:assert/strict';
import { listedIds, MAX_LINK_IDS, MAX_LISTED_IDS, parseTrackLink } from '../../../src/links/trackLink';

// The query as a UriHandler receives it: VS Code's Uri.parse has percent-decoded it once
// already (`?label=R%20D%20%2B%20Ops` arrives as `label=R D + Ops`), so these are decoded.
describe('parseTrackLink (vscode://veo-tools.veo-tasks/track?...)', () => {
  it('reads one id and its label, or several ids', () => {
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_abc123def456&label=Sunset over the sea'), { ok: true, ids: ['vgen_abc123def456'], label: 'Sunset over the sea' });
    assert.deepEqual(parseTrackLink('/track/', 'id=vgen_a1b2c3&id=vgen_d4e5f6&id=vgen_a1b2c3'), { ok: true, ids: ['vgen_a1b2c3', 'vgen_d4e5f6'] }, 'each once');
    assert.deepEqual(parseTrackLink('track', 'id= vgen_abc123def456 '), { ok: true, ids: ['vgen_abc123def456'] }, 'trimmed');
    assert.deepEqual(parseTrackLink('/track', '&id=vgen_abc123def456&&'), { ok: true, ids: ['vgen_abc123def456'] }, 'empty parts are nothing');
  });

  it('decodes nothing a second time: "+" stays a plus, "%41" stays as it is, "=" after the first is text', () => {
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_x1y2z3&label=R D + Ops'), { ok: true, ids: ['vgen_x1y2z3'], label: 'R D + Ops' });
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_x1y2z3&label=%41 100%'), { ok: true, ids: ['vgen_x1y2z3'], label: '%41 100%' });
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_x1y2z3&label=a=b'), { ok: true, ids: ['vgen_x1y2z3'], label: 'a=b' });
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_x1y2z3&label=a+b'), { ok: true, ids: ['vgen_x1y2z3'], label: 'a+b' });
  });

  it('keeps a label cleaned of control and bidi characters and capped', () => {
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&label=\u202eevil\nline'), { ok: true, ids: ['a1b2c3'], label: 'evil line' });
    const long = parseTrackLink('/track', `id=a1b2c3&label=${'x'.repeat(500)}`);
    assert.ok(long.ok && long.label?.length === 120);
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&label=  '), { ok: true, ids: ['a1b2c3'] }, 'a blank label is none');
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&label='), { ok: true, ids: ['a1b2c3'] });
  });

  const refused = (path: string, query: string) => {
    const link = parseTrackLink(path, query);
    assert.equal(link.ok, false, `${path}?${query}`);
    return link.ok ? '' : link.message;
  };

  it('refuses a link an "&" inside a label split, rather than guessing: a smuggled id, a stray part, a second label', () => {
    // label=x%26id%3Dvgen_other arrives as label=x&id=vgen_other
    assert.equal(
      refused('/track', 'id=vgen_mine123&label=x&id=vgen_other'),
      'This VEO link names 2 tasks and a label, but a label names one task (and cannot contain "&"). Nothing was tracked.',
    );
    // label=R%26D arrives as label=R&D
    assert.equal(
      refused('/track', 'id=vgen_mine123&label=R&D'),
      'This VEO link has a part VEO Tasks does not know ("D"): a link takes only id and label, and a label cannot contain "&". Nothing was tracked.',
    );
    assert.match(refused('/track', 'id=vgen_mine123&label=a&label=b'), /has 2 labels; a link takes at most one/);
    assert.match(refused('/track', 'id=vgen_mine123&utm_source=mail'), /a part VEO Tasks does not know \("utm_source=mail"\)/);
    assert.match(refused('/track', 'ID=vgen_mine123'), /does not know \("ID=vgen_mine123"\)/, 'names are exact');
    assert.match(refused('/track', 'id'), /does not know \("id"\)/);
    assert.match(refused('/track', 'id=vgen_mine123&x=[a](command:veo.clearApiKey)'), /does not know \("x=\[a\] \(command:veo\.clearApiKey\)"\)/, 'quoted as plain text');
  });

  it('refuses other paths, no id, too many ids, and ids a user could not type', () => {
    assert.match(refused('/delete', 'id=a1b2c3'), /asks for "delete", which VEO Tasks does not do/);
    assert.match(refused('/', 'id=a1b2c3'), /does not do/);
    assert.match(refused('/track', ''), /names no task/);
    assert.match(refused('/track', 'id='), /names no task/);
    assert.match(refused('/track', 'label=x'), /names no task/);
    const many = Array.from({ length: MAX_LINK_IDS + 1 }, (_, i) => `id=t${i}`).join('&');
    assert.match(refused('/track', many), /names 21 tasks; one link may name at most 20/);
    assert.match(refused('/track', 'id=..'), /only of dots/);
    assert.match(refused('/track', 'id=a\u0000b'), /control characters/);
    assert.match(refused('/track', 'id=ab\u202ecd'), /invisible characters/);
    assert.match(refused('/track', `id=${'a'.repeat(300)}`), /longer than 256/);
    assert.match(refused('/track', 'id=vgen_ab cd'), /spaces or invisible characters \("vgen_abcd" has U\+0020 at position 8\)/);
    assert.match(refused('/track', 'id=vgen\u3164abc'), /U\+3164 at position 5/);
    assert.match(refused('/track', 'id=\uff56gen_abc'), /look-alike/);
    assert.match(refused('/track', 'id=$(zap)'), /icon or a link/);
  });

  it('says what was asked for as plain text, never as a link or an icon', () => {
    const link = parseTrackLink('/[x](command:veo.clearApiKey)$(zap)', '');
    assert.equal(link.ok, false);
    assert.ok(!link.ok && !link.message.includes('](') && !link.message.includes('$('), !link.ok ? link.message : '');
  });
});

describe('listedIds (the ids a link asks to track, in its question)', () => {
  it('lists every id one a line up to the cap, then says how many more', () => {
    assert.deepEqual(listedIds(['vgen_a1b2c3']), ['vgen_a1b2c3']);
    const ten = Array.from({ length: MAX_LISTED_IDS }, (_, i) => `vgen_t${i}`);
    assert.deepEqual(listedIds(ten), ten, 'exactly the cap: all of them');
    const twenty = Array.from({ length: 20 }, (_, i) => `vgen_t${i}`);
    assert.deepEqual(listedIds(twenty), [...twenty.slice(0, MAX_LISTED_IDS - 1), '…and 11 more.']);
    assert.equal(listedIds(twenty).length, MAX_LISTED_IDS);
  });
});

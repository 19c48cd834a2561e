import * as assert from 'node:assert/strict';
import { MAX_LINK_IDS, parseTrackLink } from '../../../src/links/trackLink';

describe('parseTrackLink (vscode://veo-tools.veo-tasks/track?...)', () => {
  it('reads one id and its label, or several ids', () => {
    assert.deepEqual(parseTrackLink('/track', 'id=vgen_abc123def456&label=Sunset%20over%20the%20sea'), { ok: true, ids: ['vgen_abc123def456'], label: 'Sunset over the sea' });
    assert.deepEqual(parseTrackLink('/track/', 'id=vgen_a1b2c3&id=vgen_d4e5f6&id=vgen_a1b2c3'), { ok: true, ids: ['vgen_a1b2c3', 'vgen_d4e5f6'] }, 'each once');
    assert.deepEqual(parseTrackLink('track', 'id=%20vgen_abc123def456%20'), { ok: true, ids: ['vgen_abc123def456'] }, 'trimmed');
  });

  it('keeps a label only for a single id, cleaned of control and bidi characters and capped', () => {
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&id=d4e5f6&label=both'), { ok: true, ids: ['a1b2c3', 'd4e5f6'] });
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&label=%E2%80%AEevil%0Aline'), { ok: true, ids: ['a1b2c3'], label: 'evil line' });
    const long = parseTrackLink('/track', `id=a1b2c3&label=${'x'.repeat(500)}`);
    assert.ok(long.ok && long.label?.length === 120);
    assert.deepEqual(parseTrackLink('/track', 'id=a1b2c3&label=%20%20'), { ok: true, ids: ['a1b2c3'] }, 'a blank label is none');
  });

  it('refuses other paths, no id, too many ids, and ids a user could not type', () => {
    const refused = (path: string, query: string) => {
      const link = parseTrackLink(path, query);
      assert.equal(link.ok, false, `${path}?${query}`);
      return link.ok ? '' : link.message;
    };
    assert.match(refused('/delete', 'id=a1b2c3'), /asks for "delete", which VEO Tasks does not do/);
    assert.match(refused('/', 'id=a1b2c3'), /does not do/);
    assert.match(refused('/track', ''), /names no task/);
    assert.match(refused('/track', 'id='), /names no task/);
    assert.match(refused('/track', 'label=x'), /names no task/);
    const many = Array.from({ length: MAX_LINK_IDS + 1 }, (_, i) => `id=t${i}`).join('&');
    assert.match(refused('/track', many), /names 21 tasks; one link may name at most 20/);
    assert.match(refused('/track', 'id=..'), /only of dots/);
    assert.match(refused('/track', 'id=a%00b'), /control characters/);
    assert.match(refused('/track', 'id=ab%E2%80%AEcd'), /text-direction/);
    assert.match(refused('/track', `id=${'a'.repeat(300)}`), /longer than 256/);
  });

  it('says what was asked for as plain text, never as a link or an icon', () => {
    const link = parseTrackLink('/[x](command:veo.clearApiKey)$(zap)', '');
    assert.equal(link.ok, false);
    assert.ok(!link.ok && !link.message.includes('](') && !link.message.includes('$('), !link.ok ? link.message : '');
  });
});

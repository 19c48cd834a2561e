import * as assert from 'node:assert/strict';
import { MAX_LINK_IDS, parseTrackLink } from '../../../src/links/trackLink';

const ID = 'vgen_abc123def456';

describe('parseTrackLink edges (mutation survivors)', () => {
  it('strips every leading and trailing slash of the path, and only those', () => {
    assert.deepEqual(parseTrackLink('//track', `id=${ID}`), { ok: true, ids: [ID] });
    assert.deepEqual(parseTrackLink('track//', `id=${ID}`), { ok: true, ids: [ID] });
    const inner = parseTrackLink('/tr/ack', `id=${ID}`);
    assert.equal(inner.ok, false);
    assert.match(inner.ok ? '' : inner.message, /asks for "tr\/ack"/);
  });

  it('refuses a label part without "=" as an unknown part', () => {
    const r = parseTrackLink('/track', `id=${ID}&label`);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /has a part VEO Tasks does not know \("label"\)/);
  });

  it('refuses a part without "=" whose name only starts with id or label (a whole part is the key)', () => {
    for (const part of ['idx', 'labels']) {
      const r = parseTrackLink('/track', `id=${ID}&${part}`);
      assert.equal(r.ok, false, part);
      assert.match(r.ok ? '' : r.message, new RegExp(`has a part VEO Tasks does not know \\("${part}"\\)`), part);
    }
  });

  it('says an empty id is empty when another id is given, not that the link names no task', () => {
    const r = parseTrackLink('/track', `id=&id=${ID}`);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /cannot be empty/);
  });

  it(`accepts exactly ${MAX_LINK_IDS} ids`, () => {
    const ids = Array.from({ length: MAX_LINK_IDS }, (_, i) => `vgen_abc${String(i).padStart(3, '0')}`);
    assert.deepEqual(parseTrackLink('/track', ids.map((id) => `id=${id}`).join('&')), { ok: true, ids });
  });
});

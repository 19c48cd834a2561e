// parseCreateAnswer / serverMessage edges: 3xx and 5xx with an id, text that only contains '<', null error fields.
import * as assert from 'node:assert/strict';
import { parseCreateAnswer, serverMessage } from '../../../src/api/createAnswer';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('parseCreateAnswer: edges', () => {
  it('a 300 or a 500 carrying an id is still an unsure error, not a created task', () => {
    for (const status of [300, 302, 500]) {
      const o = parseCreateAnswer(status, JSON.stringify({ id: 'vgen_x' }), undefined, NOW);
      assert.equal(o.kind, 'error', String(status));
      assert.ok(o.kind === 'error' && o.unsure === true);
      assert.match(o.kind === 'error' ? o.message : '', new RegExp(`HTTP ${status}`));
    }
  });

  it('a status below 200 carrying an id is an unsure error, not a created task (undici never hands one over as final; the classifier does not rely on that)', () => {
    for (const status of [100, 199]) {
      assert.deepEqual(parseCreateAnswer(status, JSON.stringify({ id: 'vgen_x' }), undefined, NOW), { kind: 'error', message: `HTTP ${status} from the VEO API`, unsure: true });
    }
  });

  it('a 299 carrying an id is a created task', () => {
    assert.deepEqual(parseCreateAnswer(299, JSON.stringify({ id: 'vgen_x' }), undefined, NOW), { kind: 'created', id: 'vgen_x' });
  });

  it('text that has a "<" later on is "not JSON", not "a web page"', () => {
    assert.deepEqual(parseCreateAnswer(200, 'oops <b>', undefined, NOW), { kind: 'error', message: 'the answer is not JSON', unsure: true });
  });
});

describe('serverMessage: null fields', () => {
  it('skips an "error" that is null and reads the next field', () => {
    assert.equal(serverMessage({ error: null, detail: 'bad prompt' }), 'bad prompt');
  });

  it('is undefined for null', () => {
    assert.equal(serverMessage(null), undefined);
  });
});

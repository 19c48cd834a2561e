// isQueryOutcome: what a `query` callback resolved with is trusted only in the documented shape.
import * as assert from 'node:assert/strict';
import { isQueryOutcome } from '../../../src/api/queryOutcome';

describe('isQueryOutcome', () => {
  it('accepts every kind in its shape', () => {
    for (const o of [
      { kind: 'ok', result: { status: 'processing' } },
      { kind: 'ok', result: { status: '' } },
      { kind: 'unauthorized', status: 401 },
      { kind: 'notFound' },
      { kind: 'rateLimited' },
      { kind: 'error', message: 'x' },
    ]) {
      assert.equal(isQueryOutcome(o), true, JSON.stringify(o));
    }
  });

  it('refuses what is no object, an unknown or missing kind, and an ok without a result status', () => {
    for (const o of [
      undefined,
      null,
      'ok',
      42,
      () => ({ kind: 'ok' }),
      {},
      { kind: 7 },
      { kind: 'OK', result: { status: 'completed' } },
      { kind: 'toString' },
      { kind: 'ok' },
      { kind: 'ok', result: null },
      { kind: 'ok', result: 'completed' },
      { kind: 'ok', result: {} },
      { kind: 'ok', result: { status: 3 } },
    ]) {
      assert.equal(isQueryOutcome(o), false, String(JSON.stringify(o)));
    }
  });
});

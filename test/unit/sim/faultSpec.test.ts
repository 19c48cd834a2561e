/**
 * Shorthands and validation of the hardening faults (pure, no sockets).
 */
import * as assert from 'node:assert/strict';
import { defaultServerFor, type Fault, FaultSyntaxError, parseFaultSpec, validateFault } from '../../../sim/faults';
import { formatRedirectSpec } from '../../../sim/faultSpec';

describe('sim hardening fault specs', () => {
  it('parses redirect shorthands', () => {
    assert.deepEqual(parseFaultSpec('redirect:3'), [{ kind: 'redirect', hops: 3 }]);
    assert.deepEqual(parseFaultSpec('redirect:2:http://example.invalid/v.mp4'), [
      { kind: 'redirect', hops: 2, to: 'http://example.invalid/v.mp4' },
    ]);
    assert.deepEqual(parseFaultSpec('redirect:1:ftp://x/y'), [{ kind: 'redirect', hops: 1, to: 'ftp://x/y' }]);
    assert.deepEqual(parseFaultSpec('redirect:2:307'), [{ kind: 'redirect', hops: 2, code: 307 }]);
    assert.deepEqual(parseFaultSpec('redirect:2:301:http://127.0.0.1:9/x?a=b'), [
      { kind: 'redirect', hops: 2, code: 301, to: 'http://127.0.0.1:9/x?a=b' },
    ]);
    assert.deepEqual(parseFaultSpec('redirect:4:relative'), [{ kind: 'redirect', hops: 4, relative: true }]);
  });

  it('parses endless, oversized, lengthMismatch and <code>:<body>', () => {
    assert.deepEqual(parseFaultSpec('endless'), [{ kind: 'endless' }]);
    assert.deepEqual(parseFaultSpec('endless:3221225472'), [{ kind: 'endless', contentLength: 3221225472 }]);
    assert.deepEqual(parseFaultSpec('oversized:video_url:100000'), [{ kind: 'oversized', field: 'video_url', bytes: 100000 }]);
    assert.deepEqual(parseFaultSpec('oversized:status:4096'), [{ kind: 'oversized', field: 'status', bytes: 4096 }]);
    assert.deepEqual(parseFaultSpec('lengthMismatch:10'), [{ kind: 'lengthMismatch', declared: 10 }]);
    assert.deepEqual(parseFaultSpec('404:html'), [{ kind: 'status', code: 404, body: 'html' }]);
    assert.deepEqual(parseFaultSpec('503:empty:30'), [{ kind: 'status', code: 503, body: 'empty', retryAfter: '30' }]);
    assert.deepEqual(parseFaultSpec('403:xml'), [{ kind: 'status', code: 403, body: 'xml' }]);
  });

  it('keeps odd Retry-After values verbatim', () => {
    for (const value of ['0', '99999999999', '-5', 'abc', 'Wed, 21 Oct 2015 07:28:00 GMT', 'htmlish']) {
      assert.deepEqual(parseFaultSpec(`429:${value}`), [{ kind: 'status', code: 429, retryAfter: value }]);
    }
    assert.deepEqual(validateFault({ kind: 'status', code: 429, retryAfter: 0 }), { kind: 'status', code: 429, retryAfter: '0' });
  });

  it('rejects bad arguments with messages that say what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['redirect', /redirect needs a hop count/],
      ['redirect:0', /redirect hops must be an integer >= 1/],
      ['redirect:two', /redirect hops must be an integer >= 1/],
      ['redirect:2:305', /redirect code must be one of 301, 302, 303, 307, 308/],
      ['redirect:2:elsewhere', /redirect target must be an absolute URL or "relative"/],
      ['{"kind":"redirect","hops":1,"to":"http://x/\\r\\nset-cookie: a=b"}', /redirect to must be a non-empty string without control characters/],
      ['{"kind":"redirect","hops":1,"relative":"yes"}', /redirect relative must be true or false/],
      ['endless:-1', /endless contentLength must be an integer >= 0/],
      ['endless:1e30', /endless contentLength must be an integer >= 0/],
      ['oversized:status', /oversized needs oversized:<field>:<bytes>/],
      ['oversized:colour:5', /oversized field must be one of/],
      ['oversized:error:lots', /oversized bytes must be an integer >= 0/],
      ['oversized:video_url:10', /oversized bytes must be an integer >= 32/],
      ['lengthMismatch', /lengthMismatch declared must be an integer >= 0/],
    ];
    for (const [spec, message] of cases) {
      assert.throws(() => parseFaultSpec(spec), (err: Error) => err instanceof FaultSyntaxError && message.test(err.message), spec);
    }
  });

  it('hits the video host by default for redirect, endless and lengthMismatch', () => {
    const servers = (['redirect:1', 'endless', 'lengthMismatch:1', 'stopEarly:1', 'oversized:id:9', '404:html'] as const).map((s) =>
      defaultServerFor(parseFaultSpec(s)[0]),
    );
    assert.deepEqual(servers, ['video', 'video', 'video', 'video', 'api', 'api']);
  });

  it('formats redirect specs that parse back to the same fault', () => {
    const faults: Extract<Fault, { kind: 'redirect' }>[] = [
      { kind: 'redirect', hops: 3 },
      { kind: 'redirect', hops: 2, code: 307, to: 'ftp://x/y' },
      { kind: 'redirect', hops: 2, relative: true },
      { kind: 'redirect', hops: 2, relative: true, to: 'http://example.invalid/' },
      { kind: 'redirect', hops: 1, to: '/not/absolute' },
    ];
    for (const f of faults) assert.deepEqual(parseFaultSpec(formatRedirectSpec(f)), [f]);
  });
});

// Bugs found while testing creation (issue #12), fixed; these tests keep them fixed.
import * as assert from 'node:assert/strict';
import { parseCreateAnswer } from '../../../src/api/createAnswer';
import { resultStatus } from '../../../src/create/formMessages';

describe('what the form says after a create request (fixed bugs)', () => {
  const NOW = new Date(2025, 9, 28, 10, 0, 50).getTime();

  // src/api/createAnswer.ts:28 classes an unfollowed 3xx as `unsure: false`, and
  // src/create/formMessages.ts:75 then claims the request never left. A 303 after a POST is
  // the classic "created, see other": the task may well exist, and generating again makes a second one.
  it('a redirect answer to the POST is never "Nothing was sent"', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const s = resultStatus(parseCreateAnswer(status, '', undefined, NOW), NOW);
      assert.ok(s && !/Nothing was sent/.test(s.message), `HTTP ${status}: ${s?.message}`);
    }
  });

  // src/create/formMessages.ts:69: the server's reason is joined to the next sentence without a
  // stop when it has none ("...does not support 4K Nothing was created; ...").
  it("a refusal's reason without a full stop still ends its sentence", () => {
    const s = resultStatus({ kind: 'refused', status: 400, message: 'veo_3_1_pro_stable does not support 4K' }, NOW);
    assert.match(s!.message, /does not support 4K[.:;]? Nothing was created/);
    assert.ok(!/4K Nothing/.test(s!.message), s!.message);
  });

  // src/create/formMessages.ts:65 and :80 (clock): minutes are cut, not rounded up. At 10:00:50 with
  // Retry-After: 30 the form says "after 10:01", but until 10:01:20 the server still refuses.
  it('"Try again after HH:MM" is never earlier than the moment the server allows', () => {
    const s = resultStatus({ kind: 'rateLimited', retryAfterMs: 30_000 }, NOW);
    assert.match(s!.message, /Try again after 10:02\./);
  });
});

import * as assert from 'node:assert/strict';
import { MEDIA_ERR_SRC_NOT_SUPPORTED, playbackError, previewModel, refusedText } from '../../../src/preview/previewModel';

describe('playbackError for a link the policy refuses', () => {
  it('says the link is not https and offers no way to open it', () => {
    const now = Date.now();
    const task = {
      id: 'vgen_r',
      addedAt: now,
      completedAt: now,
      result: { id: 'vgen_r', status: 'completed', video_url: 'https://v.example/a.mp4', error: null },
    };
    const model = previewModel('vgen_r', task, now, false);
    const error = playbackError(model, 'refused', MEDIA_ERR_SRC_NOT_SUPPORTED);
    assert.equal(error.kind, 'refused');
    assert.equal(error.message, refusedText());
    assert.deepEqual(error.actions, []);
  });
});

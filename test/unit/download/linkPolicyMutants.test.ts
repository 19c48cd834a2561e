import * as assert from 'node:assert/strict';
import { linkRefusal } from '../../../src/download/linkPolicy';

describe('linkRefusal edges (mutation survivors)', () => {
  it('refuses a link that carries only a password, no user name', () => {
    assert.equal(linkRefusal('https://:secret@example.com/v.mp4'), 'the video link carries a user name or password');
    assert.equal(linkRefusal('https://:secret@example.com/v.mp4', false), 'the video link carries a user name or password');
  });
});

import * as assert from 'node:assert/strict';
import { apiIsLocal, parseSettings } from '../../../src/config/settings';

const read = (values: Record<string, unknown>) => parseSettings((key) => values[key]);

describe('parseSettings switches and apiIsLocal (mutation survivors)', () => {
  it('turns autoDownload on only for true, read from its own key', () => {
    assert.equal(read({ autoDownload: true }).autoDownload, true);
    assert.equal(read({ autoDownload: false }).autoDownload, false);
    assert.equal(read({ '': true }).autoDownload, false);
  });

  it('asks before generating unless confirmBeforeGenerate is false, read from its own key', () => {
    assert.equal(read({}).confirmBeforeGenerate, true);
    assert.equal(read({ confirmBeforeGenerate: true }).confirmBeforeGenerate, true);
    assert.equal(read({ confirmBeforeGenerate: 'no' }).confirmBeforeGenerate, true);
    assert.equal(read({ confirmBeforeGenerate: false }).confirmBeforeGenerate, false);
    assert.equal(read({ '': false }).confirmBeforeGenerate, true);
  });

  it('apiIsLocal is true only for a valid base URL on loopback', () => {
    assert.equal(apiIsLocal(read({ baseUrl: 'http://127.0.0.1:8080/v1' })), true);
    assert.equal(apiIsLocal(read({ baseUrl: 'http://localhost:8080' })), true);
    assert.equal(apiIsLocal(read({ baseUrl: 'https://api.example.com/v1' })), false);
    assert.equal(apiIsLocal(read({})), false);
    assert.equal(apiIsLocal(read({ baseUrl: 'not a url' })), false);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { VeoSimulator } from '../../sim/simulator';
import { useSimulator, waitFor } from './helpers';
import { captureNotifications, rendersLink } from './notificationsCapture';

const LINK = 'Blocked. [Retry](command:workbench.action.closeWindow "Retry")';

describe('Text from the network never becomes a link or command', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;
  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));

  it('a failed task whose error is a command link shows it as plain text', async () => {
    assert.ok(rendersLink(LINK), 'the detector sees the raw link');
    const t = sim.addTask({ queuedMs: 1_000, processingMs: 0, outcome: 'failed', error: LINK });
    const capture = captureNotifications();
    try {
      await vscode.commands.executeCommand('veo.trackTask', t.id);
      await waitFor('seen queued', () => api.store.get(t.id)?.result?.status === 'queued');
      sim.advance(2_000);
      await vscode.commands.executeCommand('veo.refresh');
      await waitFor('failure notification', () => capture.shown.some((s) => s.kind === 'error'));
    } finally {
      capture.restore();
    }
    const failure = capture.shown.find((s) => s.kind === 'error')!;
    assert.match(failure.message, /failed/);
    assert.match(failure.message, /Retry/, 'the reason is still readable');
    assert.equal(rendersLink(failure.message), false, failure.message);
    assert.deepEqual(failure.actions, ['Show']);
  });

  it('a label with link syntax stays plain in every notification it reaches', async () => {
    const t = sim.addTask({ queuedMs: 0, processingMs: 0 });
    sim.advance(1);
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('completed', () => api.store.get(t.id)?.result?.status === 'completed');
    api.store.update(t.id, { label: '[Install](command:workbench.extensions.installExtension?%22evil.ext%22)', linkExpired: true });
    const capture = captureNotifications();
    try {
      await vscode.commands.executeCommand('veo.downloadVideo', t.id);
    } finally {
      capture.restore();
    }
    assert.ok(capture.shown.length > 0, 'the refusal was shown');
    for (const s of capture.shown) assert.equal(rendersLink(s.message), false, s.message);
  });

  it('forgets the rows of removed tasks', async () => {
    const ids = [sim.addTask().id, sim.addTask().id];
    await vscode.commands.executeCommand('veo.trackTask', ids.join(' '));
    for (const id of api.rows()) api.tree.getTreeItem(id);
    const before = api.rememberedRows();
    assert.ok(before >= 2);
    await vscode.commands.executeCommand('veo.removeTask', ids[0], ids);
    assert.equal(api.rememberedRows(), before - 2);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { VeoSimulator } from '../../sim/simulator';
import { apiRequestsFor, lastSeq, reactivate, requestsSince, trackFinishedTask, useSimulator, waitFor } from './helpers';

describe('Tracking tasks in VS Code', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;

  const rows = () => api.rows();
  const item = (id: string) => api.tree.getTreeItem(id);
  const icon = (id: string) => item(id).iconPath as vscode.ThemeIcon;
  const requestsFor = (id: string) => apiRequestsFor(sim, id).length;
  const waitForIcon = (id: string, iconId: string) => waitFor(`${id} shows ${iconId} (has ${icon(id).id})`, () => icon(id).id === iconId);

  const POLLER_SLOT_MS = 250 + 150;
  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));

  /**
   * After a stretch in which nothing may be sent (no key, a refused key). Every task is paused
   * then, so none can be the positive control in the same round. Instead: one poller slot
   * passes (the poller starts requests at least 250 ms apart, so what a faulty poller would
   * send in this state is due by then; see `maxSpacingMs` in src/polling/poller.ts), then the
   * right key is set and `id`'s resumed request awaited: the positive control that requests
   * do reach the log. It must be the only request since `since`, and carry the key.
   */
  async function setKeyAndExpectOnlyTheResumedRequest(id: string, since: number): Promise<void> {
    const from = Date.now();
    await waitFor('one poller slot', () => Date.now() > from + POLLER_SLOT_MS);
    const before = requestsFor(id);
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    await waitFor(`${id} polled again once the key is set`, () => requestsFor(id) > before);
    const sent = requestsSince(sim, since);
    assert.deepEqual(sent.map((r) => r.taskId), [id], 'nothing was sent before the key was set');
    assert.equal(sent[0].headers.authorization, `Bearer ${sim.apiKey}`);
  }

  it('registers every command it contributes', async () => {
    const all = await vscode.commands.getCommands(true);
    const contributed: Array<{ command: string }> = vscode.extensions.getExtension('veo-tools.veo-tasks')!.packageJSON.contributes.commands;
    assert.ok(contributed.length >= 16, `${contributed.length} commands`);
    for (const { command } of contributed) assert.ok(all.includes(command), command);
  });

  it('shows no rows and polls nothing without a key, and polls once a key is set', async () => {
    const since = lastSeq(sim);
    await vscode.commands.executeCommand('veo.clearApiKey');
    const t = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    assert.deepEqual(rows(), []);
    await vscode.commands.executeCommand('veo.refresh');
    await setKeyAndExpectOnlyTheResumedRequest(t.id, since);
    assert.deepEqual(rows(), [t.id]);
  });

  it('refuses an empty key and keeps the previous one', async () => {
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    assert.equal(await vscode.commands.executeCommand('veo.setApiKey', '   '), false);
    assert.equal(await api.secrets.get('veo.apiKey'), sim.apiKey);
  });

  it('stores the key (trimmed) in SecretStorage only', async () => {
    await vscode.commands.executeCommand('veo.setApiKey', `  ${sim.apiKey}\n`);
    assert.equal(await api.secrets.get('veo.apiKey'), sim.apiKey);
    assert.equal(api.apiKey(), sim.apiKey);
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('veo'));
    assert.ok(!settingsText.includes(sim.apiKey), 'key is not in settings');
    const state = JSON.stringify(api.globalState.keys().map((k) => api.globalState.get(k)));
    assert.ok(!state.includes(sim.apiKey), 'key is not in globalState');
  });

  it('tracks pasted ids and shows each of the four states with its icon, and stops polling finished ones', async () => {
    const ok = sim.addTask({ queuedMs: 10_000, processingMs: 60_000 });
    const bad = sim.addTask({ queuedMs: 10_000, processingMs: 60_000, outcome: 'failed', error: 'Content policy violation' });
    const odd = sim.addTask({ status: 'exploded' });
    const result = await vscode.commands.executeCommand<{ added: string[] }>('veo.trackTask', `${ok.id}, ${bad.id}\n${odd.id} ${ok.id}`);
    assert.deepEqual(result.added, [ok.id, bad.id, odd.id]);
    assert.deepEqual(rows(), [ok.id, bad.id, odd.id]);
    await waitForIcon(ok.id, 'clock');
    await waitForIcon(bad.id, 'clock');
    await waitForIcon(odd.id, 'question');
    assert.equal(item(ok.id).contextValue, 'veoTask queued');
    assert.equal(requestsFor(ok.id), 1, 'a new task is polled at once, once');

    sim.advance(20_000);
    await vscode.commands.executeCommand('veo.refresh');
    await waitForIcon(ok.id, 'sync~spin');
    assert.equal(item(ok.id).contextValue, 'veoTask processing');
    assert.match(String(item(ok.id).description), /^processing · \d+s$/);

    sim.advance(60_000);
    await vscode.commands.executeCommand('veo.refresh');
    await waitForIcon(ok.id, 'pass');
    await waitForIcon(bad.id, 'error');
    assert.equal((icon(ok.id).color as unknown as { id: string }).id, 'testing.iconPassed');
    assert.equal((icon(bad.id).color as unknown as { id: string }).id, 'testing.iconFailed');
    assert.equal(item(ok.id).contextValue, 'veoTask completed previewable downloadable hasLink');
    assert.equal(item(bad.id).contextValue, 'veoTask failed');
    assert.match(String(item(ok.id).description), /8s video · link expires in 23h 59m/);
    assert.match(String(item(bad.id).description), /Content policy violation/);
    assert.equal(api.badge()?.value, 1, 'only the unknown-status task still runs');
    await waitFor('notified flags', () => api.store.get(ok.id)?.notified === true && api.store.get(bad.id)?.notified === true);

    // The unknown-status task is still polled; it was tracked after the finished ones, so it
    // comes last in a round: once its request arrived, theirs would have too.
    const before = [requestsFor(ok.id), requestsFor(bad.id)];
    const oddBefore = requestsFor(odd.id);
    await vscode.commands.executeCommand('veo.refresh');
    await waitFor('the running task polled again', () => requestsFor(odd.id) === oddBefore + 1);
    assert.deepEqual([requestsFor(ok.id), requestsFor(bad.id)], before, 'finished tasks are not polled');
  });

  it('escapes network values in the tooltip', async () => {
    const t = sim.addTask({ queuedMs: 0, processingMs: 0, outcome: 'failed', error: '<img src=x onerror=alert(1)> **bold**' });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitForIcon(t.id, 'error');
    assert.equal(item(t.id).tooltip, undefined, 'built on hover, not with every row');
    const tooltip = (api.row(t.id).tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('- error: &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\*'), tooltip);
    assert.ok(!tooltip.includes('<img'), tooltip);
  });

  it('keeps asking after one 404, and Refresh asks a not-found task again', async () => {
    const id = 'vgen_not_created_yet';
    await vscode.commands.executeCommand('veo.trackTask', id);
    await waitForIcon(id, 'warning');
    assert.match(String(item(id).description), /not found \(404\), asking again in \d+ (s|min)/);
    assert.equal(api.store.get(id)?.notFound, undefined, 'one 404 is not final');
    assert.equal(api.badge()?.value !== undefined, true, 'it still counts as running');

    // As after three 404s over ten minutes, and a window reload: nothing polls it any more.
    api.store.update(id, { notFound: true, notFoundStreak: undefined, problem: undefined });
    api = await reactivate(world);
    await waitForIcon(id, 'circle-slash');
    assert.equal(item(id).contextValue, 'veoTask notFound');
    const before = requestsFor(id);

    sim.addTask({ id, queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.refresh');
    await waitForIcon(id, 'clock');
    assert.equal(requestsFor(id), before + 1, 'Refresh asked it once more');
    assert.equal(api.store.get(id)?.notFound, undefined);
    await vscode.commands.executeCommand('veo.removeTask', id);
  });

  it('keeps tracked tasks (status, label) across a re-activation, and polls the unfinished one again', async () => {
    const done = await trackFinishedTask(world);
    const running = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', running.id);
    await waitForIcon(running.id, 'clock');
    await vscode.commands.executeCommand('veo.renameTask', done, 'my clip');
    const polled = requestsFor(running.id);
    const finishedPolls = requestsFor(done);

    api = await reactivate(world);
    assert.deepEqual(rows(), [done, running.id]);
    assert.equal(api.store.get(done)?.result?.status, 'completed');
    assert.equal(item(done).label, 'my clip');
    await waitFor('the unfinished task is polled after activation', () => requestsFor(running.id) === polled + 1);
    assert.equal(requestsFor(done), finishedPolls, 'the finished one is not');
  });

  it('stops polling a task when it is removed', async () => {
    // Tracked first, so in a round it would be asked before the control.
    const removed = sim.addTask({ queuedMs: 1e9 });
    const control = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', removed.id);
    await vscode.commands.executeCommand('veo.trackTask', control.id);
    await waitFor('first polls', () => requestsFor(removed.id) === 1 && requestsFor(control.id) === 1);
    // Answers applied (Refresh leaves a request still in flight alone).
    await waitForIcon(removed.id, 'clock');
    await waitForIcon(control.id, 'clock');
    await vscode.commands.executeCommand('veo.removeTask', removed.id, [removed.id]);
    assert.deepEqual(rows(), [control.id]);
    await vscode.commands.executeCommand('veo.refresh');
    await waitFor('the control task polled again', () => requestsFor(control.id) === 2);
    assert.equal(requestsFor(removed.id), 1, 'the removed task was not');
  });

  it('stops polling when the key is cleared, and shows the welcome view', async () => {
    const t = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('first poll', () => requestsFor(t.id) === 1);
    const since = lastSeq(sim);
    await vscode.commands.executeCommand('veo.clearApiKey');
    assert.equal(await api.secrets.get('veo.apiKey'), undefined);
    assert.equal(api.apiKey(), undefined);
    assert.deepEqual(rows(), [], 'no rows: the welcome view shows');
    await vscode.commands.executeCommand('veo.refresh');
    await setKeyAndExpectOnlyTheResumedRequest(t.id, since);
  });

  it('pauses polling when the API refuses the key, until a key is set', async () => {
    const t = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('first poll', () => requestsFor(t.id) === 1);
    await vscode.commands.executeCommand('veo.setApiKey', 'not-the-key');
    await waitFor('tree message', () => /refused the API key/.test(api.viewMessage() ?? ''));
    assert.equal(apiRequestsFor(sim, t.id).at(-1)?.status, 401);
    const since = lastSeq(sim);
    await vscode.commands.executeCommand('veo.refresh');
    await setKeyAndExpectOnlyTheResumedRequest(t.id, since);
    await waitFor('message cleared', () => api.viewMessage() === undefined);
    assert.ok(sim.requests.every((r) => r.server === 'api' || r.headers.authorization === undefined), 'no key reached the video host');
  });

  it('clears finished tasks (completed, failed, not found) and keeps running ones', async () => {
    const completed = await trackFinishedTask(world);
    const failed = await trackFinishedTask(world, { outcome: 'failed' });
    const running = sim.addTask({ queuedMs: 1e9 });
    const gone = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', `${running.id} ${gone.id}`);
    await waitForIcon(gone.id, 'clock');
    api.store.update(gone.id, { notFound: true });
    const removed = await vscode.commands.executeCommand<string[]>('veo.clearFinished');
    assert.deepEqual([...removed].sort(), [completed, failed, gone.id].sort());
    assert.deepEqual(rows(), [running.id]);
  });
});

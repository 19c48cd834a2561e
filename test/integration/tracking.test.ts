import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { VeoSimulator } from '../../sim/simulator';
import { useSimulator, waitFor } from './helpers';

describe('Tracking tasks in VS Code', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;

  const rows = () => api.rows();
  const item = (id: string) => api.tree.getTreeItem(id);
  const icon = (id: string) => item(id).iconPath as vscode.ThemeIcon;
  const requestsFor = (id: string) => sim.requests.filter((r) => r.server === 'api' && r.path.endsWith(`/${encodeURIComponent(id)}`)).length;
  const waitForIcon = (id: string, iconId: string) => waitFor(`${id} shows ${iconId} (has ${icon(id).id})`, () => icon(id).id === iconId);

  const world = useSimulator({ withKey: false });
  before(() => ({ sim, api } = world));

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['veo.setApiKey', 'veo.clearApiKey', 'veo.trackTask', 'veo.removeTask', 'veo.clearFinished', 'veo.refresh', 'veo.copyTaskId', 'veo.renameTask']) {
      assert.ok(all.includes(c), c);
    }
  });

  it('shows no rows and polls nothing without a key', async () => {
    await vscode.commands.executeCommand('veo.clearApiKey');
    const t = sim.addTask();
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    assert.deepEqual(rows(), []);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sim.requests.length, 0);
    await vscode.commands.executeCommand('veo.removeTask', t.id);
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

  it('tracks pasted ids and shows each of the four states with its icon', async () => {
    sim.clearRequests();
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

    const before = requestsFor(ok.id);
    await vscode.commands.executeCommand('veo.refresh');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(requestsFor(ok.id), before, 'finished tasks are not polled');
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
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    await vscode.commands.executeCommand('veo.trackTask', id);
    await waitForIcon(id, 'warning');
    assert.match(String(item(id).description), /not found \(404\), asking again in \d+ (s|min)/);
    assert.equal(api.store.get(id)?.notFound, undefined, 'one 404 is not final');
    assert.equal(api.badge()?.value !== undefined, true, 'it still counts as running');

    // As after three 404s over ten minutes, and a window reload: nothing polls it any more.
    api.store.update(id, { notFound: true, notFoundStreak: undefined, problem: undefined });
    await api.disposeAll();
    api = world.api = await api.activateAgain();
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

  it('keeps tracked tasks across a re-activation', async () => {
    const ids = rows();
    await api.disposeAll();
    api = world.api = await api.activateAgain();
    assert.deepEqual(rows(), ids);
    assert.equal(api.store.get(ids[0])?.result?.status, 'completed');
  });

  it('stops polling when a task is removed', async () => {
    const t = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('first poll', () => requestsFor(t.id) === 1);
    await vscode.commands.executeCommand('veo.removeTask', t.id, [t.id]);
    assert.ok(!rows().includes(t.id));
    await vscode.commands.executeCommand('veo.refresh');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(requestsFor(t.id), 1);
  });

  it('stops polling when the key is cleared, and shows the welcome view', async () => {
    const t = sim.addTask({ queuedMs: 1e9 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('first poll', () => requestsFor(t.id) === 1);
    await vscode.commands.executeCommand('veo.clearApiKey');
    assert.equal(await api.secrets.get('veo.apiKey'), undefined);
    assert.deepEqual(rows(), []);
    await vscode.commands.executeCommand('veo.refresh');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(requestsFor(t.id), 1);
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    await waitFor('polling resumes', () => requestsFor(t.id) === 2);
  });

  it('pauses polling when the API refuses the key', async () => {
    await vscode.commands.executeCommand('veo.setApiKey', 'not-the-key');
    await waitFor('tree message', () => /refused the API key/.test(api.viewMessage() ?? ''));
    const count = sim.requests.length;
    await vscode.commands.executeCommand('veo.refresh');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sim.requests.length, count);
    assert.ok(sim.requests.every((r) => r.server === 'api' || r.headers.authorization === undefined), 'no key reached the video host');
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    await waitFor('message cleared', () => api.viewMessage() === undefined);
  });

  it('clears finished tasks and keeps running ones', async () => {
    const removed = await vscode.commands.executeCommand<string[]>('veo.clearFinished');
    assert.ok(removed.length >= 3);
    for (const id of rows()) assert.ok(!removed.includes(id));
  });
});

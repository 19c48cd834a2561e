import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { VeoSimulator } from '../../sim/simulator';
import type { TaskSpec } from '../../sim/tasks';
import { trackFinishedTask, useSimulator, waitFor } from './helpers';

const DEFAULT = { groupBy: 'none', sortBy: 'tracked' };

/** Find and organise (issue #13): grouping, filters, sorting, Go to Task and pins, through the commands and the tree VS Code sees. */
describe('Organise the Tasks view', function () {
  this.timeout(60_000);
  let sim: VeoSimulator;
  let api: TestApi;
  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));
  const reset = async () => {
    await vscode.commands.executeCommand('veo.groupBy', 'none');
    await vscode.commands.executeCommand('veo.sortBy', 'tracked');
    await vscode.commands.executeCommand('veo.clearFilter');
  };
  beforeEach(reset);
  after(reset);

  const startOfToday = () => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };

  async function trackRunning(spec: TaskSpec = {}): Promise<string> {
    const t = sim.addTask({ queuedMs: 1e12, ...spec });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor(`${t.id} queued`, () => api.store.get(t.id)?.result?.status === 'queued');
    return t.id;
  }

  /** Four tasks: completed today (fast), failed yesterday (pro), queued today (pro), completed 30 days ago (fast). */
  async function fourTasks() {
    // The simulator's clock moves only when told: "today" is just before its now.
    const today = Math.floor(sim.now() / 1000) - 2;
    const done = await trackFinishedTask(world, { created: today, model: 'veo_3_1_fast' });
    const failed = await trackFinishedTask(world, { outcome: 'failed', error: 'Content POLICY violation', created: (startOfToday() - 12 * 3_600_000) / 1000, model: 'veo_3_1_pro' });
    const running = await trackRunning({ created: today + 1, model: 'veo_3_1_pro' });
    assert.ok(today * 1000 >= startOfToday(), 'the simulator started today');
    const old = await trackFinishedTask(world, { created: (Date.now() - 30 * 86_400_000) / 1000, model: 'veo_3_1_fast' });
    return { done, failed, running, old };
  }

  it('Organise: Group By status, day, model and none: group rows with counts, stable ids, remembered; the badge still counts all running tasks', async () => {
    const { done, failed, running, old } = await fourTasks();
    assert.deepEqual(api.shape(), [done, failed, running, old]);

    await vscode.commands.executeCommand('veo.groupBy', 'status');
    assert.deepEqual(api.shape(), [`Queued (1): ${running}`, `Completed (2): ${done}, ${old}`, `Failed (1): ${failed}`]);
    const completedGroup = api.rows()[1];
    const item = api.tree.getTreeItem(completedGroup);
    assert.equal(item.id, completedGroup);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(item.contextValue, 'veoGroup');
    assert.deepEqual(api.storedViewOptions(), { ...DEFAULT, groupBy: 'status' }, 'remembered in workspaceState');

    // The same group keeps its id when what it holds changes (VS Code keeps its collapse state by id).
    await vscode.commands.executeCommand('veo.removeTask', old);
    assert.equal(api.rows()[1], completedGroup);
    assert.deepEqual(api.shape(), [`Queued (1): ${running}`, `Completed (1): ${done}`, `Failed (1): ${failed}`]);

    await vscode.commands.executeCommand('veo.groupBy', 'day');
    assert.deepEqual(api.shape(), [`Today (2): ${done}, ${running}`, `Yesterday (1): ${failed}`]);
    await vscode.commands.executeCommand('veo.groupBy', 'model');
    assert.deepEqual(api.shape(), [`veo_3_1_fast (1): ${done}`, `veo_3_1_pro (2): ${failed}, ${running}`]);
    assert.equal(api.badge()?.value, 1, 'the badge counts the running task');

    await vscode.commands.executeCommand('veo.groupBy', 'none');
    assert.deepEqual(api.shape(), [done, failed, running]);
  });

  it('Organise: Filter by Status and by Text narrow the rows, say so above them, and Clear Filter shows all again', async () => {
    const { done, failed, running, old } = await fourTasks();
    await vscode.commands.executeCommand('veo.filterByStatus', ['completed', 'failed']);
    assert.deepEqual(api.shape(), [done, failed, old]);
    assert.equal(api.viewMessage(), 'Filtered: Completed, Failed — 3 of 4 tasks');
    assert.equal(api.badge()?.value, 1, 'the hidden running task still counts');

    await vscode.commands.executeCommand('veo.filterByText', 'policy');
    assert.deepEqual(api.shape(), [failed], 'the error text');
    assert.equal(api.viewMessage(), 'Filtered: Completed, Failed · "policy" — 1 of 4 tasks');

    await vscode.commands.executeCommand('veo.filterByStatus', []);
    await vscode.commands.executeCommand('veo.filterByText', running.slice(-6).toUpperCase());
    assert.deepEqual(api.shape(), [running], 'the id, case-insensitively');
    await vscode.commands.executeCommand('veo.renameTask', done, 'Sunset [x](command:veo.clearApiKey)');
    await vscode.commands.executeCommand('veo.filterByText', 'sunset [x](command:');
    assert.deepEqual(api.shape(), [done], 'the label');
    assert.equal(api.viewMessage(), 'Filtered: "sunset [x](command:" — 1 of 4 tasks', 'plain text (TreeView.message renders no markup)');

    await vscode.commands.executeCommand('veo.groupBy', 'status');
    await vscode.commands.executeCommand('veo.filterByText', 'veo_3_1_fast');
    assert.deepEqual(api.shape(), [`Completed (2): ${done}, ${old}`], 'the model; no empty groups');

    await vscode.commands.executeCommand('veo.clearFilter');
    assert.equal(api.viewMessage(), undefined);
    assert.equal(api.shape().length, 3);
    assert.deepEqual(api.storedViewOptions(), { ...DEFAULT, groupBy: 'status' });
  });

  it('Organise: a task that changes state moves to its new group and out of a status filter', async () => {
    const t = sim.addTask({ queuedMs: 60_000, processingMs: 0 });
    await vscode.commands.executeCommand('veo.trackTask', t.id);
    await waitFor('queued', () => api.store.get(t.id)?.result?.status === 'queued');
    await vscode.commands.executeCommand('veo.groupBy', 'status');
    await vscode.commands.executeCommand('veo.filterByStatus', ['queued']);
    assert.deepEqual(api.shape(), [`Queued (1): ${t.id}`]);
    const fired: Array<string | undefined> = [];
    const listener = api.tree.onDidChangeTreeData((e) => fired.push(e as string | undefined));
    try {
      sim.advance(61_000);
      await vscode.commands.executeCommand('veo.refresh');
      await waitFor('completed', () => api.store.get(t.id)?.result?.status === 'completed');
    } finally {
      listener.dispose();
    }
    assert.ok(fired.includes(undefined), 'the whole tree is asked again');
    assert.deepEqual(api.shape(), []);
    assert.equal(api.viewMessage(), 'Filtered: Queued — 0 of 1 task');
  });

  it('Organise: Sort By name, created and last change; pinned tasks first', async () => {
    const { done, failed, running, old } = await fourTasks();
    await vscode.commands.executeCommand('veo.renameTask', old, 'a clip');
    await vscode.commands.executeCommand('veo.renameTask', failed, 'B clip');
    await vscode.commands.executeCommand('veo.sortBy', 'name');
    // Names compare as the view does: any case, digit runs as numbers.
    const [x, y] = [done, running].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare);
    assert.deepEqual(api.shape(), [old, failed, x, y]);
    await vscode.commands.executeCommand('veo.sortBy', 'created');
    assert.deepEqual(api.shape(), [running, done, failed, old], 'newest first');

    await vscode.commands.executeCommand('veo.pinTask', old, [old, failed]);
    assert.equal(api.store.get(old)?.pinned, true, 'stored on the task');
    assert.deepEqual(api.shape(), [failed, old, running, done]);
    assert.match(api.row(old).contextValue ?? '', /\bpinned\b/);
    await vscode.commands.executeCommand('veo.unpinTask', failed);
    assert.deepEqual(api.shape(), [old, running, done, failed]);
    assert.equal(api.store.get(failed)?.pinned, undefined);
    assert.doesNotMatch(api.row(failed).contextValue ?? '', /\bpinned\b/);
  });

  it('Organise: Go to Task reveals and selects a row inside its group; a row the filter hides clears the filter first', async () => {
    const { done, failed, running } = await fourTasks();
    await vscode.commands.executeCommand('veo.groupBy', 'status');
    await vscode.commands.executeCommand('veo.goToTask', failed);
    await waitFor(`${failed} selected (selection: ${api.selection()})`, () => api.selection().join() === failed);
    assert.equal(api.tree.getTreeItem(api.rows().at(-1)!).label, 'Failed');

    await vscode.commands.executeCommand('veo.filterByStatus', ['completed']);
    await vscode.commands.executeCommand('veo.goToTask', running);
    await waitFor(`${running} selected (selection: ${api.selection()})`, () => api.selection().join() === running);
    assert.equal(api.viewMessage(), undefined, 'the filter was cleared');
    assert.equal(api.viewOptions().groupBy, 'status', 'the grouping stays');

    await vscode.commands.executeCommand('veo.goToTask', 'vgen_not_tracked');
    assert.deepEqual(api.selection(), [running], 'an untracked id changes nothing');
    assert.ok(done);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportReport } from '../../src/commands/importTasks';
import type { DownloadOutcome } from '../../src/download/downloadManager';
import type { TestApi } from '../../src/testApi';
import { trackFinishedTask, useSimulator } from './helpers';
import { captureNotifications } from './notificationsCapture';
import { stubOpenDialog, stubSaveDialog, stubWarning } from './stubs';

/** Bulk actions, export and import (issue #13), through the commands with their effect checked. */
describe('Bulk actions, export and import', function () {
  this.timeout(60_000);
  let api: TestApi;
  let dir: string;
  const world = useSimulator({ withKey: true });
  before(() => ({ api } = world));
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-bulk-'))));
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('veo.groupBy', 'none');
  });

  /** Two completed tasks and a failed one, grouped by status; returns the Completed group row. */
  async function grouped() {
    const a = await trackFinishedTask(world);
    const b = await trackFinishedTask(world);
    const failed = await trackFinishedTask(world, { outcome: 'failed', error: 'policy' });
    await vscode.commands.executeCommand('veo.groupBy', 'status');
    const completed = api.rows().find((r) => api.tree.getTreeItem(r).label === 'Completed');
    assert.ok(completed, JSON.stringify(api.shape()));
    assert.equal(api.tree.getTreeItem(completed).contextValue, 'veoGroup');
    return { a, b, failed, completed };
  }

  it('Bulk: a group row copies its task ids and downloads its completed tasks into one folder', async () => {
    const { a, b, completed } = await grouped();
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('veo.copyGroupTaskIds', completed, [completed]);
    assert.deepEqual((await vscode.env.clipboard.readText()).split('\n').sort(), [a, b].sort());

    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadGroupCompleted', completed, [completed], { folder: dir });
    assert.deepEqual(outcomes.map((o) => o.id).sort(), [a, b].sort());
    assert.deepEqual(fs.readdirSync(dir).sort(), [`${a}.mp4`, `${b}.mp4`].sort());
    for (const id of [a, b]) assert.equal(api.store.get(id)?.localFile, path.join(dir, `${id}.mp4`));

    const capture = captureNotifications();
    try {
      assert.deepEqual(await vscode.commands.executeCommand('veo.downloadGroupCompleted', completed, [completed], { folder: dir }), []);
    } finally {
      capture.restore();
    }
    assert.match(capture.shown[0]?.message ?? '', /already downloaded/);
  });

  it('Bulk: Remove Tasks on a group row asks (naming the count) and removes only when confirmed', async () => {
    const { a, b, failed, completed } = await grouped();
    const cancel = stubWarning(undefined);
    try {
      await vscode.commands.executeCommand('veo.removeGroupTasks', completed, [completed]);
    } finally {
      cancel.restore();
    }
    assert.match(cancel.asked[0].message, /Remove 2 tasks/);
    assert.equal((cancel.asked[0].options as { modal?: boolean }).modal, true);
    assert.equal(api.store.size, 3, 'cancelled: nothing removed');

    const confirm = stubWarning('Remove');
    try {
      const removed = await vscode.commands.executeCommand<string[]>('veo.removeGroupTasks', completed, [completed]);
      assert.deepEqual(removed.sort(), [a, b].sort());
    } finally {
      confirm.restore();
    }
    assert.deepEqual(api.store.all().map((t) => t.id), [failed]);
  });

  it('Bulk: per-task actions take the multi-selection, and only the clicked row when it is outside the selection', async () => {
    const { a, b, failed } = await grouped();
    await vscode.commands.executeCommand('veo.pinTask', a, [a, b]);
    assert.deepEqual([a, b, failed].map((id) => api.store.get(id)?.pinned === true), [true, true, false]);
    await vscode.commands.executeCommand('veo.unpinTask', failed, [a, b]);
    assert.deepEqual([a, b].map((id) => api.store.get(id)?.pinned === true), [true, true], 'the clicked row only');
    await vscode.commands.executeCommand('veo.unpinTask', a, [a, b]);
    assert.deepEqual([a, b].map((id) => api.store.get(id)?.pinned === true), [false, false]);

    await vscode.commands.executeCommand('veo.copyTaskId', a, [a, b, 'veo-group:nothing']);
    assert.deepEqual((await vscode.env.clipboard.readText()).split('\n'), [a, b]);
    await vscode.commands.executeCommand('veo.copyVideoUrl', a, [a, b, failed]);
    assert.equal((await vscode.env.clipboard.readText()).split('\n').length, 2, 'one link per completed task');

    const outcomes = await vscode.commands.executeCommand<DownloadOutcome[]>('veo.downloadVideo', a, [a, b], { folder: dir });
    assert.deepEqual(outcomes.map((o) => o.id).sort(), [a, b].sort());
    await vscode.commands.executeCommand('veo.removeTask', failed, [a, b]);
    assert.deepEqual(api.store.all().map((t) => t.id).sort(), [a, b].sort(), 'the clicked row outside the selection only');
    await vscode.commands.executeCommand('veo.removeTask', a, [a, b]);
    assert.equal(api.store.size, 0);
  });

  it('Export: selected tasks to JSON, all to CSV (formula cells neutralised), through the save dialog', async () => {
    const { a, b, failed, completed } = await grouped();
    api.store.update(a, { label: '=HYPERLINK("http://x")' });
    const json = path.join(dir, 'some.json');
    const save = stubSaveDialog(json);
    try {
      const r = await vscode.commands.executeCommand<{ count: number; format: string }>('veo.exportTasks', a, [a, failed]);
      assert.deepEqual({ count: r.count, format: r.format }, { count: 2, format: 'json' });
    } finally {
      save.restore();
    }
    const exported = JSON.parse(fs.readFileSync(json, 'utf8'));
    assert.equal(exported.format, 'veo-tasks-export');
    assert.deepEqual(exported.tasks.map((t: { id: string }) => t.id), [a, failed]);

    const fromGroup = stubSaveDialog(json);
    try {
      await vscode.commands.executeCommand('veo.exportTasks', completed, [completed]);
    } finally {
      fromGroup.restore();
    }
    assert.deepEqual(JSON.parse(fs.readFileSync(json, 'utf8')).tasks.map((t: { id: string }) => t.id).sort(), [a, b].sort(), 'a group row: its tasks');

    const csv = path.join(dir, 'all.csv');
    const all = stubSaveDialog(csv);
    try {
      await vscode.commands.executeCommand('veo.exportTasks');
    } finally {
      all.restore();
    }
    assert.match(all.asked[0].title ?? '', /Export 3 tasks/);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    assert.match(lines[0], /^id,name,status/);
    assert.equal(lines.length, 5, 'header, three rows, final line break');
    assert.ok(lines.some((l) => l.startsWith(`${a},"'=HYPERLINK(""http://x"")",completed`)), lines.join('\n'));

    const cancelled = stubSaveDialog(undefined);
    try {
      assert.equal(await vscode.commands.executeCommand('veo.exportTasks'), undefined);
    } finally {
      cancelled.restore();
    }
  });

  it('Import: merges a JSON export (added / already there / refused), never duplicating; refuses a file over 20 MB', async () => {
    const { a } = await grouped();
    api.store.update(a, { label: 'mine' });
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        tasks: [
          { id: a, label: 'theirs', pinned: true },
          { id: 'task_imported_1', addedAt: 5, label: 'New', __proto__: { polluted: 1 } },
          { id: 'task_imported_1', label: 'again' },
          { id: 42 },
          'junk',
        ],
      }),
    );
    const open = stubOpenDialog(file);
    const capture = captureNotifications();
    let report: ImportReport | undefined;
    try {
      report = await vscode.commands.executeCommand<ImportReport>('veo.importTasks');
    } finally {
      capture.restore();
      open.restore();
    }
    assert.deepEqual(report, { added: 1, existing: 1, updated: 1, refused: 3 });
    assert.match(capture.shown.find((s) => s.kind === 'info')?.message ?? '', /1 added, 1 already tracked.*3 refused/);
    assert.equal(api.store.size, 4);
    assert.equal(api.store.get(a)?.label, 'mine', 'a tracked task keeps what it has');
    assert.equal(api.store.get(a)?.pinned, true, 'and takes what it lacked');
    assert.equal(api.store.get('task_imported_1')?.label, 'New');

    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 32));
    const openBig = stubOpenDialog(big);
    const bigCapture = captureNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('veo.importTasks'), undefined);
    } finally {
      bigCapture.restore();
      openBig.restore();
    }
    assert.match(bigCapture.shown[0]?.message ?? '', /Nothing was imported.*larger than 20 MB/);
    assert.equal(api.store.size, 4);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { trackFinishedTask, useSimulator } from './helpers';

/** Issue #13: rows whose link expires soon stand out; downloaded ones are marked (FileDecorationProvider). */
describe('Row decorations in VS Code', function () {
  this.timeout(60_000);
  const world = useSimulator({ withKey: true });
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-deco-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a link about to expire gets an hourglass in the warning colour; a downloaded task a check mark; a fresh one nothing', async () => {
    const api = world.api;
    const fresh = await trackFinishedTask(world);
    const expiring = await trackFinishedTask(world);
    const downloaded = await trackFinishedTask(world);
    const uri = api.tree.getTreeItem(fresh).resourceUri;
    assert.equal(uri?.scheme, 'veo-task', 'its own scheme: no file, no git decoration');
    assert.equal(api.decoration(fresh), undefined);

    const file = path.join(dir, `${downloaded}.mp4`);
    await vscode.commands.executeCommand('veo.downloadVideo', downloaded, [downloaded], { file });
    api.store.update(expiring, { completedAt: Date.now() - 22 * 3_600_000, expiryWarned: true });
    // Read once: two reads can straddle a minute and differ ("2h 00m", then "1h 59m").
    const warned = api.decoration(expiring);
    assert.deepEqual(warned, { badge: '⏳', tooltip: warned?.tooltip, color: 'list.warningForeground' });
    assert.match(warned?.tooltip ?? '', /^The link expires in about (1h 59m|2h 00m) and the video is not downloaded$/);
    assert.deepEqual(api.decoration(downloaded), { badge: '✓', tooltip: 'Downloaded', color: undefined });
  });
});

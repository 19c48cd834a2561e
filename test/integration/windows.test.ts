import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apiRequestsFor, forgetAllTasks, useSimulator, waitFor } from './helpers';
import { CallOptions, forgetAllTasksIn, openSecondWindow, SecondWindow, taskIn, waitForRowsIn } from './windows';

/**
 * The harness for tests with two windows (issue #17): a second workbench page on the same
 * code-server, so a second extension host with its own activation of the extension, driven
 * from here. These tests rely on nothing the windows share but user settings.
 */
describe('A second VS Code window (two-window harness)', function () {
  this.timeout(120_000);
  const world = useSimulator({ withKey: true });

  /** Opens a window for a suite, with this window's simulator key; forgets its tasks after each test. */
  function useSecondWindow(): { window: SecondWindow } {
    const holder = {} as { window: SecondWindow };
    before(async function () {
      this.timeout(200_000);
      holder.window = await openSecondWindow();
      const { id, openMs, info } = holder.window;
      console.log(`      (window ${id} opened in ${openMs} ms: VS Code ${info.version}, extension host pid ${info.pid})`);
    });
    beforeEach(async () => {
      if (holder.window.closed) return;
      // SecretStorage is per page in code-server: the key set in this window does not reach it.
      await holder.window.command('veo.setApiKey', world.sim.apiKey);
      await forgetAllTasksIn(holder.window);
    });
    afterEach(async () => {
      if (!holder.window.closed) await holder.window.stopCapturingNotifications();
    });
    after(async () => {
      const w = holder.window;
      if (!w) return;
      if (!w.closed) {
        await forgetAllTasksIn(w);
        await w.command('veo.clearApiKey');
        await w.close();
      } else {
        // A crashed page's extension host would run for hours: no tasks, then end it.
        await forgetAllTasksIn(w, { timeoutMs: 5_000 }).catch(() => undefined);
        await w.endExtensionHost();
      }
    });
    return holder;
  }

  /** Whether `call` answers within `timeoutMs`, and how fast. */
  async function probe(call: (within: CallOptions) => Promise<unknown>, timeoutMs: number): Promise<{ answered: boolean; ms: number; error?: string }> {
    const started = Date.now();
    try {
      await call({ timeoutMs });
      return { answered: true, ms: Date.now() - started };
    } catch (e) {
      return { answered: false, ms: Date.now() - started, error: (e as Error).message };
    }
  }

  /** A message shown there answers once `notifications.clearAll` closes it (positive control). */
  async function messageCloses(w: SecondWindow, within: CallOptions): Promise<unknown> {
    const clear = async () => {
      await new Promise((r) => setTimeout(r, 300));
      await w.commandWithin(within, 'notifications.clearAll');
    };
    const [shown] = await Promise.all([w.showMessage('veo two-window harness: closed at once', within), clear()]);
    return shown;
  }

  /** Calls that need the window's workbench (its page). */
  const workbenchCalls: Array<[string, (w: SecondWindow, within: CallOptions) => Promise<unknown>]> = [
    ['setContext', (w, within) => w.commandWithin(within, 'setContext', 'veoTest.secondWindow', true)],
    ['showInformationMessage', messageCloses],
    ['globalState.update', (w, within) => w.apiWithin(within, 'globalState.update', 'veoTest.secondWindow', Date.now())],
  ];

  describe('while its page is open', () => {
    const second = useSecondWindow();

    it('runs in an extension host of its own in the same VS Code, and runs commands and test API calls there', async () => {
      const w = second.window;
      assert.equal(w.info.version, vscode.version);
      assert.notEqual(w.info.pid, process.pid, 'another extension host');
      assert.equal(await w.api('apiKey'), world.sim.apiKey, 'veo.setApiKey ran there');
      assert.deepEqual(await w.api('rows'), []);
      await assert.rejects(w.api('noSuchFunction'), /window \d+: api noSuchFunction: the test API has no noSuchFunction/);
      await assert.rejects(w.command('veo.noSuchCommand'), /window \d+: command veo\.noSuchCommand: .*not found/);
      for (const [name, call] of workbenchCalls) {
        const r = await probe((within) => call(w, within), 10_000);
        assert.ok(r.answered, `${name} answers while the page is open: ${r.error}`);
      }
    });

    it('tracks a task there, in its own tree, and records the notifications it shows', async () => {
      const w = second.window;
      await w.captureNotifications();
      const t = world.sim.addTask({ queuedMs: 1e9 });
      const result = await w.command<{ added: string[] }>('veo.trackTask', t.id);
      assert.deepEqual(result.added, [t.id], "the command's result came back");
      await waitForRowsIn(w, [t.id]);
      assert.equal((await taskIn(w, t.id))?.id, t.id);
      await w.command('veo.trackTask', t.id);
      assert.deepEqual(
        (await w.notifications()).map((s) => [s.kind, s.message]),
        [['warning', `Already tracked: ${t.id}.`]],
      );
    });

    it('shows the tasks tracked in either window (the task store on disk both share)', async () => {
      const w = second.window;
      const mine = world.sim.addTask({ queuedMs: 1e9 });
      await vscode.commands.executeCommand('veo.trackTask', mine.id);
      await waitForRowsIn(w, [mine.id]);
      const theirs = world.sim.addTask({ queuedMs: 1e9 });
      await w.command('veo.trackTask', theirs.id);
      await waitFor(`window 1 shows ${theirs.id}`, () => world.api.rows().includes(theirs.id));
      assert.deepEqual([...world.api.rows()].sort(), [mine.id, theirs.id].sort());
      await forgetAllTasks(world.api);
      await waitForRowsIn(w, []);
    });

    it('closes as a user closes the tab: code-server ends its extension host at once', async () => {
      const w = second.window;
      await forgetAllTasksIn(w);
      await w.command('veo.clearApiKey');
      const closed = await w.close();
      console.log(`      (page closed in ${closed.closeMs} ms; its extension host ended ${closed.extensionHostEndedMs} ms later)`);
      assert.ok(w.closed);
      assert.notEqual(closed.extensionHostEndedMs, null, 'its extension host ended');
      await assert.rejects(w.currentInfo({ timeoutMs: 3_000 }), /did not answer "info" within 3000 ms/);
    });
  });

  describe('once its page crashed (as a killed tab or a lost connection look to code-server)', () => {
    const second = useSecondWindow();

    it('its extension host lives on and runs extension code, while calls that need its workbench never answer', async () => {
      const w = second.window;
      const t = world.sim.addTask({ queuedMs: 1e9 });
      await w.command('veo.trackTask', t.id);
      await waitForRowsIn(w, [t.id]);

      const crashed = await w.close({ how: 'crash' });
      assert.equal(crashed.extensionHostEndedMs, null, 'its extension host still runs 5 s after the crash');
      const info = await w.currentInfo();
      assert.equal(info.pid, w.info.pid, 'the same extension host answers');
      assert.deepEqual(await w.api('rows'), [t.id]);
      const before = apiRequestsFor(world.sim, t.id).length;
      const refresh = await probe((within) => w.commandWithin(within, 'veo.refresh'), 5_000);

      const PROBE_MS = 5_000;
      const hung = await Promise.all(workbenchCalls.map(async ([name, call]) => ({ name, ...(await probe((within) => call(w, within), PROBE_MS)) })));
      console.log(
        `      (crashed in ${crashed.closeMs} ms; then veo.refresh ${refresh.answered ? `answered in ${refresh.ms} ms` : 'did not answer'} and ` +
          `${apiRequestsFor(world.sim, t.id).length - before} request(s) for its task reached the simulator; ` +
          hung.map((h) => `${h.name} ${h.answered ? `answered in ${h.ms} ms` : `no answer in ${PROBE_MS} ms`}`).join(', ') +
          ')',
      );
      assert.ok(refresh.answered, `an extension command runs there: ${refresh.error}`);
      for (const h of hung) assert.ok(!h.answered, `${h.name} answered ${h.ms} ms after the crash`);
    });
  });
});

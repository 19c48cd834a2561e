import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { VeoSimulator } from '../../sim/simulator';
import { reactivateWithSerializer, revivePanel, setSetting, useSimulator, waitFor, WEBVIEW_PAGE_MS } from './helpers';
import { captureNotifications, rendersLink } from './notificationsCapture';

describe('Creating videos in VS Code', function () {
  this.timeout(90_000);
  let sim: VeoSimulator;
  let api: TestApi;
  const world = useSimulator({ withKey: true });
  before(async () => {
    ({ sim, api } = world);
    await setSetting('confirmBeforeGenerate', false);
  });
  after(async () => {
    await setSetting('confirmBeforeGenerate', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const posts = () => sim.requests.filter((r) => r.server === 'api' && r.method === 'POST');
  const generate = async (values: Record<string, unknown>) => {
    api.createForm.show();
    // The page reports its own fields once loaded (and the checks answer them): let that
    // happen first, so it cannot overwrite what this request's checks say.
    await waitFor('the form page reports', () => api.createForm.reportedValues() !== undefined, WEBVIEW_PAGE_MS);
    await api.createForm.receive({ type: 'generate', values });
  };

  it('sends the form as the documented POST body, tracks the new task with what was asked, and selects its row', async () => {
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
    const before = posts().length;
    await generate({ prompt: 'A red fox\nin the snow', model: 'veo_3_1_pro', resolution: '1080p', aspectRatio: '9:16', mode: 'frames', firstFrame: 'https://img.example/a.png', lastFrame: 'https://img.example/b.png' });
    const status = api.createForm.status();
    assert.equal(status?.kind, 'created', JSON.stringify(status));
    const id = status!.taskId!;
    assert.equal(status!.message, `Now tracking ${id}.`);
    assert.equal(posts().length, before + 1, 'one click is one request');
    assert.deepEqual(JSON.parse(posts().at(-1)!.body!), {
      model: 'veo_3_1_pro',
      prompt: 'A red fox\nin the snow',
      resolution: '1080p',
      aspect_ratio: '9:16',
      first_image: 'https://img.example/a.png',
      last_image: 'https://img.example/b.png',
    });
    assert.equal(api.store.get(id)?.request?.prompt, 'A red fox\nin the snow');
    assert.equal(api.store.get(id)?.request?.mode, 'frames');
    await waitFor('row selected', () => api.selection().includes(id));
    await waitFor('polled', () => api.store.get(id)?.result?.status === 'queued');
    assert.match(api.tree.getTreeItem(id).contextValue ?? '', /\bhasRequest\b/);
    const tooltip = (api.row(id).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /- prompt: A red fox in the snow/);
  });

  it('explains invalid combinations and sends nothing', async () => {
    const before = posts().length;
    await generate({ prompt: 'x', model: 'veo_3_1_fast_stable', resolution: '4K', aspectRatio: '16:9', mode: 'reference', referenceImages: ['http://plain.example/a.png'] });
    assert.equal(api.createForm.status()?.kind, 'failed');
    const errors = api.createForm.errors();
    assert.match(errors.resolution ?? '', /at most 1080p/);
    assert.match(errors.mode ?? '', /first and a last frame/);
    assert.equal(posts().length, before, 'nothing was sent');
    await api.createForm.receive({ type: 'change', values: { prompt: '', model: 'veo_3_1_fast', mode: 'frames', lastFrame: 'https://img.example/b.png' } });
    assert.match(api.createForm.errors().prompt ?? '', /cannot be empty/);
    assert.match(api.createForm.errors().firstFrame ?? '', /needs a first frame/);
  });

  it('shows server refusals as plain text with the way out, and keeps nothing half done', async () => {
    const valid = { prompt: 'a cat', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' };
    sim.injectFault({ kind: 'status', code: 400, body: 'json' }, { times: 1 });
    await generate(valid);
    let status = api.createForm.status()!;
    assert.equal(status.kind, 'failed');
    assert.match(status.message, /refused the request \(HTTP 400\)/);

    sim.injectFault({ kind: 'status', code: 429, retryAfter: '120' }, { times: 1 });
    await generate(valid);
    status = api.createForm.status()!;
    assert.match(status.message, /rate limiting.*Try again after \d\d:\d\d/);

    sim.injectFault({ kind: 'status', code: 503, body: 'html' }, { times: 1 });
    await generate(valid);
    assert.match(api.createForm.status()!.message, /HTTP 503.*may have been created anyway/);

    const tracked = api.store.all().length;
    await vscode.commands.executeCommand('veo.setApiKey', 'wrong-key');
    const capture = captureNotifications();
    try {
      await generate(valid);
    } finally {
      capture.restore();
    }
    status = api.createForm.status()!;
    assert.match(status.message, /refused the API key \(HTTP 401\)/);
    assert.equal(status.action, 'setApiKey');
    assert.equal(api.store.all().length, tracked, 'no task was added by a refusal');
    for (const s of capture.shown) assert.equal(rendersLink(s.message), false, s.message);
    await vscode.commands.executeCommand('veo.setApiKey', sim.apiKey);
  });

  it('asks once per session before spending credits, unless the setting turns it off', async () => {
    await setSetting('confirmBeforeGenerate', true);
    const window = vscode.window as unknown as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = window.showWarningMessage;
    const asked: string[] = [];
    let answer: string | undefined;
    window.showWarningMessage = async (message: unknown) => {
      asked.push(String(message));
      return answer;
    };
    const valid = { prompt: 'a dog', model: 'veo_3_1_fast', mode: 'text' };
    try {
      const before = posts().length;
      answer = undefined;
      await generate(valid);
      assert.equal(asked.length, 1);
      assert.equal(posts().length, before, 'declined: nothing sent');
      answer = 'Generate';
      await generate(valid);
      assert.equal(api.createForm.status()?.kind, 'created');
      await generate(valid);
      assert.equal(asked.length, 2, 'not asked again in this session');
      assert.equal(posts().length, before + 2);
    } finally {
      window.showWarningMessage = original as typeof window.showWarningMessage;
      await setSetting('confirmBeforeGenerate', false);
    }
  });

  it('a prompt file gets a Generate lens per request, and the lens tracks the new task', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veo-prompts-')), 'shots.veo.json');
    fs.writeFileSync(file, JSON.stringify([{ model: 'veo_3_1_fast', prompt: 'sunrise' }, { model: 'veo_3_1_fast_stable', prompt: 'no frames' }], null, 2));
    const doc = await vscode.workspace.openTextDocument(file);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'veo.generateFromPromptFile' || /warning/.test(l.command?.title ?? ''));
    assert.equal(ours.length, 2);
    assert.match(ours[0].command!.title, /Generate video/);
    assert.match(ours[1].command!.title, /first and a last frame/, 'the broken request says why instead');
    const before = posts().length;
    const result = await vscode.commands.executeCommand<{ kind: string; id?: string }>(ours[0].command!.command, ...(ours[0].command!.arguments ?? []));
    assert.equal(result.kind, 'created');
    assert.equal(posts().length, before + 1);
    assert.equal(api.store.get(result.id!)?.request?.prompt, 'sunrise');
  });

  it('Duplicate and Retry open the form pre-filled with what was asked', async () => {
    await generate({ prompt: 'original', model: 'veo_3_1_pro_stable', resolution: '1080p', aspectRatio: '16:9', mode: 'reference', referenceImages: ['https://img.example/r.png'] });
    const id = api.createForm.status()!.taskId!;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('veo.duplicateAsNewVideo', id);
    assert.equal(api.createForm.isOpen(), true);
    assert.deepEqual(api.createForm.shownValues(), api.store.get(id)?.request);
    assert.equal(api.createForm.shownValues()?.prompt, 'original');
  });

  it('comes back after a reload with what the user had typed, one form at a time', async () => {
    const typed = { prompt: 'a heron at dawn, typed before the reload', model: 'veo_3_1_pro_stable', resolution: '1080p', aspectRatio: '9:16', mode: 'reference', referenceImages: ['https://img.example/r.png'] };
    const serializer = await reactivateWithSerializer(world, 'veo.newVideo');
    api = world.api;
    const restored = await revivePanel(serializer, 'veo.newVideo', { values: { ...typed, injected: '<b>x</b>' } });
    assert.equal(restored.disposed(), false);
    assert.equal(api.createForm.isOpen(), true, 'the restored panel is the form');
    // The real page (media/create.js) loads the restored fields and reports them back.
    await waitFor('the page reports the restored fields', () => api.createForm.reportedValues()?.prompt === typed.prompt, WEBVIEW_PAGE_MS);
    assert.deepEqual(api.createForm.reportedValues(), { ...typed, firstFrame: '', lastFrame: '' });
    assert.deepEqual(api.createForm.errors(), {}, 'a valid request');

    // Generate works from the restored form.
    await api.createForm.receive({ type: 'generate', values: api.createForm.reportedValues() });
    assert.equal(api.createForm.status()?.kind, 'created', api.createForm.status()?.message);
    assert.equal(JSON.parse(posts().at(-1)!.body!).prompt, typed.prompt);

    // A second saved form (two were open before the reload) is closed: one form at a time.
    const second = await revivePanel(serializer, 'veo.newVideo', { values: { prompt: 'other' } });
    assert.equal(second.disposed(), true);
    // A state that is not a form's opens an empty form.
    restored.panel.dispose();
    for (const saved of [undefined, null, 'prompt', { values: 'prompt' }, { values: [1] }]) {
      const odd = await revivePanel(serializer, 'veo.newVideo', saved);
      await waitFor(`the page reports empty fields for ${JSON.stringify(saved)}`, () => api.createForm.reportedValues()?.prompt === '', WEBVIEW_PAGE_MS);
      odd.panel.dispose();
      await waitFor('closed', () => !api.createForm.isOpen());
    }
  });
});

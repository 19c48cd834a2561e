import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { RecordedRequest, TaskSpec, VeoSimulator } from '../../sim/simulator';

export const EXTENSION_ID = 'veo-tools.veo-tasks';

/** The test API of the extension's latest activation (see `reactivate`). */
let latest: TestApi | undefined;

export async function extensionApi(): Promise<TestApi> {
  if (latest) return latest;
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  if (!api) throw new Error('the extension returned no test API (not in test mode?)');
  await api.store.ready;
  return api;
}

/**
 * How long a webview page may take to load and report: beyond 30 s. In VS Code in a browser,
 * each webview page installs its own service worker, which takes over only once the previous
 * one has finished its fetches; a fetch whose webview was closed meanwhile (a page still
 * loading its script or a video) ends only at that worker's 30 s timeout (`resolveTimeout` in
 * webview/browser/pre/service-worker.js), and until then a new page stays blank. Seen in about
 * 1 run in 3 of the preview suite on VS Code 1.100.3 while the wait was 30 s.
 */
export const WEBVIEW_PAGE_MS = 45_000;

/** Waits for `condition` to hold, checking every 50 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('veo').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Forgets every tracked task, so each suite starts from an empty tree. */
export async function forgetAllTasks(api: TestApi): Promise<void> {
  await api.store.ready;
  api.store.remove(api.store.all().map((t) => t.id));
  await api.store.flush();
}

export interface SuiteWorld {
  sim: VeoSimulator;
  api: TestApi;
}

const SETTINGS_TESTS_CHANGE = ['baseUrl', 'pollIntervalSeconds', 'autoDownload', 'downloadDirectory'];

/**
 * Mocha hooks every suite shares: a simulator, the extension pointed at it (polling every
 * 600 s, so tests poll with "VEO: Refresh"); before each test an empty tree, no armed
 * faults, and the key set (or cleared), so every test runs the same alone or in order;
 * all undone afterwards. Read `sim` and `api` from the returned object inside tests.
 */
export function useSimulator(options: { withKey: boolean }): SuiteWorld {
  const world = {} as SuiteWorld;
  before(async () => {
    world.sim = await VeoSimulator.start();
    world.api = await extensionApi();
    await forgetAllTasks(world.api);
    await setSetting('baseUrl', world.sim.apiBaseUrl);
    await setSetting('pollIntervalSeconds', 600);
  });
  beforeEach(async () => {
    world.sim.clearFaults();
    await forgetAllTasks(world.api);
    if (options.withKey) await vscode.commands.executeCommand('veo.setApiKey', world.sim.apiKey);
    else await vscode.commands.executeCommand('veo.clearApiKey');
  });
  after(async () => {
    await vscode.commands.executeCommand('veo.clearApiKey');
    for (const key of SETTINGS_TESTS_CHANGE) await setSetting(key, undefined);
    await forgetAllTasks(world.api);
    await world.sim.close();
  });
  return world;
}

/**
 * As a window reload does: disposes everything the extension registered and activates it
 * again with the same state. Later suites get the new activation's API from `extensionApi`.
 */
export async function reactivate(world: SuiteWorld, whileClosed?: () => Promise<void>): Promise<TestApi> {
  await world.api.disposeAll();
  await whileClosed?.();
  latest = world.api = await world.api.activateAgain();
  // The tasks load from disk after activate() returned (store.ready).
  await world.api.store.ready;
  return world.api;
}

/**
 * A reload, as VS Code restores webviews after one: the extension activates again and
 * registers its serializer for `viewType`, which is returned (VS Code would then hand it each
 * panel of that type it restores, with the state the page saved).
 */
export async function reactivateWithSerializer(world: SuiteWorld, viewType: string): Promise<vscode.WebviewPanelSerializer> {
  const window = vscode.window as { registerWebviewPanelSerializer: typeof vscode.window.registerWebviewPanelSerializer };
  const original = window.registerWebviewPanelSerializer;
  const serializers: vscode.WebviewPanelSerializer[] = [];
  window.registerWebviewPanelSerializer = (type, serializer) => {
    if (type === viewType) serializers.push(serializer);
    return original(type, serializer);
  };
  try {
    await reactivate(world);
  } finally {
    window.registerWebviewPanelSerializer = original;
  }
  if (serializers.length !== 1) throw new Error(`${serializers.length} serializers for ${viewType} registered on activation, not 1`);
  return serializers[0];
}

/** A new panel of `viewType` handed to `serializer` with `saved` (as after a reload); says whether the extension closed it. */
export async function revivePanel(serializer: vscode.WebviewPanelSerializer, viewType: string, saved: unknown): Promise<{ panel: vscode.WebviewPanel; disposed(): boolean }> {
  const panel = vscode.window.createWebviewPanel(viewType, viewType, vscode.ViewColumn.Active, { enableScripts: true });
  let disposed = false;
  panel.onDidDispose(() => (disposed = true));
  await serializer.deserializeWebviewPanel(panel, saved);
  return { panel, disposed: () => disposed };
}

/** Tracks a simulator task that completes (or fails) at once and waits until the store says so. */
export async function trackFinishedTask(world: SuiteWorld, spec: TaskSpec = {}): Promise<string> {
  const t = world.sim.addTask({ queuedMs: 0, processingMs: 0, ...spec });
  world.sim.advance(1);
  await vscode.commands.executeCommand('veo.trackTask', t.id);
  const status = spec.outcome ?? 'completed';
  await waitFor(`${t.id} is ${status}`, () => world.api.store.get(t.id)?.result?.status === status);
  return t.id;
}

/** Requests the API server received about task `id`. */
export function apiRequestsFor(sim: VeoSimulator, id: string): RecordedRequest[] {
  return sim.requests.filter((r) => r.server === 'api' && r.taskId === id);
}

/** The sequence number of the last request either server received (0: none yet). */
export function lastSeq(sim: VeoSimulator): number {
  return sim.requests.at(-1)?.seq ?? 0;
}

/** Requests received after `seq` (see `lastSeq`). */
export function requestsSince(sim: VeoSimulator, seq: number): RecordedRequest[] {
  return sim.requests.filter((r) => r.seq > seq);
}

import { Browser, chromium, Page } from 'playwright-core';
import { chromiumPath, repoRoot } from './paths';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface WorkbenchUrlOptions {
  /** `127.0.0.1:PORT` of code-server. */
  host: string;
  /** Absolute folder to open as the workspace. */
  folder: string;
  /** Absolute path of the compiled tests module (`run()`), if running tests. */
  extensionTestsPath?: string;
  extensionDevelopmentPath?: string;
}

/** The workbench URL with the extension loaded in development mode (and tests, if given). */
export function workbenchUrl(options: WorkbenchUrlOptions): string {
  const remote = (p: string) => `vscode-remote://${options.host}${p}`;
  const payload: string[][] = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath ?? repoRoot)],
    ['skipWelcome', 'true'],
  ];
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  return `http://${options.host}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface AutomationHooks {
  onLog(type: string, args: unknown[]): void;
  onExit(code: number): void;
}

/** Exposes the hooks the web workbench calls while running extension tests. Call before navigating. */
export async function exposeAutomation(page: Page, hooks: AutomationHooks): Promise<void> {
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => hooks.onLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit(code));
}

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

export interface AutomationHooks {
  onLog(type: string, args: unknown[]): void;
  onExit(code: number): void;
}

/** Exposes the hooks the web workbench calls while running extension tests. Call before navigating. */
export async function exposeAutomation(page: Page, hooks: AutomationHooks): Promise<void> {
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => hooks.onLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit(code));
}

/**
 * Opens the workbench in `page` with the extension in development mode (and the tests module,
 * if given), on every VS Code host: they go into the workbench's construction options
 * (`developmentOptions.extensions` / `.extensionTestsPath`, as @vscode/test-web passes them),
 * written into the configuration element of the page before the workbench reads it. The URL
 * payload is not enough: a built VS Code 1.139 honors it only with the smoke-test driver on,
 * and that driver also hides every notification toast.
 */
export async function openWorkbench(page: Page, options: WorkbenchUrlOptions): Promise<void> {
  const remote = (p: string) => ({ scheme: 'vscode-remote', authority: options.host, path: p });
  const development = {
    extensions: [remote(options.extensionDevelopmentPath ?? repoRoot)],
    ...(options.extensionTestsPath ? { extensionTestsPath: remote(options.extensionTestsPath) } : {}),
  };
  // Runs before the page's scripts. The parser delivers mutation records before it runs each
  // later script, so the element holds the options before the workbench script reads it.
  await page.addInitScript((dev: Record<string, unknown>) => {
    const id = 'vscode-workbench-web-configuration';
    const observer = new MutationObserver(() => {
      const element = document.getElementById(id);
      const settings = element?.getAttribute('data-settings');
      if (!element || !settings) return;
      observer.disconnect();
      const config = JSON.parse(settings) as { developmentOptions?: Record<string, unknown> };
      config.developmentOptions = { ...config.developmentOptions, ...dev };
      element.setAttribute('data-settings', JSON.stringify(config));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, development);
  const origin = `http://${options.host}`;
  await page.goto(`${origin}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify([['skipWelcome', 'true']]))}`);
}

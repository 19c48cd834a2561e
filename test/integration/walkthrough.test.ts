import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}

/** The getting-started walkthrough: contributed, every step completed by something that exists, openable. */
describe('Getting started walkthrough', function () {
  this.timeout(60_000);
  const ext = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  const walkthrough = (): Walkthrough | undefined =>
    (ext().packageJSON.contributes.walkthroughs as Walkthrough[] | undefined)?.find((w) => w.id === 'veo.gettingStarted');
  /** package.nls.json's English text for a `%key%` placeholder (the manifest as read here may still hold it). */
  const english = (text: string): string => {
    const nls = JSON.parse(fs.readFileSync(path.join(ext().extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const m = /^%([\w.-]+)%$/.exec(text);
    return m ? nls[m[1]] ?? '' : text;
  };
  /** Context keys the manifest's `when` clauses use: the ones the extension sets. */
  const contextKeysUsed = (): Set<string> => {
    const found = new Set<string>();
    for (const m of JSON.stringify(ext().packageJSON.contributes).matchAll(/"when":\s*"([^"]*)"/g)) {
      for (const key of m[1].matchAll(/[\w.]+/g)) found.add(key[0]);
    }
    return found;
  };

  before(() => ext().activate());
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('is contributed with the four steps: API key, track or create, preview and download, settings', () => {
    const w = walkthrough();
    assert.ok(w, 'contributes.walkthroughs has no veo.gettingStarted');
    assert.deepEqual(
      w.steps.map((s) => s.id),
      ['veo.setApiKey', 'veo.trackTask', 'veo.previewDownload', 'veo.settings'],
    );
  });

  it("completes each step by a registered command, a contributed setting or the extension's context key", async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const contextKeys = contextKeysUsed();
    const broken: string[] = [];
    for (const step of walkthrough()!.steps) {
      assert.ok(step.completionEvents && step.completionEvents.length > 0, `${step.id} has no completion event`);
      for (const event of step.completionEvents) {
        const [kind, name] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        const ok =
          (kind === 'onCommand' && commands.has(name)) ||
          (kind === 'onSettingChanged' && vscode.workspace.getConfiguration().inspect(name)?.defaultValue !== undefined) ||
          (kind === 'onContext' && contextKeys.has(name));
        if (!ok) broken.push(`${step.id}: ${event}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it("offers each step's command as a button in its description", async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough()!.steps) {
      const text = english(step.description);
      const links = [...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id}: no command link in ${JSON.stringify(text)}`);
      for (const id of links) assert.ok(commands.has(id), `${step.id}: ${id} is not a registered command`);
      const completedBy = (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      assert.ok(
        links.some((id) => completedBy.includes(id)),
        `${step.id}: none of its buttons (${links.join(', ')}) completes it (${completedBy.join(', ')})`,
      );
    }
  });

  it('ships every step’s media, SVGs drawn in the theme’s colours only', () => {
    for (const step of walkthrough()!.steps) {
      const file = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(file, `${step.id} has no media`);
      const full = path.join(ext().extensionPath, file);
      assert.ok(fs.existsSync(full), `${file} is missing`);
      assert.ok(step.media.markdown || step.media.altText, `${step.id}: media without altText`);
      if (step.media.svg) {
        const svg = fs.readFileSync(full, 'utf8');
        assert.match(svg, /var\(--vscode-/, `${file} does not use the theme's colours`);
        // A colour outside var(...) would look wrong in one of the themes; fallbacks inside var() are fine.
        const outside = svg.replace(/var\([^)]*\)/g, '').match(/#[0-9a-f]{3,8}\b/gi) ?? [];
        assert.deepEqual(outside, [], `${file} has fixed colours`);
        assert.doesNotMatch(svg, /<script|on\w+=/i, `${file} holds script`);
      }
    }
  });
});

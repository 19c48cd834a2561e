import * as assert from 'node:assert/strict';
import { formContentSecurityPolicy, FormPage, FormSettings, renderFormHtml } from '../../../src/create/formHtml';
import { MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MODEL_INFO, modelSummary, MODELS } from '../../../src/request/createFields';

const CSP_SOURCE = 'https://*.vscode-cdn.net';
const NONCE = 'bm9uY2Urbm9uY2U/PQ==';
const HOSTILE = '"><script>alert(1)</script>';

function render(values: FormPage['values'] = {}, nonce = NONCE): string {
  return renderFormHtml({
    values,
    nonce,
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/create.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/create.css',
    codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
  });
}

function unescape(attr: string): string {
  return attr.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The raw (escaped) data-settings attribute; there must be exactly one. */
function rawSettings(html: string): string {
  const all = [...html.matchAll(/data-settings="([^"]*)"/g)];
  assert.equal(all.length, 1, 'exactly one data-settings attribute');
  return all[0][1];
}

function settingsOf(html: string): FormSettings {
  return JSON.parse(unescape(rawSettings(html))) as FormSettings;
}

/** Attributes of every tag named `tag`, as name -> value maps. */
function tags(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  );
}

describe('renderFormHtml', () => {
  describe('content security policy', () => {
    const html = render();
    const meta = tags(html, 'meta').find((m) => m['http-equiv'] === 'Content-Security-Policy');

    it('is in a meta tag: nothing by default, scripts only by nonce, styles and fonts from the webview only', () => {
      assert.ok(meta, 'a CSP meta tag');
      const csp = unescape(meta.content);
      assert.equal(csp, formContentSecurityPolicy(CSP_SOURCE, NONCE));
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('script-src'), [`'nonce-${NONCE}'`]);
      assert.deepEqual(directives.get('style-src'), [CSP_SOURCE]);
      assert.ok(!/unsafe-inline|unsafe-eval|\*\s*;|https:\s*;|data:/.test(csp), csp);
      // Nothing else may load: no img/media/connect/frame sources.
      assert.deepEqual([...directives.keys()].sort(), ['default-src', 'font-src', 'script-src', 'style-src']);
    });

    it('the only script is the page script, with the nonce; no inline handlers or inline script', () => {
      const scripts = tags(html, 'script');
      assert.equal(scripts.length, 1);
      assert.equal(scripts[0].nonce, NONCE);
      assert.match(scripts[0].src, /\/media\/create\.js$/);
      assert.match(html, /<script [^>]*><\/script>/, 'the script element is empty (no inline code)');
      assert.ok(!/\son[a-z]+=/i.test(html), 'no on* event handler attributes');
      assert.ok(!/javascript:/i.test(html));
    });

    it('a nonce with markup in it cannot break out of its attribute', () => {
      const out = render({}, 'a"><img src=x onerror=alert(1)>');
      assert.equal(tags(out, 'img').length, 0);
      assert.ok(!out.includes('a"><img'));
    });
  });

  describe('icons', () => {
    const html = render();

    it('loads VS Code\'s codicon stylesheet before its own (same origin: the CSP allows it, fonts included)', () => {
      const sheets = tags(html, 'link').filter((l) => l.rel === 'stylesheet').map((l) => l.href);
      assert.deepEqual(sheets, ['https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/create.css']);
    });

    it('uses codicons for the title, Generate, the busy spinner and the status; screen readers skip every one', () => {
      const icons = tags(html, 'span').filter((s) => /\bcodicon\b/.test(s.class ?? ''));
      assert.deepEqual(
        icons.map((s) => s.class),
        ['codicon codicon-device-camera-video', 'codicon codicon-play', 'codicon codicon-loading codicon-modifier-spin', 'codicon'],
      );
      for (const icon of icons) assert.equal(icon['aria-hidden'], 'true', icon.class);
    });
  });

  describe('values', () => {
    it(`a hostile value (${HOSTILE}) appears only escaped inside data-settings and round-trips through JSON.parse`, () => {
      const values = {
        prompt: `${HOSTILE}\n& &amp; 'single' </textarea><b>`,
        model: HOSTILE,
        referenceImages: [`https://x/${HOSTILE}`],
        firstFrame: '</body><script src=//evil></script>',
      };
      const html = render(values);
      assert.equal(tags(html, 'script').length, 1, 'still exactly one script');
      assert.ok(!html.includes('alert(1)</script>'), 'the markup is never raw in the page');
      assert.ok(!html.includes('<b>'));
      assert.ok(!html.includes('//evil></script>'));
      const raw = rawSettings(html);
      assert.ok(!/[<>"]/.test(raw), 'no raw <, > or " inside the attribute');
      // The only place the value shows is the settings attribute.
      assert.equal(html.split('alert(1)').length - 1, 3, 'three times (prompt, model, image), all inside data-settings');
      assert.ok(raw.includes('alert(1)'));
      assert.deepEqual(settingsOf(html).values, values);
    });

    it('the textarea and the inputs start empty (the page script fills them from data-settings)', () => {
      const html = render({ prompt: 'pre-filled prompt' });
      assert.match(html, /<textarea [^>]*><\/textarea>/);
      assert.equal(html.split('pre-filled prompt').length - 1, 1);
      for (const input of tags(html, 'input')) assert.equal(input.value === undefined || input.type === 'radio', true, JSON.stringify(input));
    });

    it('the settings carry the model rules and limits', () => {
      const s = settingsOf(render());
      assert.deepEqual(s.values, {});
      assert.deepEqual(Object.keys(s.models), [...MODELS]);
      for (const m of MODELS) assert.deepEqual(s.models[m], JSON.parse(JSON.stringify({ summary: modelSummary(m), ...MODEL_INFO[m] })));
      assert.equal(s.maxPrompt, MAX_PROMPT_LENGTH);
      assert.equal(s.maxReferenceImages, MAX_REFERENCE_IMAGES);
    });
  });

  describe('form', () => {
    const html = render();
    const ids = new Set(tags(html, '[a-z]+').map((t) => t.id).filter((id) => id !== undefined));

    it('every text input, textarea and select has a <label for> naming its id; radios are inside their label', () => {
      const fors = tags(html, 'label').map((l) => l.for).filter((f) => f !== undefined);
      const controls = [...tags(html, 'input'), ...tags(html, 'textarea'), ...tags(html, 'select')];
      assert.ok(controls.length >= 1 + 1 + 3 + 3 + MAX_REFERENCE_IMAGES + 2);
      for (const c of controls) {
        if (c.type === 'radio') continue;
        assert.ok(c.id, `a control without an id: ${JSON.stringify(c)}`);
        assert.ok(fors.includes(c.id), `no <label for="${c.id}">`);
      }
      for (const f of fors) assert.ok(ids.has(f), `<label for="${f}"> names no element`);
      // Radios: each wrapped in a <label> with text, inside a fieldset with a legend.
      const radios = [...html.matchAll(/<label class="choice"><input type="radio" name="([^"]+)" value="([^"]+)"> <span>([^<]+)<\/span><\/label>/g)];
      assert.equal(radios.length, tags(html, 'input').filter((i) => i.type === 'radio').length);
      assert.equal(radios.length, 3 + 2 + 3);
      assert.equal([...html.matchAll(/<fieldset\b[^>]*>\s*<legend>[^<]+<\/legend>/g)].length, 3);
    });

    it('ids are unique and every aria-describedby names existing elements', () => {
      const all = tags(html, '[a-z]+').map((t) => t.id).filter((id) => id !== undefined);
      assert.equal(all.length, new Set(all).size, 'duplicate ids');
      for (const t of tags(html, '[a-z]+')) {
        for (const ref of (t['aria-describedby'] ?? '').split(/\s+/).filter(Boolean)) assert.ok(ids.has(ref), `aria-describedby names missing #${ref}`);
      }
    });

    it('the model select offers exactly the four models', () => {
      const select = /<select id="model"[^>]*>([\s\S]*?)<\/select>/.exec(html);
      assert.ok(select);
      const options = [...select[1].matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
      assert.deepEqual(
        options,
        MODELS.map((m) => [m, m]),
      );
      assert.equal(MODELS.length, 4);
    });

    it('the radios are the resolutions, aspect ratios and modes', () => {
      const radios = tags(html, 'input').filter((i) => i.type === 'radio');
      const by = (name: string) => radios.filter((r) => r.name === name).map((r) => r.value);
      assert.deepEqual(by('resolution'), ['720p', '1080p', '4K']);
      assert.deepEqual(by('aspectRatio'), ['16:9', '9:16']);
      assert.deepEqual(by('mode'), ['text', 'reference', 'frames']);
    });

    it('Generate is a submit button and the status is a live region', () => {
      assert.match(html, /<button type="submit" id="generate">[^<]*<span class="codicon codicon-play" aria-hidden="true"><\/span> Generate<\/button>/);
      assert.match(html, /<div id="status" role="status" aria-live="polite">/);
      assert.match(html, /<html lang="en">/);
    });
  });
});

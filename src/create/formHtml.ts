// The static HTML of the creation form. Pure (no `vscode`): the page script gets the
// initial values and the model rules from one escaped attribute; every other text is ours.
import { ASPECT_RATIOS, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MODEL_INFO, MODELS, RESOLUTIONS } from '../request/createFields';
import { escapeHtml } from '../util/html';
import type { FormValues } from './formMessages';

export interface FormPage {
  values: FormValues;
  nonce: string;
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** VS Code's icon font stylesheet (`dist/codicons/codicon.css`). */
  codiconsUri: string;
}

/** What media/create.js reads from `data-settings`. */
export interface FormSettings {
  values: FormValues;
  models: Record<string, { summary: string; resolutions: readonly string[]; modes: readonly string[] }>;
  maxPrompt: number;
  maxReferenceImages: number;
}

const ASPECT_TEXT: Record<string, string> = { '16:9': '16:9 landscape', '9:16': '9:16 portrait' };
const MODE_TEXT: Record<string, string> = { text: 'Text only', reference: 'Reference images', frames: 'First and last frame' };

export function formContentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
}

function radios(name: string, values: readonly string[], text: (v: string) => string): string {
  return values
    .map((v) => `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(v)}"> <span>${escapeHtml(text(v))}</span></label>`)
    .join('\n          ');
}

function urlField(id: string, label: string, hint: string): string {
  return `<div class="field">
          <label for="${id}">${escapeHtml(label)}</label>
          <input type="url" id="${id}" name="${id}" spellcheck="false" autocomplete="off" placeholder="https://" aria-describedby="${id}-hint ${id}-error">
          <div class="hint" id="${id}-hint">${escapeHtml(hint)}</div>
          <div class="error" id="${id}-error" aria-live="polite"></div>
        </div>`;
}

export function renderFormHtml(page: FormPage): string {
  const settings: FormSettings = { values: page.values, models: { ...MODEL_INFO }, maxPrompt: MAX_PROMPT_LENGTH, maxReferenceImages: MAX_REFERENCE_IMAGES };
  const models = MODELS.map((m) => `<option value="${m}">${m}</option>`).join('');
  const references = Array.from({ length: MAX_REFERENCE_IMAGES }, (_, i) =>
    urlField(`reference${i + 1}`, `Reference image ${i + 1}${i === 0 ? '' : ' (optional)'}`, 'An https link to an image the video should follow.'),
  ).join('\n        ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(formContentSecurityPolicy(page.cspSource, page.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(page.codiconsUri)}">
  <link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
  <title>New Video</title>
</head>
<body data-settings="${escapeHtml(JSON.stringify(settings))}">
  <main>
    <h1><span class="codicon codicon-device-camera-video" aria-hidden="true"></span> New Video</h1>
    <form id="form" novalidate aria-describedby="intro">
      <p id="intro" class="hint">Describe the video; the VEO API makes an 8-second MP4. Generating spends credits of your account.</p>
      <div class="field">
        <label for="prompt">Prompt</label>
        <textarea id="prompt" name="prompt" rows="7" maxlength="${MAX_PROMPT_LENGTH}" aria-describedby="prompt-count prompt-error" required></textarea>
        <div class="hint" id="prompt-count" aria-live="polite">0 / ${MAX_PROMPT_LENGTH} characters</div>
        <div class="error" id="prompt-error" aria-live="polite"></div>
      </div>
      <div class="field">
        <label for="model">Model</label>
        <select id="model" name="model" aria-describedby="model-summary model-error">${models}</select>
        <div class="hint" id="model-summary"></div>
        <div class="error" id="model-error" aria-live="polite"></div>
      </div>
      <fieldset id="resolution-group" aria-describedby="resolution-error">
        <legend>Resolution</legend>
        <div class="choices">
          ${radios('resolution', RESOLUTIONS, (v) => v)}
        </div>
        <div class="error" id="resolution-error" aria-live="polite"></div>
      </fieldset>
      <fieldset id="aspect-group" aria-describedby="aspectRatio-error">
        <legend>Aspect ratio</legend>
        <div class="choices">
          ${radios('aspectRatio', ASPECT_RATIOS, (v) => ASPECT_TEXT[v] ?? v)}
        </div>
        <div class="error" id="aspectRatio-error" aria-live="polite"></div>
      </fieldset>
      <fieldset id="mode-group" aria-describedby="mode-error">
        <legend>Mode</legend>
        <div class="choices">
          ${radios('mode', ['text', 'reference', 'frames'], (v) => MODE_TEXT[v] ?? v)}
        </div>
        <div class="error" id="mode-error" aria-live="polite"></div>
      </fieldset>
      <div id="reference-fields" class="mode-fields" hidden>
        ${references}
        <div class="error" id="referenceImages-error" aria-live="polite"></div>
      </div>
      <div id="frame-fields" class="mode-fields" hidden>
        ${urlField('firstFrame', 'First frame', 'An https link to the image the video starts from (required).')}
        ${urlField('lastFrame', 'Last frame (optional)', 'An https link to the image the video ends on.')}
      </div>
      <div class="actions">
        <button type="submit" id="generate"><span class="codicon codicon-play" aria-hidden="true"></span> Generate</button>
        <span id="busy" class="hint" hidden><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Sending...</span>
      </div>
      <div id="status" role="status" aria-live="polite">
        <p><span id="status-icon" class="codicon" aria-hidden="true"></span> <span id="status-text"></span></p>
        <button type="button" id="status-action" class="secondary" hidden></button>
      </div>
    </form>
  </main>
  <script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}

// The static HTML of the creation form. Pure (no `vscode`): the page script gets the
// initial values and the model rules from one escaped attribute; every other text is ours.
import { ASPECT_RATIOS, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MODEL_INFO, modelSummary, MODELS, RESOLUTIONS } from '../request/createFields';
import { escapeHtml } from '../util/html';
import { displayLanguage, t } from '../util/l10n';
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
  /** Texts the script shows, in the display language; `count` has `{0}` (typed) and `{1}` (the most). */
  text: { count: string; actions: Record<'setApiKey' | 'openSettings' | 'showTask', string> };
}

function aspectText(ratio: string): string {
  return ratio === '16:9' ? t('16:9 landscape') : ratio === '9:16' ? t('9:16 portrait') : ratio;
}

function modeText(mode: string): string {
  return mode === 'text' ? t('Text only') : mode === 'reference' ? t('Reference images') : mode === 'frames' ? t('First and last frame') : mode;
}

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
  const settings: FormSettings = {
    values: page.values,
    models: Object.fromEntries(MODELS.map((m) => [m, { summary: modelSummary(m), ...MODEL_INFO[m] }])),
    maxPrompt: MAX_PROMPT_LENGTH,
    maxReferenceImages: MAX_REFERENCE_IMAGES,
    text: {
      count: t('{0} / {1} characters'),
      actions: { setApiKey: t('Set API Key'), openSettings: t('Open Settings'), showTask: t('Show Task') },
    },
  };
  const models = MODELS.map((m) => `<option value="${m}">${m}</option>`).join('');
  const references = Array.from({ length: MAX_REFERENCE_IMAGES }, (_, i) =>
    urlField(`reference${i + 1}`, i === 0 ? t('Reference image {0}', i + 1) : t('Reference image {0} (optional)', i + 1), t('An https link to an image the video should follow.')),
  ).join('\n        ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(displayLanguage())}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(formContentSecurityPolicy(page.cspSource, page.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(page.codiconsUri)}">
  <link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
  <title>${escapeHtml(t('New Video'))}</title>
</head>
<body data-settings="${escapeHtml(JSON.stringify(settings))}">
  <main>
    <h1><span class="codicon codicon-device-camera-video" aria-hidden="true"></span> ${escapeHtml(t('New Video'))}</h1>
    <form id="form" novalidate aria-describedby="intro">
      <p id="intro" class="hint">${escapeHtml(t('Describe the video; the VEO API makes an 8-second MP4. Generating spends credits of your account.'))}</p>
      <div class="field">
        <label for="prompt">${escapeHtml(t('Prompt'))}</label>
        <textarea id="prompt" name="prompt" rows="7" maxlength="${MAX_PROMPT_LENGTH}" aria-describedby="prompt-count prompt-error" required></textarea>
        <div class="hint" id="prompt-count" aria-live="polite">${escapeHtml(t('{0} / {1} characters', 0, MAX_PROMPT_LENGTH))}</div>
        <div class="error" id="prompt-error" aria-live="polite"></div>
      </div>
      <div class="field">
        <label for="model">${escapeHtml(t('Model'))}</label>
        <select id="model" name="model" aria-describedby="model-summary model-error">${models}</select>
        <div class="hint" id="model-summary"></div>
        <div class="error" id="model-error" aria-live="polite"></div>
      </div>
      <fieldset id="resolution-group" aria-describedby="resolution-error">
        <legend>${escapeHtml(t('Resolution'))}</legend>
        <div class="choices">
          ${radios('resolution', RESOLUTIONS, (v) => v)}
        </div>
        <div class="error" id="resolution-error" aria-live="polite"></div>
      </fieldset>
      <fieldset id="aspect-group" aria-describedby="aspectRatio-error">
        <legend>${escapeHtml(t('Aspect ratio'))}</legend>
        <div class="choices">
          ${radios('aspectRatio', ASPECT_RATIOS, aspectText)}
        </div>
        <div class="error" id="aspectRatio-error" aria-live="polite"></div>
      </fieldset>
      <fieldset id="mode-group" aria-describedby="mode-error">
        <legend>${escapeHtml(t('Mode'))}</legend>
        <div class="choices">
          ${radios('mode', ['text', 'reference', 'frames'], modeText)}
        </div>
        <div class="error" id="mode-error" aria-live="polite"></div>
      </fieldset>
      <div id="reference-fields" class="mode-fields" hidden>
        ${references}
        <div class="error" id="referenceImages-error" aria-live="polite"></div>
      </div>
      <div id="frame-fields" class="mode-fields" hidden>
        ${urlField('firstFrame', t('First frame'), t('An https link to the image the video starts from (required).'))}
        ${urlField('lastFrame', t('Last frame (optional)'), t('An https link to the image the video ends on.'))}
      </div>
      <div class="actions">
        <button type="submit" id="generate"><span class="codicon codicon-play" aria-hidden="true"></span> ${escapeHtml(t('Generate'))}</button>
        <span id="busy" class="hint" hidden><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ${escapeHtml(t('Sending...'))}</span>
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

// The static HTML of a preview page. Pure (no `vscode`): every value from the network is
// escaped here, and the page script gets its settings from one escaped attribute only.
import { escapeHtml } from '../util/html';
import { displayLanguage, t } from '../util/l10n';
import { isLoopbackHost } from '../util/loopback';
import type { PreviewAction, PreviewError, PreviewModel } from './previewModel';
import type { SoundNotice } from './soundNotice';

export interface PreviewPage {
  model: PreviewModel;
  /** What the video element loads: a webview URI of the local copy, or the video link. */
  src?: string;
  /** Fresh for every render. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Said under the facts: the sound is in the system player. */
  sound?: SoundNotice;
}

/** What media/preview.js reads from `data-settings`. */
export interface PageSettings {
  taskId: string;
  /** Texts the script shows, in the display language. */
  text: { loading: string; checking: string };
  src?: string;
  /** Shown at once, without loading the video. */
  error?: PreviewError;
}

/** True for `http:` links to this machine (the simulator, a local server). */
export function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/** Scripts only by nonce; media from the webview's resources, https, and loopback http when that is what plays. */
export function contentSecurityPolicy(cspSource: string, nonce: string, src: string | undefined): string {
  const media = [cspSource, 'https:'];
  if (src !== undefined && isLoopbackHttp(src)) media.push('http://127.0.0.1:*', 'http://localhost:*');
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `media-src ${media.join(' ')}`,
  ].join('; ');
}

function buttonText(action: PreviewAction): string {
  switch (action) {
    case 'download':
      return t('Download');
    case 'copyUrl':
      return t('Copy Video URL');
    case 'openExternal':
      return t('Open in Browser');
    case 'openInSystemPlayer':
      return t('Open in System Player');
    case 'retry':
      return t('Retry');
    case 'tryAnyway':
      return t('Try Anyway');
  }
}

function buttonLabel(action: PreviewAction): string {
  switch (action) {
    case 'download':
      return t('Download the video');
    case 'copyUrl':
      return t('Copy the video URL to the clipboard');
    case 'openExternal':
      return t('Open the video link in the browser');
    case 'openInSystemPlayer':
      return t('Open the downloaded video, with its sound, in the default video player');
    case 'retry':
      return t('Retry loading the video');
    case 'tryAnyway':
      return t('Try to play the video from its link anyway');
  }
}

function button(action: PreviewAction, extra: { secondary?: boolean; hidden?: boolean } = {}): string {
  const cls = extra.secondary ? ' class="secondary"' : '';
  const hidden = extra.hidden ? ' hidden' : '';
  return `<button type="button" data-action="${action}" aria-label="${escapeHtml(buttonLabel(action))}"${cls}${hidden}>${escapeHtml(buttonText(action))}</button>`;
}

export function renderPreviewHtml(page: PreviewPage): string {
  const { model, nonce } = page;
  const src = model.source ? page.src : undefined;
  const text = { loading: t('Loading the video...'), checking: t('Checking the video link...') };
  const settings: PageSettings = { taskId: model.taskId, text, src, error: model.blocked };
  const blocked = model.blocked;
  const toolbar: string[] = [];
  if (model.source?.kind === 'local') toolbar.push(button('openInSystemPlayer'));
  if (model.canDownload) toolbar.push(button('download'));
  if (model.videoUrl !== undefined) toolbar.push(button('copyUrl', { secondary: true }));
  if (model.videoUrl !== undefined && !model.linkDead) toolbar.push(button('openExternal', { secondary: true }));
  // Every way out is rendered; the script shows those the current error offers.
  const errorActions = (['retry', 'tryAnyway', 'openExternal', 'download'] as const)
    .map((a) => button(a, { secondary: a !== 'retry' && a !== 'tryAnyway', hidden: !blocked?.actions.includes(a) }))
    .join('\n        ');
  const facts = model.facts.map((f) => `<dt>${escapeHtml(f.name)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('\n        ');
  const title = escapeHtml(model.title);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(displayLanguage())}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.cspSource, nonce, src))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
  <title>${title}</title>
</head>
<body data-settings="${escapeHtml(JSON.stringify(settings))}">
  <main>
    <section class="stage" aria-label="${escapeHtml(t('Video'))}">
      <div id="loading" class="status" role="status" aria-live="polite"${blocked || !src ? ' hidden' : ''}>
        <span class="spinner" aria-hidden="true"></span><span id="loading-text">${escapeHtml(text.loading)}</span>
      </div>
      <video id="video" controls playsinline preload="metadata" aria-label="${escapeHtml(t('Video of {0}', model.title))}" hidden></video>
      <div id="error" class="status error" role="alert"${blocked ? '' : ' hidden'}>
        <p id="error-text">${blocked ? escapeHtml(blocked.message) : ''}</p>
        <div class="actions">
        ${errorActions}
        </div>
      </div>
    </section>
    <section class="details" aria-label="${escapeHtml(t('Task'))}">
      <h1>${title}</h1>
      <dl class="facts">
        ${facts}
      </dl>${page.sound ? `\n      <p id="sound-notice" class="notice" role="note">${escapeHtml(page.sound.text)}</p>` : ''}
      <div class="toolbar">
        ${toolbar.join('\n        ')}
      </div>
    </section>
  </main>
  <script nonce="${escapeHtml(nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}

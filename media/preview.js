// The VEO preview page: plays one task's video and reports its state to the extension.
// Settings come from the body's data-settings attribute (see src/preview/previewHtml.ts).
// @ts-check
(function () {
  'use strict';

  // @ts-ignore -- provided by the webview host
  const vscode = acquireVsCodeApi();
  const settings = JSON.parse(document.body.dataset.settings || '{}');
  const video = /** @type {HTMLVideoElement} */ (document.getElementById('video'));
  const loading = /** @type {HTMLElement} */ (document.getElementById('loading'));
  const loadingText = /** @type {HTMLElement} */ (document.getElementById('loading-text'));
  const errorBox = /** @type {HTMLElement} */ (document.getElementById('error'));
  const errorText = /** @type {HTMLElement} */ (document.getElementById('error-text'));

  const PROGRESS_EVERY_MS = 1000;
  const HOST_ACTIONS = ['download', 'copyUrl', 'openExternal', 'openInSystemPlayer'];

  /** @type {string | undefined} */
  let state;
  /** @type {string | undefined} */
  let detail;
  let lastProgress = 0;
  // Where playback was (kept across the page being rebuilt: hidden tab, reload, new source).
  const saved = vscode.getState();
  let resumeAt = saved && saved.taskId === settings.taskId && typeof saved.position === 'number' ? saved.position : 0;
  vscode.setState({ taskId: settings.taskId, position: resumeAt });

  function report(next, nextDetail) {
    const changed = next !== state || nextDetail !== detail;
    state = next;
    detail = nextDetail;
    if (changed) post(next, nextDetail);
  }

  function post(next, nextDetail) {
    const message = { type: 'state', state: next };
    if (nextDetail !== undefined) message.detail = nextDetail;
    if (next === 'playing' || next === 'paused') message.currentTime = video.currentTime;
    vscode.postMessage(message);
  }

  function showLoading(text, why) {
    errorBox.hidden = true;
    video.hidden = true;
    loadingText.textContent = text;
    loading.hidden = false;
    report('loading', why);
  }

  function showError(error) {
    loading.hidden = true;
    video.hidden = true;
    errorText.textContent = error.message;
    for (const b of errorBox.querySelectorAll('button[data-action]')) {
      const action = b.getAttribute('data-action');
      /** @type {HTMLButtonElement} */ (b).hidden = !error.actions.includes(action);
    }
    errorBox.hidden = false;
    report('error', error.kind);
  }

  function showVideo() {
    loading.hidden = true;
    errorBox.hidden = true;
    video.hidden = false;
  }

  function load() {
    if (!settings.src) return;
    showLoading(settings.text.loading);
    video.src = settings.src;
    // Muted, so browsers that block audible autoplay still start it; controls stay standard.
    video.muted = true;
    video.play().catch(() => {
      /* blocked autoplay, or a load error reported by the 'error' event */
    });
  }

  video.addEventListener('loadedmetadata', () => {
    if (resumeAt > 0 && resumeAt < video.duration - 0.5) video.currentTime = resumeAt;
  });
  for (const ready of ['loadeddata', 'canplay']) {
    video.addEventListener(ready, () => {
      if (state !== 'loading') return;
      showVideo();
      report(video.paused ? 'paused' : 'playing', undefined);
    });
  }
  video.addEventListener('playing', () => {
    showVideo();
    report('playing', undefined);
  });
  function savePosition() {
    resumeAt = video.currentTime;
    vscode.setState({ taskId: settings.taskId, position: resumeAt });
  }
  video.addEventListener('pause', () => {
    savePosition();
    if (state === 'playing') report('paused', video.ended ? 'ended' : undefined);
  });
  video.addEventListener('timeupdate', () => {
    const now = Date.now();
    if (state !== 'playing' || now - lastProgress < PROGRESS_EVERY_MS) return;
    // Progress about once a second (timeupdate fires about four times a second).
    lastProgress = now;
    savePosition();
    post('playing', undefined);
  });
  video.addEventListener('error', () => {
    const err = video.error;
    if (!err || err.code === MediaError.MEDIA_ERR_ABORTED || !video.getAttribute('src')) return;
    // The extension finds out why (expired link? network? format?) and answers with showError.
    showLoading(settings.text.checking, 'checking');
    vscode.postMessage({ type: 'playbackFailed', code: err.code });
  });

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const b = target.closest ? target.closest('button[data-action]') : null;
    if (!b) return;
    const action = b.getAttribute('data-action');
    if (action === 'retry' || action === 'tryAnyway') load();
    else if (HOST_ACTIONS.includes(action || '')) vscode.postMessage({ type: 'action', action });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'showError' && message.error) showError(message.error);
  });

  if (settings.error) showError(settings.error);
  else if (settings.src) load();
})();

// The VEO "New Video" form: keeps what the user types (also across the tab being hidden),
// shows the extension's checks inline, and sends Generate once per click.
// Settings come from the body's data-settings attribute (see src/create/formHtml.ts).
// Every text from the extension is set with textContent, never as HTML.
// @ts-check
(function () {
  'use strict';

  // @ts-ignore -- provided by the webview host
  const vscode = acquireVsCodeApi();
  const settings = JSON.parse(document.body.dataset.settings || '{}');
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const form = /** @type {HTMLFormElement} */ ($('form'));
  const prompt = /** @type {HTMLTextAreaElement} */ ($('prompt'));
  const model = /** @type {HTMLSelectElement} */ ($('model'));
  const generate = /** @type {HTMLButtonElement} */ ($('generate'));
  const statusText = $('status-text');
  const statusAction = /** @type {HTMLButtonElement} */ ($('status-action'));
  const FIELDS = ['prompt', 'model', 'resolution', 'aspectRatio', 'mode', 'referenceImages', 'firstFrame', 'lastFrame'];
  const STATUS_ICON = { failed: 'codicon-error', created: 'codicon-pass' };
  // Every text the page shows comes from the extension, in the display language.
  const ACTION_TEXT = settings.text.actions;
  let busy = false;
  /** @type {string | undefined} */
  let pendingAction;

  /** `{0}`, `{1}`... of an extension text replaced by the values (as vscode.l10n.t does). */
  function format(/** @type {string} */ text, /** @type {unknown[]} */ ...values) {
    return text.replace(/\{(\d+)\}/g, (whole, n) => (Number(n) < values.length ? String(values[Number(n)]) : whole));
  }

  function radio(name) {
    return /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(`input[name="${name}"]`));
  }

  function values() {
    const checked = (name) => Array.from(radio(name)).find((r) => r.checked)?.value;
    const refs = [];
    for (let i = 1; i <= settings.maxReferenceImages; i++) refs.push(/** @type {HTMLInputElement} */ ($(`reference${i}`)).value);
    return {
      prompt: prompt.value,
      model: model.value,
      resolution: checked('resolution'),
      aspectRatio: checked('aspectRatio'),
      mode: checked('mode'),
      referenceImages: refs.filter((r) => r.trim() !== ''),
      firstFrame: /** @type {HTMLInputElement} */ ($('firstFrame')).value,
      lastFrame: /** @type {HTMLInputElement} */ ($('lastFrame')).value,
    };
  }

  function fill(v) {
    if (typeof v.prompt === 'string') prompt.value = v.prompt;
    if (typeof v.model === 'string' && settings.models[v.model]) model.value = v.model;
    for (const name of ['resolution', 'aspectRatio', 'mode']) {
      const value = typeof v[name] === 'string' ? v[name] : name === 'resolution' ? '720p' : name === 'aspectRatio' ? '16:9' : 'text';
      for (const r of radio(name)) r.checked = r.value.toLowerCase() === value.toLowerCase();
    }
    const refs = Array.isArray(v.referenceImages) ? v.referenceImages : [];
    for (let i = 1; i <= settings.maxReferenceImages; i++) /** @type {HTMLInputElement} */ ($(`reference${i}`)).value = typeof refs[i - 1] === 'string' ? refs[i - 1] : '';
    /** @type {HTMLInputElement} */ ($('firstFrame')).value = typeof v.firstFrame === 'string' ? v.firstFrame : '';
    /** @type {HTMLInputElement} */ ($('lastFrame')).value = typeof v.lastFrame === 'string' ? v.lastFrame : '';
    sync();
  }

  /** What the chosen model allows; the count; which mode's fields show. Saves the state. */
  function sync() {
    const info = settings.models[model.value];
    $('model-summary').textContent = info ? info.summary : '';
    for (const r of radio('resolution')) r.disabled = !!info && !info.resolutions.includes(r.value);
    for (const r of radio('mode')) r.disabled = !!info && !info.modes.includes(r.value);
    // A choice the model does not allow moves to one it does, so the form is never stuck.
    for (const name of ['resolution', 'mode']) {
      const list = Array.from(radio(name));
      if (!list.some((r) => r.checked && !r.disabled)) {
        const first = list.find((r) => !r.disabled);
        if (first) first.checked = true;
      }
    }
    const mode = Array.from(radio('mode')).find((r) => r.checked)?.value;
    $('reference-fields').hidden = mode !== 'reference';
    $('frame-fields').hidden = mode !== 'frames';
    $('prompt-count').textContent = format(settings.text.count, prompt.value.length, settings.maxPrompt);
    vscode.setState({ values: values() });
  }

  function showErrors(errors) {
    for (const field of FIELDS) {
      const box = document.getElementById(`${field}-error`);
      if (box) box.textContent = typeof errors[field] === 'string' ? errors[field] : '';
    }
    const refBox = $('referenceImages-error');
    refBox.textContent = typeof errors.referenceImages === 'string' ? errors.referenceImages : '';
  }

  function setBusy(next) {
    busy = next;
    generate.disabled = next;
    form.setAttribute('aria-busy', String(next));
    $('busy').hidden = !next;
  }

  function showStatus(status) {
    statusText.textContent = typeof status.message === 'string' ? status.message : '';
    $('status').className = status.kind === 'failed' ? 'failed' : status.kind === 'created' ? 'created' : '';
    $('status-icon').className = `codicon ${STATUS_ICON[status.kind] || ''}`;
    pendingAction = typeof status.action === 'string' && ACTION_TEXT[status.action] ? status.action : undefined;
    statusAction.hidden = !pendingAction;
    statusAction.textContent = pendingAction ? ACTION_TEXT[pendingAction] : '';
  }

  form.addEventListener('input', () => {
    sync();
    vscode.postMessage({ type: 'change', values: values() });
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    showStatus({ kind: 'busy', message: '' });
    vscode.postMessage({ type: 'generate', values: values() });
  });
  statusAction.addEventListener('click', () => {
    if (pendingAction) vscode.postMessage({ type: 'action', action: pendingAction });
  });
  // Ctrl/Cmd+Enter in the prompt generates, as in VS Code's own input boxes.
  prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'validation' && m.errors && typeof m.errors === 'object') showErrors(m.errors);
    else if (m.type === 'status' && m.status && typeof m.status === 'object') {
      if (m.status.kind !== 'busy') setBusy(false);
      showStatus(m.status);
    } else if (m.type === 'fill' && m.values && typeof m.values === 'object') {
      fill(m.values);
      showErrors({});
      showStatus({ kind: '', message: '' });
      vscode.postMessage({ type: 'change', values: values() });
    }
  });

  const saved = vscode.getState();
  fill(saved && saved.values && typeof saved.values === 'object' ? saved.values : settings.values || {});
  vscode.postMessage({ type: 'change', values: values() });
  prompt.focus();
})();

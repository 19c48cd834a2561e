// Escaping for the webviews' static HTML. Pure.

/** For text and double-quoted attributes (the only kinds the pages use). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

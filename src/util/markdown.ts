// Escapes text from the network before it goes into Markdown (tooltips). Pure.

/** HTML first (so entities are not escaped again), then Markdown syntax; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/\r?\n/g, ' ');
}

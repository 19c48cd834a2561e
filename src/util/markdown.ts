// Escapes text from the network before it goes into Markdown (tooltips). Pure.

/** HTML first (so entities are not escaped again), then Markdown syntax, then colons (no autolinks); newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    // A bare `https://host/...` would become a link (GFM autolinks); an entity colon does not.
    .replace(/:/g, '&#58;')
    .replace(/\r?\n/g, ' ');
}

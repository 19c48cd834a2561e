// Removes secrets from text before it is logged or shown. Pure.

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]');
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}

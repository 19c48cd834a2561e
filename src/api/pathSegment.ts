// A task id as one URL path segment, whatever the id. Pure.
import { hasLoneSurrogate } from '../util/safeText';

/**
 * `value` percent-encoded as one path segment, or undefined when it cannot be sent: empty,
 * or not well-formed Unicode (`encodeURIComponent` throws on a lone surrogate). A segment
 * made only of dots (`.`, `..`) would be read as a path step by the server or a proxy, so
 * its dots are percent-encoded too (`%2E%2E`).
 */
export function encodePathSegment(value: string): string | undefined {
  if (value === '' || hasLoneSurrogate(value)) return undefined;
  const encoded = encodeURIComponent(value);
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}

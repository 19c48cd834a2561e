/**
 * Split a raw request target without normalizing it: ids are compared in the
 * exact encoding the client sent (a WHATWG URL would rewrite dot segments and
 * re-encode characters).
 */
export interface RequestTarget {
  /** Raw path, still percent-encoded. */
  pathname: string;
  query: URLSearchParams;
}

export function splitTarget(rawUrl: string | undefined): RequestTarget {
  let raw = rawUrl ?? '/';
  // Absolute-form (proxy style) targets: keep only the path.
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(raw);
  if (abs) raw = raw.slice(abs[0].length) || '/';
  const hash = raw.indexOf('#');
  if (hash >= 0) raw = raw.slice(0, hash);
  const q = raw.indexOf('?');
  return {
    pathname: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
  };
}

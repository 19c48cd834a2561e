// Which host names mean "this machine". Pure.

/**
 * True for `localhost`, 127.0.0.0/8 and `[::1]`, as the WHATWG URL parser leaves a
 * hostname (IPv4 forms normalised, IPv6 in brackets, lower case); a trailing dot is allowed.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// Which host names mean "this machine". Pure.

/**
 * True for `localhost`, 127.0.0.0/8 and `[::1]`, as the WHATWG URL parser leaves a
 * hostname (IPv4 forms normalised, IPv6 in brackets, lower case); a trailing dot is allowed.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * True for hosts of this machine or a private network: loopback, `*.localhost`, 0.0.0.0,
 * 10/8, 172.16/12, 192.168/16, 169.254/16 (cloud metadata), 100.64/10, and IPv6 loopback,
 * unspecified, unique-local (fc00::/7), link-local (fe80::/10) and IPv4-mapped forms of these.
 * A server that is not itself local must not be able to send the extension there.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isLoopbackHost(host) || host.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (!host.startsWith('[')) return false;
  const v6 = host.slice(1, -1);
  if (v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)) return true;
  const mapped = /^::ffff:(.+)$/.exec(v6);
  if (mapped) {
    const tail = mapped[1];
    if (tail.includes('.')) return isPrivateHost(tail);
    const [hi, lo] = tail.split(':').map((h) => parseInt(h, 16));
    return isPrivateHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return false;
}

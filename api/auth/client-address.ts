import { isIP } from 'node:net';

/** An address as Node gives it for an IPv4 client on a dual-stack socket (`::ffff:10.0.0.1`), written as IPv4. */
const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/**
 * The address a request came from, for the login limits: the socket's, or behind a reverse proxy the operator named
 * (TRUST_PROXY), the address that proxy says it served (`X-Forwarded-For`, read from its right end, past any other
 * trusted proxy). Without this every sign-in through the proxy came from one address, and a password sprayer's
 * limit was everyone's. A header from anyone else is a client's own claim and is not believed.
 */
export function clientAddressOf(remote: string | undefined, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  if (remote === undefined) return 'unknown';
  let address = plain(remote);
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = forwardedFor
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => hop !== '');
  while (trusted.has(address) && hops.length > 0) {
    const hop = hops.pop() as string;
    // A hop that is no address (a proxy's "unknown", a client's nonsense) ends the walk: the last address believed stands.
    if (isIP(hop) === 0) break;
    address = hop;
  }
  return address;
}

/** TRUST_PROXY's addresses, checked: a comma-separated list of the reverse proxies' IP addresses. */
export function trustedProxiesOf(value: string): { ok: true; addresses: string[] } | { ok: false; wrong: string } {
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const wrong = addresses.find((a) => isIP(a) === 0);
  return wrong === undefined ? { ok: true, addresses: addresses.map(plain) } : { ok: false, wrong };
}

import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxiesOf } from './client-address';

const proxy = new Set(['127.0.0.1']);

describe('the address a sign-in came from', () => {
  it('is the socket’s when no proxy is trusted, whatever a header claims', () => {
    expect(clientAddressOf('10.0.0.7', '203.0.113.9', new Set())).toBe('10.0.0.7');
    expect(clientAddressOf('::ffff:10.0.0.7', undefined, new Set())).toBe('10.0.0.7');
  });

  it('is the one a trusted proxy says it served, read from the header’s right end', () => {
    expect(clientAddressOf('127.0.0.1', '10.1.2.3', proxy)).toBe('10.1.2.3');
    expect(clientAddressOf('::ffff:127.0.0.1', '10.1.2.3', proxy)).toBe('10.1.2.3');
    // The client's own X-Forwarded-For is passed on at the left: the proxy's entry, at the right, is the one believed.
    expect(clientAddressOf('127.0.0.1', '1.1.1.1, 10.1.2.3', proxy)).toBe('10.1.2.3');
  });

  it('walks past a chain of trusted proxies, and stops at a hop that is no address', () => {
    expect(clientAddressOf('127.0.0.1', '10.1.2.3, 10.9.9.9', new Set(['127.0.0.1', '10.9.9.9']))).toBe('10.1.2.3');
    expect(clientAddressOf('127.0.0.1', 'unknown', proxy)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', undefined, proxy)).toBe('127.0.0.1');
  });

  it('ignores the header from a client that is not a trusted proxy', () => {
    expect(clientAddressOf('10.0.0.7', '127.0.0.1', proxy)).toBe('10.0.0.7');
  });

  it('reads TRUST_PROXY as addresses, and names the first that is not one', () => {
    expect(trustedProxiesOf('127.0.0.1, ::1')).toEqual({ ok: true, addresses: ['127.0.0.1', '::1'] });
    expect(trustedProxiesOf('127.0.0.1,nginx')).toEqual({ ok: false, wrong: 'nginx' });
  });
});

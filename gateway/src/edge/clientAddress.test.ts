import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './clientAddress.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the socket’s peer, whatever X-Forwarded-For says, when no proxy is trusted', () => {
    const none = trustedProxies([]);
    expect(clientAddress(request('198.51.100.7', '203.0.113.1'), none)).toBe('198.51.100.7');
    expect(clientAddress(request('::ffff:198.51.100.7'), none)).toBe('198.51.100.7');
  });

  it('is read from X-Forwarded-For from the right, past every trusted proxy, only when the peer is one', () => {
    const trusted = trustedProxies(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(clientAddress(request('127.0.0.1', '203.0.113.1'), trusted)).toBe('203.0.113.1');
    // A client that writes the header itself only adds to its left.
    expect(clientAddress(request('127.0.0.1', '1.2.3.4, 203.0.113.1'), trusted)).toBe('203.0.113.1');
    expect(clientAddress(request('10.2.3.4', '203.0.113.1, 10.9.9.9'), trusted)).toBe('203.0.113.1');
    expect(clientAddress(request('::1', '2001:db8::5'), trusted)).toBe('2001:db8::5');
    // An untrusted peer's header is not believed, nor is a trusted peer without one.
    expect(clientAddress(request('198.51.100.7', '203.0.113.1'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(request('127.0.0.1'), trusted)).toBe('127.0.0.1');
  });
});

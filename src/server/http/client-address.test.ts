import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { addressKey, clientAddress } from './client-address.js';
import type { AppEnv } from './context.js';

/** The key a request gets, as the node server hands it the socket, with TRUST_PROXY as given. */
async function keyOf(trustProxy: boolean, forwardedFor?: string) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('config', loadConfig({}, { trustProxy }));
    await next();
  });
  app.get('/', (c) => c.text(clientAddress(c)));
  const headers = forwardedFor ? { 'X-Forwarded-For': forwardedFor } : undefined;
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: '10.1.1.1' } } });
  return res.text();
}

describe('the throttling key of a client address', () => {
  it('keeps an IPv4 address, unwraps an IPv4-mapped one, and counts IPv6 per /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('the address a sign-in comes from', () => {
  it('is the socket peer, whatever X-Forwarded-For claims, unless TRUST_PROXY names a proxy in front', async () => {
    expect(await keyOf(false, '198.51.100.9')).toBe('10.1.1.1');
    expect(await keyOf(true)).toBe('10.1.1.1');
    // Behind a proxy: the entry the proxy appended (the last), not the ones the client wrote before it.
    expect(await keyOf(true, '203.0.113.1, 198.51.100.9')).toBe('198.51.100.9');
  });
});

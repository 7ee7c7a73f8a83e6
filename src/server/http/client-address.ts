import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './context.js';

/**
 * The address a request comes from, as a throttling key: the socket's peer, or — only when TRUST_PROXY says a
 * reverse proxy stands in front — the address that proxy appended last to X-Forwarded-For (earlier entries are the
 * client's own claim). An IPv6 address counts by its /64, which one subscriber usually holds whole.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const peer = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
  const forwarded = c.get('config').trustProxy ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim() : undefined;
  return addressKey(forwarded || peer || 'onbekend');
}

/** 192.0.2.7 → 192.0.2.7; ::ffff:192.0.2.7 → 192.0.2.7; 2001:db8:1:2:3:4:5:6 → 2001:db8:1:2::/64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../modules/auth/index.js';

/**
 * The operations `zorglandschap users add` forwards to a running server that holds the data directory: finding the
 * provider by AGB code, and adding the user. The token opens nothing else.
 */
const forwardable = new Set(['GET /api/v1/providers', 'POST /api/v1/users']);

/** The nil UUID: the CLI is no account, so the audit log stores no user id for it, only its name. */
export const cliActorId = '00000000-0000-0000-0000-000000000000';

const cliActor: Actor = {
  id: cliActorId,
  email: 'opdrachtregel (zorglandschap users add)',
  name: 'Opdrachtregel',
  role: 'beheerder',
  providerId: null,
  // The installation's keeper: its regions are resolved per request (withScope), like any keeper's.
  regionId: null,
  regionIds: [],
  active: true,
};

let current: Buffer | null = null;

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * A new random token for this server start; it reaches the CLI only through the owner-only file next to the
 * data directory's lock, so whoever can read that file could open the database itself anyway.
 */
export function issueCliToken(): string {
  const token = randomBytes(32).toString('base64url');
  current = digest(token);
  return token;
}

/** The CLI as a beheerder, for a forwardable operation presented with this start's token; otherwise null. */
export function cliActorFor(method: string, path: string, token: string | null): Actor | null {
  if (!current || !token || !forwardable.has(`${method} ${path}`)) return null;
  return timingSafeEqual(digest(token), current) ? cliActor : null;
}

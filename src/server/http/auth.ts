import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { narrowToRegion, regionNamedIn, resolveSession, withScope } from '../modules/auth/index.js';
import { cliActorFor } from './cli-token.js';
import type { AppEnv } from './context.js';
import { AppError, ErrorCode } from './errors.js';

export const sessionCookie = 'zl_session';
/** The region a keeper of several regions works in, chosen in the web UI's header (not a credential; not HttpOnly). */
export const regionCookie = 'zl_regio';

/** The region the query names, as the API's region-scoped operations take it (`region`, or `regionId`). */
function namedRegion(url: string): string | undefined {
  const query = new URL(url).searchParams;
  return query.get('region') ?? query.get('regionId') ?? undefined;
}

/**
 * Finds the actor from a Bearer token or, without one, the session cookie, with its provider and region(s) resolved
 * once for the whole request; each route's declared permission decides whether one is required. Notes which of the
 * two carried the credential: the CSRF check depends on it.
 */
export const loadActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  const bearer = header?.startsWith('Bearer ') ? header.slice(7) : null;
  const token = bearer ?? getCookie(c, sessionCookie) ?? null;
  c.set('sessionToken', token);
  c.set('credential', bearer !== null ? 'bearer' : token ? 'cookie' : null);
  const cli = cliActorFor(c.req.method, c.req.path, token);
  const actor = cli ? await withScope(c.get('db'), cli) : token ? await resolveSession(c.get('db'), token) : null;
  // Only the browser's session carries the chosen region; a Bearer client keeps its whole scope. A region the
  // address names (a bookmark, a link to another of the keeper's regions) wins over the chosen one for this request.
  const named = actor && bearer === null ? await regionNamedIn(c.get('db'), actor, namedRegion(c.req.url)) : undefined;
  c.set('actor', actor && bearer === null ? narrowToRegion(actor, named ?? getCookie(c, regionCookie)) : actor);
  await next();
};

/**
 * Writes that do not carry a Bearer token must come from our own origin: a cross-site form or script cannot forge
 * them with the browser's cookie, nor sign a victim in to an account of the attacker's. Keyed on where the actor came
 * from (loadActor runs first), not on the mere presence of an Authorization header. A browser that sends no Origin is
 * judged by Sec-Fetch-Site; an Origin that is no URL at all ("null" from a sandboxed frame) is foreign.
 */
export const guardCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  const safe = ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
  if (!safe && c.get('credential') !== 'bearer') {
    const origin = c.req.header('Origin');
    const site = c.req.header('Sec-Fetch-Site');
    const foreign = origin
      ? !URL.canParse(origin) || new URL(origin).host !== new URL(c.req.url).host
      : site === 'cross-site' || site === 'same-site';
    if (foreign) throw new AppError(ErrorCode.Forbidden, 'Verzoek van een andere herkomst geweigerd.');
  }
  await next();
};

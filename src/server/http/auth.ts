import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveSession, withScope } from '../modules/auth/index.js';
import { cliActorFor } from './cli-token.js';
import type { AppEnv } from './context.js';
import { AppError, ErrorCode } from './errors.js';

export const sessionCookie = 'zl_session';

/**
 * Finds the actor from the session cookie or a Bearer token, with its provider and region(s) resolved once for the
 * whole request; each route's declared permission decides whether one is required.
 */
export const loadActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7) : (getCookie(c, sessionCookie) ?? null);
  c.set('sessionToken', token);
  const cli = cliActorFor(c.req.method, c.req.path, token);
  c.set('actor', cli ? await withScope(c.get('db'), cli) : token ? await resolveSession(c.get('db'), token) : null);
  await next();
};

/**
 * Cookie-authenticated writes must come from our own origin: a cross-site form cannot forge them.
 * Bearer-token clients carry no ambient credentials, so they are exempt.
 */
export const guardCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  const safe = ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
  if (!safe && !c.req.header('Authorization')) {
    const origin = c.req.header('Origin');
    if (origin && new URL(origin).host !== new URL(c.req.url).host) {
      throw new AppError(ErrorCode.Forbidden, 'Verzoek van een andere herkomst geweigerd.');
    }
  }
  await next();
};

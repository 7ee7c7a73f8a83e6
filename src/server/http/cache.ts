import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

/**
 * The answers of the API that carry nothing about clients, trajectories, imports or people: the health check, the
 * API description, the sign-in methods and the iJw code lists. Browsers and proxies may keep these.
 */
const publicPaths = [/^\/api\/v1\/(health|openapi\.json|auth\/methods)$/, /^\/api\/v1\/code-lists\/[^/]+$/];

export const isPublicAnswer = (path: string) => publicPaths.some((p) => p.test(path));

/**
 * Every other answer of the API gets `Cache-Control: no-store`, errors included, so no browser cache, shared proxy or
 * back button keeps client data after sign-out. A route that knows better (a cached, suppressed KPI answer may say
 * `private, max-age=…`) sets its own header and this default leaves it alone.
 */
export const noStoreByDefault: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!isPublicAnswer(c.req.path) && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

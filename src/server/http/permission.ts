import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { scopeOf, type Permission } from '../../shared/permissions.js';
import { isInstallationKeeper, type Actor } from '../modules/auth/index.js';
import type { AppEnv } from './context.js';
import { AppError, ErrorCode, fieldError } from './errors.js';

/** The permission checks of declared routes, so the global guard can tell a declared route from an undeclared one. */
const checks = new WeakSet<object>();

/**
 * Checks the table before validation and the handler run: a visitor without a session gets 401 for what needs one,
 * a role the table leaves out gets 403. A grant over the whole installation also needs an actor without a region.
 */
export function permit(permission: Permission): MiddlewareHandler<AppEnv> {
  const check: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor');
    // A token holder needs no account: the handler checks the token the request names.
    if (scopeOf('public', permission) || scopeOf('token', permission)) return next();
    if (!actor) throw new AppError(ErrorCode.Unauthenticated, 'Log in om verder te gaan.');
    const scope = scopeOf(actor.role, permission);
    if (!scope || (scope === 'installation' && !isInstallationKeeper(actor)))
      throw new AppError(ErrorCode.Forbidden, 'Uw rol geeft geen toegang tot deze functie.');
    await next();
  };
  checks.add(check);
  return check;
}

/**
 * An API operation with the permission it needs: shown in the OpenAPI document as `x-permission` and checked by
 * a middleware on the route itself, so a route cannot be mounted with its rule forgotten.
 */
export function defineRoute<const R extends RouteConfig>(config: R & { permission: Permission }) {
  const { permission, ...route } = config;
  return createRoute({ ...route, 'x-permission': permission, middleware: permit(permission) } as unknown as Omit<
    R,
    'permission' | 'middleware'
  > & { middleware: MiddlewareHandler<AppEnv>; path: R['path'] });
}

/** The web app's fallback (`app.get('*')`, outside the API) answers every path; it is no API operation. */
const isOutsideCatchAll = (path: string) => path === '*' || path === '/*';

/**
 * Refuses any matched operation that declared no permission (a route added with plain createRoute or app.get):
 * by design, not by a failing handler.
 */
export const refuseUndeclared: MiddlewareHandler<AppEnv> = async (c, next) => {
  const routes = matchedRoutes(c).filter((r) => !isOutsideCatchAll(r.path));
  const isOperation = routes.some((r) => r.method !== 'ALL');
  if (isOperation && !routes.some((r) => checks.has(r.handler)))
    throw new AppError(ErrorCode.Forbidden, 'Voor deze bewerking is geen toegangsregel vastgelegd.');
  await next();
};

/** The actor of a route that declared a signed-in permission (the route's middleware already refused visitors). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError(ErrorCode.Unauthenticated, 'Log in om verder te gaan.');
  return actor;
}

/**
 * An object of a region outside the actor's regions answers as if it does not exist, so ids of other regions
 * reveal nothing.
 */
export function assertOwnRegion(actor: Actor, regionId: string, what = 'Dit object bestaat niet.'): void {
  if (!actor.regionIds.includes(regionId)) throw new AppError(ErrorCode.NotFound, what);
}

/** A region named in a request body that is not the actor's is refused as unknown, like one that does not exist. */
export function assertOwnRegionField(actor: Actor, regionId: string, field = 'regionId'): void {
  if (!actor.regionIds.includes(regionId)) throw fieldError(field, 'onbekende regio');
}

/** Narrows a query to the actor's regions; no regions (an account without one) matches nothing. */
export function inOwnRegions(column: AnyPgColumn, actor: Actor): SQL {
  return actor.regionIds.length ? inArray(column, actor.regionIds) : sql`false`;
}

/** No provider has this id: an account scoped to its provider but bound to none sees nothing rather than everything. */
const noProvider = '00000000-0000-0000-0000-000000000000';

/** The actor's own provider when the table grants it the permission over its own provider only; else undefined. */
export function providerScope(actor: Actor, permission: Permission = 'providers.read'): string | undefined {
  return scopeOf(actor.role, permission) === 'ownProvider' ? (actor.providerId ?? noProvider) : undefined;
}

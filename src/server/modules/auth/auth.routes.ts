import { OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { and, asc, eq } from 'drizzle-orm';
import { sessionCookie } from '../../http/auth.js';
import { credentialCookie } from '../../http/cookies.js';
import { actorOf, assertOwnRegionField, defineRoute, inOwnRegions } from '../../http/permission.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/index.js';
import { ZMe, ZSession, ZSignIn, ZUser, ZUserCreate, ZUserUpdate } from './auth.schema.js';
import {
  createUser,
  isInstallationKeeper,
  signOut,
  switchableRegions,
  toActor,
  updateUser,
  type Actor,
} from './auth.service.js';
import { signIn } from './sign-in.js';
import { clientAddress } from '../../http/client-address.js';

export const authRoutes = new OpenAPIHono<AppEnv>();

/** The installation's keeper manages every account; a region's beheerder only the accounts of its region. */
export function inReach(actor: Actor) {
  return isInstallationKeeper(actor) ? undefined : inOwnRegions(users.regionId, actor);
}

/** Only the installation's keeper places an account outside a region (a keeper) or in another region. */
function assertPlaceable(actor: Actor, regionId: string | null) {
  if (isInstallationKeeper(actor)) return;
  if (!regionId) throw fieldError('regionId', 'alleen de beheerder van de installatie maakt accounts zonder regio');
  assertOwnRegionField(actor, regionId);
}
const tags = ['Inloggen en gebruikers'];

authRoutes.openapi(
  defineRoute({
    permission: 'auth.signIn',
    method: 'post',
    path: '/sessions',
    tags,
    summary: 'Inloggen met e-mailadres en wachtwoord',
    description:
      'Zet een HttpOnly sessiecookie; het token in het antwoord kan ook als Bearer-token dienen. Na 5 mislukte ' +
      'pogingen voor een account (30 voor een adres) volgt een wachttijd die bij elke volgende mislukking verdubbelt ' +
      '(30 seconden tot 15 minuten); dan antwoordt de dienst 429 met Retry-After, ook bij het juiste wachtwoord. ' +
      'Een gedeactiveerd account krijgt 403 met uitleg, maar alleen bij het juiste wachtwoord.',
    request: body(ZSignIn),
    responses: {
      201: json(ZSession.extend({ token: z.string() }), 'Ingelogd'),
      ...problems(400, 401, 403, 429),
    },
  }),
  async (c) => {
    const { email, password } = c.req.valid('json');
    const { token, actor, expiresAt } = await signIn(c.get('db'), email, password, {
      throttle: c.get('signInThrottle'),
      source: clientAddress(c),
    });
    setCookie(c, sessionCookie, token, credentialCookie(c, { path: '/', expires: expiresAt }));
    return c.json({ user: actor, expiresAt: expiresAt.toISOString(), token }, 201);
  },
);

authRoutes.openapi(
  defineRoute({
    permission: 'session.read',
    method: 'delete',
    path: '/sessions/current',
    tags,
    summary: 'Uitloggen',
    responses: { 204: { description: 'Uitgelogd' }, ...problems(401) },
  }),
  async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(c.get('db'), token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  defineRoute({
    permission: 'session.read',
    method: 'get',
    path: '/users/me',
    tags,
    summary: 'De ingelogde gebruiker',
    responses: { 200: json(ZMe, "De gebruiker, zijn rol en de regio's waartussen hij wisselt"), ...problems(401) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const regions = await switchableRegions(c.get('db'), actor);
    const currentRegionId = isInstallationKeeper(actor)
      ? actor.regionIds.length === 1
        ? actor.regionIds[0]!
        : null
      : actor.regionId;
    return c.json({ ...actor, regions, currentRegionId }, 200);
  },
);

authRoutes.openapi(
  defineRoute({
    permission: 'users.read',
    method: 'get',
    path: '/users',
    tags,
    summary: 'De gebruikers van de eigen regio (alleen beheerder; de beheerder van de installatie: alle)',
    responses: { 200: json(z.object({ data: z.array(ZUser) }), 'De gebruikers'), ...problems(401, 403) },
  }),
  async (c) => {
    const rows = await c
      .get('db')
      .select()
      .from(users)
      .where(inReach(actorOf(c)))
      .orderBy(asc(users.email));
    return c.json({ data: rows.map(toActor) }, 200);
  },
);

authRoutes.openapi(
  defineRoute({
    permission: 'users.manage',
    method: 'post',
    path: '/users',
    tags,
    summary: 'Gebruiker toevoegen (alleen beheerder)',
    request: body(ZUserCreate),
    responses: { 201: json(ZUser, 'De nieuwe gebruiker'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    const user = await c.get('db').transaction(async (tx) => {
      const inOwnRegion = input.regionId || input.regionCode ? {} : { regionId: actor.regionId ?? undefined };
      const created = await createUser(tx, { ...input, ...inOwnRegion });
      assertPlaceable(actor, created.regionId);
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'user',
        entityId: created.id,
        regionId: created.regionId,
        after: created,
      });
      return created;
    });
    return c.json(user, 201);
  },
);

authRoutes.openapi(
  defineRoute({
    permission: 'users.manage',
    method: 'patch',
    path: '/users/{id}',
    tags,
    summary: 'Gebruiker wijzigen, (de)activeren of een nieuw wachtwoord geven (alleen beheerder)',
    description: 'Deactiveren, een nieuw wachtwoord of een andere rol beëindigt de lopende sessies van die gebruiker.',
    request: { params: ZIdParam, ...body(ZUserUpdate) },
    responses: { 200: json(ZUser, 'De gewijzigde gebruiker'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const id = c.req.valid('param').id;
    const user = await c.get('db').transaction(async (tx) => {
      const before = (
        await tx
          .select()
          .from(users)
          .where(and(eq(users.id, id), inReach(actor)))
      ).map(toActor)[0];
      if (!before) throw new AppError(ErrorCode.NotFound, 'Deze gebruiker bestaat niet.');
      const updated = await updateUser(tx, actor, id, c.req.valid('json'));
      assertPlaceable(actor, updated.regionId);
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'user',
        entityId: id,
        regionId: updated.regionId,
        before,
        after: updated,
      });
      return updated;
    });
    return c.json(user, 200);
  },
);

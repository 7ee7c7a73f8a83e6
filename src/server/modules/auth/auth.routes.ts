import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { asc } from 'drizzle-orm';
import { requireActor, requireRole, sessionCookie } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems } from '../../http/openapi.js';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { ZSession, ZSignIn, ZUser, ZUserCreate } from './auth.schema.js';
import { createUser, signIn, signOut } from './auth.service.js';

export const authRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Inloggen en gebruikers'];

authRoutes.openapi(
  createRoute({
    method: 'post', path: '/sessions', tags, summary: 'Inloggen met e-mailadres en wachtwoord',
    description: 'Zet een HttpOnly sessiecookie; het token in het antwoord kan ook als Bearer-token dienen.',
    request: body(ZSignIn),
    responses: { 201: json(ZSession.extend({ token: z.string() }), 'Ingelogd'), ...problems(400, 401) },
  }),
  async (c) => {
    const { email, password } = c.req.valid('json');
    const { token, actor, expiresAt } = await signIn(c.get('db'), email, password);
    setCookie(c, sessionCookie, token, {
      httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('config').secureCookies, expires: expiresAt,
    });
    return c.json({ user: actor, expiresAt: expiresAt.toISOString(), token }, 201);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'delete', path: '/sessions/current', tags, summary: 'Uitloggen',
    responses: { 204: { description: 'Uitgelogd' } },
  }),
  async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(c.get('db'), token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'get', path: '/users/me', tags, summary: 'De ingelogde gebruiker',
    responses: { 200: json(ZUser, 'De gebruiker en zijn rol'), ...problems(401) },
  }),
  (c) => c.json(requireActor(c), 200),
);

authRoutes.openapi(
  createRoute({
    method: 'get', path: '/users', tags, summary: 'Alle gebruikers (alleen beheerder)',
    responses: { 200: json(z.object({ data: z.array(ZUser) }), 'De gebruikers'), ...problems(401, 403) },
  }),
  async (c) => {
    requireRole(c, 'beheerder');
    const rows = await c.get('db').select().from(users).orderBy(asc(users.email));
    return c.json({ data: rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role as z.infer<typeof ZUser>['role'], providerId: u.providerId })) }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post', path: '/users', tags, summary: 'Gebruiker toevoegen (alleen beheerder)',
    request: body(ZUserCreate),
    responses: { 201: json(ZUser, 'De nieuwe gebruiker'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = requireRole(c, 'beheerder');
    const input = c.req.valid('json');
    const user = await c.get('db').transaction(async (tx) => {
      const created = await createUser(tx, input);
      await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: created.id, after: created });
      return created;
    });
    return c.json(user, 201);
  },
);

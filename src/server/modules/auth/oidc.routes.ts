import { OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { json, problems } from '../../http/openapi.js';
import { sessionCookie } from '../../http/auth.js';
import { credentialCookie } from '../../http/cookies.js';
import { beginOidcLogin, completeOidcLogin, sameOriginPath, type OidcPending } from './oidc.js';

export const oidcRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Inloggen en gebruikers'];
const pendingCookie = 'zl_oidc';

oidcRoutes.openapi(
  defineRoute({
    permission: 'auth.signIn',
    method: 'get',
    path: '/auth/methods',
    tags,
    summary: 'Welke manieren van inloggen aan staan',
    responses: { 200: json(z.object({ password: z.boolean(), oidc: z.boolean() }), 'De inlogmethoden') },
  }),
  (c) => c.json({ password: true, oidc: Boolean(c.get('config').oidc) }, 200),
);

oidcRoutes.openapi(
  defineRoute({
    permission: 'auth.signIn',
    method: 'get',
    path: '/auth/oidc/login',
    tags,
    summary: 'Inloggen via de identiteitsprovider van de regio (OIDC)',
    request: { query: z.object({ returnTo: z.string().optional() }) },
    responses: { 302: { description: 'Door naar de identiteitsprovider' }, ...problems(400, 404) },
  }),
  async (c) => {
    const oidc = c.get('config').oidc;
    if (!oidc) throw new AppError(ErrorCode.NotFound, 'Inloggen via OIDC is niet ingesteld.');
    const { url, pending } = await beginOidcLogin(oidc, c.req.valid('query').returnTo ?? '/');
    setCookie(
      c,
      pendingCookie,
      JSON.stringify(pending),
      credentialCookie(c, { path: '/api/v1/auth/oidc', maxAge: 600 }),
    );
    return c.redirect(url.href, 302);
  },
);

oidcRoutes.openapi(
  defineRoute({
    permission: 'auth.signIn',
    method: 'get',
    path: '/auth/oidc/callback',
    tags,
    summary: 'Terugkeer van de identiteitsprovider',
    responses: { 302: { description: 'Ingelogd; door naar de app' }, ...problems(401, 403, 404) },
  }),
  async (c) => {
    const oidc = c.get('config').oidc;
    if (!oidc) throw new AppError(ErrorCode.NotFound, 'Inloggen via OIDC is niet ingesteld.');
    const raw = getCookie(c, pendingCookie);
    if (!raw) throw new AppError(ErrorCode.Unauthenticated, 'De inlogpoging is verlopen. Probeer het opnieuw.');
    const pending = readPending(raw);
    deleteCookie(c, pendingCookie, { path: '/api/v1/auth/oidc' });
    const callbackUrl = new URL(c.req.url);
    const redirect = new URL(oidc.redirectUri);
    callbackUrl.protocol = redirect.protocol;
    callbackUrl.host = redirect.host;
    const { token, expiresAt } = await completeOidcLogin(c.get('db'), oidc, callbackUrl, pending);
    setCookie(c, sessionCookie, token, credentialCookie(c, { path: '/', expires: expiresAt }));
    return c.redirect(sameOriginPath(pending.returnTo), 302);
  },
);

/** The login step's cookie; anything else in its place is an expired or forged attempt (401, not 500). */
function readPending(raw: string): OidcPending {
  try {
    const value = JSON.parse(raw) as Partial<OidcPending> | null;
    if (value && [value.state, value.nonce, value.verifier, value.returnTo].every((v) => typeof v === 'string'))
      return value as OidcPending;
  } catch {
    // falls through to the refusal below
  }
  throw new AppError(ErrorCode.Unauthenticated, 'De inlogpoging is verlopen. Probeer het opnieuw.');
}

import * as client from 'openid-client';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { openSession } from './auth.service.js';

type OidcConfig = NonNullable<Config['oidc']>;

/** What the login step leaves in a short-lived HttpOnly cookie for the callback to check. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** Discovers the identity provider once per issuer; plain http is allowed only on loopback (development, tests). */
function configurationFor(oidc: OidcConfig): Promise<client.Configuration> {
  let config = discovered.get(oidc.issuer);
  if (!config) {
    const issuer = new URL(oidc.issuer);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    config = client.discovery(
      issuer,
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      loopback ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    config.catch(() => discovered.delete(oidc.issuer));
    discovered.set(oidc.issuer, config);
  }
  return config;
}

/**
 * A path on this site to return to after sign-in, else `/`. Browsers read `/\evil.example` and `/\t/evil.example`
 * as `//evil.example`, another host; so the path is resolved as a browser would, against a placeholder origin, and
 * kept only when it stays there and does not start with `//` once normalised.
 */
export function sameOriginPath(returnTo: string): string {
  const base = 'https://zorglandschap.invalid';
  if (!returnTo.startsWith('/') || !URL.canParse(returnTo, base)) return '/';
  const url = new URL(returnTo, base);
  if (url.origin !== base || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Builds the authorization URL (code flow with PKCE, state and nonce). */
export async function beginOidcLogin(oidc: OidcConfig, returnTo: string): Promise<{ url: URL; pending: OidcPending }> {
  const config = await configurationFor(oidc);
  const pending: OidcPending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo: sameOriginPath(returnTo),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: 'openid email profile',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  return { url, pending };
}

/**
 * Exchanges the code and signs in the matching account. Accounts are provisioned by a beheerder (who decides the
 * role); the first OIDC sign-in binds the subject to the account with the same e-mail address.
 */
export async function completeOidcLogin(db: Db, oidc: OidcConfig, callbackUrl: URL, pending: OidcPending) {
  const config = await configurationFor(oidc);
  const tokens = await client
    .authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    })
    .catch(() => {
      throw new AppError(ErrorCode.Unauthenticated, 'De inlogpoging kon niet worden bevestigd. Probeer het opnieuw.');
    });
  const claims = tokens.claims();
  if (!claims) throw new AppError(ErrorCode.Unauthenticated, 'De identiteitsprovider gaf geen ID-token.');
  const [bySubject] = await db.select().from(users).where(eq(users.oidcSubject, claims.sub));
  let user = bySubject;
  // Providers that keep the ID token lean (conformIdTokenClaims) give the e-mail address only at the userinfo endpoint.
  const profile =
    user || typeof claims.email === 'string'
      ? claims
      : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  if (!user && typeof profile.email === 'string' && profile.email_verified !== false) {
    const [byEmail] = await db.select().from(users).where(eq(users.email, profile.email.toLowerCase()));
    if (byEmail && !byEmail.oidcSubject) {
      await db.update(users).set({ oidcSubject: claims.sub }).where(eq(users.id, byEmail.id));
      user = byEmail;
    }
  }
  if (!user || !user.active)
    throw new AppError(
      ErrorCode.Forbidden,
      'Er is geen account voor u in Zorglandschap. Vraag de beheerder om toegang.',
    );
  return openSession(db, user.id);
}

import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from './context.js';

/** A browser on plain http at a loopback name: a cookie for that host never leaves the machine. */
function isPlainLoopback(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const { protocol, hostname } = new URL(origin);
  if (protocol !== 'http:') return false;
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\./.test(hostname);
}

/**
 * Whether cookies get the Secure flag (config `secureCookies`, env SECURE_COOKIES). In `auto` the browser's own view
 * decides, not the server's socket, so a TLS-terminating proxy in front changes nothing: the Origin of the request
 * (sent by browsers on every POST), else the configured OIDC redirect URI (the browser's address for the callback).
 * Without either — a script, or a browser that hides its origin — the cookie is Secure.
 */
export function secureCookies(c: Context<AppEnv>): boolean {
  const setting = c.get('config').secureCookies;
  if (setting !== 'auto') return setting === 'true';
  const browserOrigin = c.req.header('Origin') ?? c.get('config').oidc?.redirectUri;
  return !(browserOrigin && isPlainLoopback(browserOrigin));
}

/** The attributes of every cookie that carries a credential: HttpOnly, SameSite=Lax, Secure per secureCookies(). */
export function credentialCookie(c: Context<AppEnv>, options: CookieOptions): CookieOptions {
  return { httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), ...options };
}

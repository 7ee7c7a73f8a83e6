import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createUser } from '../modules/auth/index.js';
import { createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
const password = 'cookie-test-wachtwoord';
beforeAll(async () => {
  ctx = await createTestContext();
  await createUser(ctx.database.db, { email: 'koek@regio.nl', name: 'K', role: 'beleid', password });
});
afterAll(async () => {
  await ctx.close();
});

/** The session cookie a sign-in sets, as the browser at `origin` (if any) would ask for it. */
async function sessionCookie(env: Record<string, string>, url: string, origin?: string) {
  const app = createApp({ database: ctx.database, secrets: ctx.secrets, config: loadConfig(env) });
  const res = await app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify({ email: 'koek@regio.nl', password }),
  });
  expect(res.status).toBe(201);
  return res.headers.getSetCookie().find((c) => c.startsWith('zl_session='))!;
}

describe('Secure session cookies', () => {
  it('are Secure by default: behind a TLS proxy, on a LAN address, and for a client that names no origin', async () => {
    expect(await sessionCookie({}, 'http://zorg.regio.nl/api/v1/sessions', 'https://zorg.regio.nl')).toContain(
      'Secure',
    );
    expect(await sessionCookie({}, 'http://10.0.0.5:3000/api/v1/sessions', 'http://10.0.0.5:3000')).toContain('Secure');
    expect(await sessionCookie({}, 'http://localhost:3000/api/v1/sessions')).toContain('Secure');
  });

  it('are not Secure for a browser on plain http at localhost (npm start), where the cookie never crosses a network', async () => {
    const local = await sessionCookie({}, 'http://localhost:3000/api/v1/sessions', 'http://localhost:3000');
    expect(local).not.toContain('Secure');
    expect(local).toContain('HttpOnly');
    expect(await sessionCookie({}, 'http://127.0.0.1:5173/api/v1/sessions', 'http://127.0.0.1:5173')).not.toContain(
      'Secure',
    );
  });

  it('follow SECURE_COOKIES when it is set explicitly, and refuse a value that means nothing', async () => {
    const lan = ['http://10.0.0.5:3000/api/v1/sessions', 'http://10.0.0.5:3000'] as const;
    expect(await sessionCookie({ SECURE_COOKIES: 'false' }, ...lan)).not.toContain('Secure');
    const local = ['http://localhost:3000/api/v1/sessions', 'http://localhost:3000'] as const;
    expect(await sessionCookie({ SECURE_COOKIES: 'true' }, ...local)).toContain('Secure');
    expect(() => loadConfig({ SECURE_COOKIES: 'yes' })).toThrow();
  });
});

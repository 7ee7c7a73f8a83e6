import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
let cookieToken: string;
beforeAll(async () => {
  ctx = await createTestContext();
  cookieToken = (await buildUser(ctx, 'beheerder')).token;
});
afterAll(async () => {
  await ctx.close();
});

/** A provider created as a browser would post it, with the session cookie and the headers given. */
async function post(headers: Record<string, string>) {
  const res = await ctx.app.request('http://localhost/api/v1/providers', {
    method: 'POST',
    body: JSON.stringify({ agbCode: '87654321', name: 'Herkomsttest' }),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  return { status: res.status, type: res.headers.get('Content-Type') ?? '', body: await res.json() };
}

describe('the CSRF check keys on where the actor comes from', () => {
  it('refuses a cross-site cookie write even when some other Authorization header is sent', async () => {
    const res = await post({
      Cookie: `zl_session=${cookieToken}`,
      Authorization: 'Basic Zm9vOmJhcg==',
      Origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('Verzoek van een andere herkomst geweigerd.');
  });

  it('answers a malformed or opaque Origin with 403 problem+json, not 500', async () => {
    for (const origin of ['http://[', 'null', '::::']) {
      const res = await post({ Cookie: `zl_session=${cookieToken}`, Origin: origin });
      expect([origin, res.status]).toEqual([origin, 403]);
      expect(res.type).toContain('application/problem+json');
    }
  });

  it('refuses a cross-site write without Origin by its Sec-Fetch-Site, and a cross-site sign-in', async () => {
    expect((await post({ Cookie: `zl_session=${cookieToken}`, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const signIn = await ctx.app.request('http://localhost/api/v1/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'wie@regio.nl', password: 'maakt-niet-uit-hier' }),
    });
    expect(signIn.status).toBe(403);
  });

  it('lets a Bearer-token client and a same-origin cookie write through', async () => {
    const bearer = await post({ Authorization: `Bearer ${cookieToken}`, Origin: 'https://tool.example' });
    expect(bearer.status).toBe(201);
    const sameOrigin = await ctx.app.request('http://localhost/api/v1/providers', {
      method: 'POST',
      body: JSON.stringify({ agbCode: '87654322', name: 'Zelfde herkomst' }),
      headers: { 'Content-Type': 'application/json', Cookie: `zl_session=${cookieToken}`, Origin: 'http://localhost' },
    });
    expect(sameOrigin.status).toBe(201);
  });
});

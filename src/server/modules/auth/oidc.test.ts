import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildUser, createTestContext, type TestContext } from '../../testing/harness.js';

/**
 * A real OpenID Provider (panva's oidc-provider) on loopback: the whole code flow with PKCE runs over HTTP,
 * with the provider's login step answered programmatically for the test account.
 */
let ctx: TestContext;
let idp: Server;
let issuer: string;
let loginAs = 'subject-1';
const accounts: Record<string, { email: string }> = {};
const redirectUri = 'http://zorglandschap.test/api/v1/auth/oidc/callback';

beforeAll(async () => {
  ctx = await createTestContext();
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'zorglandschap',
        client_secret: 'test-secret',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: accounts[sub]?.email, email_verified: true }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    loadExistingGrant: async (kctx) => {
      const grant = new kctx.oidc.provider.Grant({
        clientId: kctx.oidc.client!.clientId,
        accountId: kctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  idp.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void provider.interactionFinished(
        req,
        res,
        { login: { accountId: loginAs } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    callback(req, res);
  });
});

afterAll(async () => {
  idp.close();
  await ctx.close();
});

/** Follows redirects through the identity provider like a browser, keeping its cookies, until back at our callback. */
async function browseToCallback(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

function appWithOidc() {
  return createApp({
    database: ctx.database,
    secrets: ctx.secrets,
    config: loadConfig({}, { oidc: { issuer, clientId: 'zorglandschap', clientSecret: 'test-secret', redirectUri } }),
  });
}

async function signInViaOidc(app: ReturnType<typeof appWithOidc>, returnTo = '/aanbieders') {
  const login = await app.request(
    `http://zorglandschap.test/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(login.status).toBe(302);
  const pendingCookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('zl_oidc='))!
    .split(';')[0]!;
  const callback = await browseToCallback(login.headers.get('location')!);
  return app.request(callback.href, { headers: { Cookie: pendingCookie } });
}

describe('OIDC sign-in', () => {
  it('signs in a provisioned user through the code flow and binds the subject to the account', async () => {
    const { user } = await buildUser(ctx, 'contractmanager');
    loginAs = 'subject-cm';
    accounts[loginAs] = { email: user.email };
    const app = appWithOidc();
    expect(await (await app.request('/api/v1/auth/methods')).json()).toEqual({ password: true, oidc: true });
    const done = await signInViaOidc(app);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/aanbieders');
    const session = done.headers
      .getSetCookie()
      .find((c) => c.startsWith('zl_session='))!
      .split(';')[0]!;
    const me = await app.request('/api/v1/users/me', { headers: { Cookie: session } });
    expect(await me.json()).toMatchObject({ email: user.email, role: 'contractmanager' });
  });

  it('refuses someone the region has not given an account', async () => {
    loginAs = 'subject-stranger';
    accounts[loginAs] = { email: 'onbekend@elders.example.nl' };
    const done = await signInViaOidc(appWithOidc());
    expect(done.status).toBe(403);
    expect((await done.json()).detail).toContain('geen account');
    expect(done.headers.getSetCookie().some((c) => c.startsWith('zl_session='))).toBe(false);
  });

  it('returns only to a path on this site after sign-in, with a Secure session cookie', async () => {
    const { user } = await buildUser(ctx, 'beleid');
    loginAs = 'subject-return';
    accounts[loginAs] = { email: user.email };
    const app = appWithOidc();
    for (const [returnTo, expected] of [
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['//evil.example/pad', '/'],
      ['https://evil.example', '/'],
      ['/.//evil.example', '/'],
      ['/aanbieders?zoek=x#lijst', '/aanbieders?zoek=x#lijst'],
    ]) {
      const done = await signInViaOidc(app, returnTo!);
      expect([returnTo, done.status, done.headers.get('location')]).toEqual([returnTo, 302, expected]);
      expect(done.headers.getSetCookie().find((c) => c.startsWith('zl_session='))).toContain('Secure');
    }
  });

  it('answers a pending-login cookie that is not ours with 401, not 500', async () => {
    const res = await appWithOidc().request(`${redirectUri}?code=abc&state=x`, {
      headers: { Cookie: 'zl_oidc=%7Bgeen-json' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a callback whose state does not match the login it started', async () => {
    const app = appWithOidc();
    const res = await app.request(`${redirectUri}?code=abc&state=forged`, {
      headers: {
        Cookie: `zl_oidc=${encodeURIComponent(JSON.stringify({ state: 'real', nonce: 'n', verifier: 'v'.repeat(43), returnTo: '/' }))}`,
      },
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('zl_session='))).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { buildProvider } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { createUser } from './auth.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('sign-in and sessions', () => {
  it('signs in with e-mail and password, sets an HttpOnly cookie, and knows who is signed in', async () => {
    await createUser(ctx.database.db, {
      email: 'Cas@Lekstroom.example.nl',
      name: 'Cas',
      role: 'contractmanager',
      password: 'een-lang-wachtwoord',
    });
    const res = await ctx.app.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'cas@lekstroom.example.nl', password: 'een-lang-wachtwoord' }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/zl_session=[^;]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await ctx.app.request('/api/v1/users/me', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({
      email: 'cas@lekstroom.example.nl',
      role: 'contractmanager',
      providerId: null,
    });
  });

  it('gives the same 401 for a wrong password and an unknown user', async () => {
    await createUser(ctx.database.db, {
      email: 'bo@lekstroom.example.nl',
      name: 'Bo',
      role: 'beleid',
      password: 'een-lang-wachtwoord',
    });
    const wrong = await call(ctx, null, 'POST', '/sessions', {
      email: 'bo@lekstroom.example.nl',
      password: 'fout-wachtwoord',
    });
    const unknown = await call(ctx, null, 'POST', '/sessions', {
      email: 'niemand@lekstroom.example.nl',
      password: 'fout-wachtwoord',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('stores only a scrypt hash of the password and a SHA-256 hash of the session token', async () => {
    await createUser(ctx.database.db, {
      email: 'hash@lekstroom.example.nl',
      name: 'H',
      role: 'beleid',
      password: 'geheim-wachtwoord-123',
    });
    const [row] = await ctx.database.db.select().from(users).where(eq(users.email, 'hash@lekstroom.example.nl'));
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(row!.passwordHash).not.toContain('geheim-wachtwoord-123');
    const signIn = await call(ctx, null, 'POST', '/sessions', {
      email: 'hash@lekstroom.example.nl',
      password: 'geheim-wachtwoord-123',
    });
    const stored = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, row!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(signIn.body.token);
  });

  it('ends the session on sign-out', async () => {
    const { token } = await buildUser(ctx, 'verwijzer');
    expect((await call(ctx, token, 'GET', '/users/me')).status).toBe(200);
    expect((await call(ctx, token, 'DELETE', '/sessions/current')).status).toBe(204);
    expect((await call(ctx, token, 'GET', '/users/me')).status).toBe(401);
  });

  it('answers 401 problem+json without a session', async () => {
    const res = await call(ctx, null, 'GET', '/providers');
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await ctx.app.request('http://localhost/api/v1/providers', {
      method: 'POST',
      body: JSON.stringify({ agbCode: '12345678', name: 'X' }),
      headers: { Cookie: `zl_session=${token}`, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
  });
});

describe('user administration', () => {
  it('lets only a beheerder add users, and binds an aanbieder to its provider', async () => {
    const provider = await buildProvider(ctx);
    const { token: admin } = await buildUser(ctx, 'beheerder');
    const { token: cm } = await buildUser(ctx, 'contractmanager');
    const input = {
      email: 'nieuw@aanbieder.example.nl',
      name: 'Nieuw',
      role: 'aanbieder',
      password: 'lang-genoeg-wachtwoord',
    };
    expect((await call(ctx, cm, 'POST', '/users', { ...input, providerId: provider.id })).status).toBe(403);
    const unbound = await call(ctx, admin, 'POST', '/users', input);
    expect(unbound.status).toBe(400);
    expect(unbound.body.invalidParams[0].name).toBe('providerId');
    const ok = await call(ctx, admin, 'POST', '/users', { ...input, providerId: provider.id });
    expect(ok.status).toBe(201);
    expect(ok.body.providerId).toBe(provider.id);
    const dup = await call(ctx, admin, 'POST', '/users', { ...input, providerId: provider.id });
    expect(dup.status).toBe(409);
  });

  it('lets a beheerder deactivate a leaver, which ends their sessions and sign-in, and reactivate them', async () => {
    const { token: admin } = await buildUser(ctx, 'beheerder');
    await createUser(ctx.database.db, {
      email: 'vertrekker@lekstroom.example.nl',
      name: 'Vera Vertrek',
      role: 'verwijzer',
      password: 'een-lang-wachtwoord',
    });
    const session = await call(ctx, null, 'POST', '/sessions', {
      email: 'vertrekker@lekstroom.example.nl',
      password: 'een-lang-wachtwoord',
    });
    const id = session.body.user.id;
    expect((await call(ctx, session.body.token, 'GET', '/users/me')).status).toBe(200);
    const off = await call(ctx, admin, 'PATCH', `/users/${id}`, { active: false });
    expect(off.body).toMatchObject({ active: false });
    expect((await call(ctx, session.body.token, 'GET', '/users/me')).status).toBe(401);
    // Refused with a reason, told only to whoever knows the password (account.test.ts checks a wrong one).
    expect(
      (
        await call(ctx, null, 'POST', '/sessions', {
          email: 'vertrekker@lekstroom.example.nl',
          password: 'een-lang-wachtwoord',
        })
      ).status,
    ).toBe(403);
    await call(ctx, admin, 'PATCH', `/users/${id}`, { active: true });
    expect(
      (
        await call(ctx, null, 'POST', '/sessions', {
          email: 'vertrekker@lekstroom.example.nl',
          password: 'een-lang-wachtwoord',
        })
      ).status,
    ).toBe(201);
    const audit = await call(ctx, admin, 'GET', `/audit-events?entity=user&entityId=${id}`);
    expect(audit.body.data[1].after.active).toBe(false);
  });

  it('keeps a beheerder from locking themselves out, and others from changing accounts', async () => {
    const { user, token } = await buildUser(ctx, 'beheerder');
    const self = await call(ctx, token, 'PATCH', `/users/${user.id}`, { active: false });
    expect(self.status).toBe(400);
    expect(self.body.invalidParams[0].name).toBe('active');
    const { token: cm } = await buildUser(ctx, 'contractmanager');
    expect((await call(ctx, cm, 'PATCH', `/users/${user.id}`, { name: 'X' })).status).toBe(403);
  });

  it('refuses a short password', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await call(ctx, token, 'POST', '/users', {
      email: 'kort@x.nl',
      name: 'K',
      role: 'beleid',
      password: 'kort',
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'password', reason: 'moet minstens 12 tekens hebben' });
  });

  it('refuses twelve spaces and a common password wherever a password is set: new account, changed password, CLI', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const { user } = await buildUser(ctx, 'beleid');
    const reasons = [];
    for (const password of [' '.repeat(12), 'Qwerty123456']) {
      const created = await call(ctx, token, 'POST', '/users', {
        email: 'zwak@x.nl',
        name: 'Z',
        role: 'beleid',
        password,
      });
      const changed = await call(ctx, token, 'PATCH', `/users/${user.id}`, { password });
      expect([created.status, changed.status]).toEqual([400, 400]);
      expect(changed.body.invalidParams[0].name).toBe('password');
      reasons.push(created.body.invalidParams[0].reason);
      // The CLI's `users add` calls the same service.
      await expect(
        createUser(ctx.database.db, { email: 'cli-zwak@x.nl', name: 'C', role: 'beleid', password }),
      ).rejects.toMatchObject({ invalidParams: [{ name: 'password' }] });
    }
    expect(reasons).toEqual([
      'mag niet alleen uit spaties bestaan',
      'is een veelgebruikt wachtwoord; kies een ander (bijvoorbeeld een zin van een paar woorden)',
    ]);
    expect((await call(ctx, token, 'GET', '/users')).body.data.map((u: { email: string }) => u.email)).not.toContain(
      'zwak@x.nl',
    );
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createApp } from '../../app.js';
import { queryRows } from '../../db/client.js';
import { mailOutbox, passwordResets, sessions, users } from '../../db/schema/index.js';
import { buildRegion, uniqueAgb } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { createUser, openSession } from './auth.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const strong = 'lange zin over de rivier';
const sessionsOf = async (userId: string) =>
  (await ctx.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
const tokenOf = (url: string) => url.split('#')[1]!;

describe('editing accounts', () => {
  it('changes name, role and provider; a provider role needs a provider, and a refused edit saves nothing', async () => {
    const region = await buildRegion(ctx);
    const { token: head } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const { user } = await buildUser(ctx, 'verwijzer', undefined, region.id);
    const provider = await call(ctx, head, 'POST', '/providers', {
      agbCode: uniqueAgb(),
      name: 'De Brug',
      domains: ['JO'],
    });

    const refused = await call(ctx, head, 'PATCH', `/users/${user.id}`, { name: 'Anders', role: 'aanbieder' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json');
    expect(refused.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'providerId', reason: 'een aanbieder-account hoort bij één aanbieder' }),
    ]);
    const [unchanged] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect([unchanged!.name, unchanged!.role]).toEqual(['Test verwijzer', 'verwijzer']);

    const edited = await call(ctx, head, 'PATCH', `/users/${user.id}`, {
      name: 'Sanne de Vries',
      role: 'aanbieder',
      providerId: provider.body.id,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Sanne de Vries', role: 'aanbieder', providerId: provider.body.id });
    const back = await call(ctx, head, 'PATCH', `/users/${user.id}`, { role: 'contractmanager' });
    expect(back.body).toMatchObject({ role: 'contractmanager', providerId: null });
  });

  it('refuses a change of one’s own role and demoting or deactivating the last beheerder of a region', async () => {
    const region = await buildRegion(ctx);
    const { user: first, token: firstToken } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const own = await call(ctx, firstToken, 'PATCH', `/users/${first.id}`, { role: 'beleid' });
    expect(own.status).toBe(400);
    expect(own.body.invalidParams[0]).toMatchObject({ name: 'role', reason: expect.stringContaining('eigen rol') });

    // The keeper may manage the region's accounts, but not leave the region without an active beheerder.
    const { token: keeper } = await buildUser(ctx, 'beheerder');
    for (const change of [{ role: 'beleid' }, { active: false }]) {
      const last = await call(ctx, keeper, 'PATCH', `/users/${first.id}`, change);
      expect(last.status, JSON.stringify(change)).toBe(400);
      expect(last.body.invalidParams[0].reason).toContain('laatste actieve beheerder van de regio');
    }
    const { user: second } = await buildUser(ctx, 'beheerder', undefined, region.id);
    expect((await call(ctx, keeper, 'PATCH', `/users/${first.id}`, { role: 'beleid' })).status).toBe(200);
    const now = await call(ctx, keeper, 'PATCH', `/users/${second.id}`, { active: false });
    expect(now.body.invalidParams[0].reason).toContain('laatste actieve beheerder');
  });

  it('ends a deactivated user’s sessions at once and tells them at sign-in; reactivating lets them in again', async () => {
    const region = await buildRegion(ctx);
    const { token: head } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const user = await createUser(ctx.database.db, {
      email: 'vertrekker@test.nl',
      name: 'Vertrekker',
      role: 'beleid',
      password: strong,
      regionId: region.id,
    });
    const { token } = await openSession(ctx.database.db, user.id);
    expect((await call(ctx, token, 'GET', '/users/me')).status).toBe(200);
    expect((await call(ctx, head, 'PATCH', `/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await call(ctx, token, 'GET', '/users/me')).status).toBe(401);

    const refused = await call(ctx, null, 'POST', '/sessions', { email: user.email, password: strong });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe(
      'Uw account is gedeactiveerd. Neem contact op met de beheerder van uw regio als u weer toegang nodig hebt.',
    );
    // A wrong password still gets the answer everyone gets: a guesser learns nothing about the account.
    const guessed = await call(ctx, null, 'POST', '/sessions', { email: user.email, password: 'fout wachtwoord hier' });
    expect([guessed.status, guessed.body.detail]).toEqual([401, 'E-mailadres of wachtwoord klopt niet.']);

    expect((await call(ctx, head, 'PATCH', `/users/${user.id}`, { active: true })).status).toBe(200);
    expect((await call(ctx, null, 'POST', '/sessions', { email: user.email, password: strong })).status).toBe(201);
  });
});

describe('a password reset by the beheerder', () => {
  it('gives a one-time link, stored hashed, with which the holder sets a new password and signs in', async () => {
    const region = await buildRegion(ctx);
    const { token: head } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const user = await createUser(ctx.database.db, {
      email: 'kwijt@test.nl',
      name: 'Kim Kwijt',
      role: 'contractmanager',
      password: 'oude zin die vergeten is',
      regionId: region.id,
    });
    const { token: oldSession } = await openSession(ctx.database.db, user.id);
    const made = await call(ctx, head, 'POST', '/password-resets', { userId: user.id });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ url: expect.stringMatching(/\/wachtwoord-instellen#[\w-]{43}$/), mailed: false });
    const hours = (Date.parse(made.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const token = tokenOf(made.body.url);
    const [stored] = await ctx.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.tokenHash).not.toContain(token);
    // Without a mail server nothing is queued: the beheerder hands the link over.
    expect(await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, user.email))).toEqual([]);

    const check = await call(ctx, null, 'POST', '/password-reset-checks', { token });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ name: 'Kim Kwijt', email: 'kwijt@test.nl' });

    for (const [password, reason] of [
      ['kort', 'moet minstens 12 tekens hebben'],
      ['welkom123456', 'is een veelgebruikt wachtwoord; kies een ander (bijvoorbeeld een zin van een paar woorden)'],
    ] as const) {
      const bad = await call(ctx, null, 'POST', '/password-reset-completions', { token, password });
      expect(bad.status).toBe(400);
      expect(bad.body.invalidParams).toEqual([expect.objectContaining({ name: 'password', reason })]);
    }
    // Refused passwords used nothing up: the link still works, and the old password too.
    expect((await call(ctx, null, 'POST', '/password-reset-checks', { token })).status).toBe(200);

    const done = await call(ctx, null, 'POST', '/password-reset-completions', { token, password: strong });
    expect(done.status).toBe(204);
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await call(ctx, oldSession, 'GET', '/users/me')).status).toBe(401);
    const signIn = await call(ctx, null, 'POST', '/sessions', { email: user.email, password: strong });
    expect(signIn.status).toBe(201);

    const reused = await call(ctx, null, 'POST', '/password-reset-completions', {
      token,
      password: 'nog een andere zin hier',
    });
    expect(reused.status).toBe(410);
    expect(reused.body.detail).toContain('al gebruikt');
    const unknown = await call(ctx, null, 'POST', '/password-reset-checks', { token: `${token.slice(0, -2)}xx` });
    expect(unknown.status).toBe(404);
  });

  it('refuses an expired link and one replaced by a newer; mails the link when a mail server is set', async () => {
    const region = await buildRegion(ctx);
    const { user: headUser, token: head } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const { user } = await buildUser(ctx, 'beleid', undefined, region.id);
    const first = tokenOf((await call(ctx, head, 'POST', '/password-resets', { userId: user.id })).body.url);
    const second = tokenOf((await call(ctx, head, 'POST', '/password-resets', { userId: user.id })).body.url);
    expect((await call(ctx, null, 'POST', '/password-reset-checks', { token: first })).status).toBe(410);
    await ctx.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    const expired = await call(ctx, null, 'POST', '/password-reset-checks', { token: second });
    expect([expired.status, expired.body.detail]).toEqual([
      410,
      'Deze link is verlopen. Vraag de beheerder om een nieuwe.',
    ]);

    const withMail = createApp({
      database: ctx.database,
      secrets: ctx.secrets,
      config: {
        ...loadConfig({}, { databaseUrl: undefined }),
        smtpUrl: 'smtp://127.0.0.1:1',
        mailFrom: 'Regio <noreply@regio.example.nl>',
      },
    });
    const res = await withMail.request('/api/v1/password-resets', {
      method: 'POST',
      headers: { Authorization: `Bearer ${head}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: user.id }),
    });
    const link = (await res.json()) as { url: string; mailed: boolean };
    expect([res.status, link.mailed]).toEqual([201, true]);
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, user.email));
    expect(mail).toMatchObject({ kind: 'password-reset', regionId: region.id, reference: user.id });
    expect(mail!.body).toContain(link.url);
    expect(mail!.body).toContain(headUser.name);

    const other = await buildRegion(ctx);
    const { user: elsewhere } = await buildUser(ctx, 'beleid', undefined, other.id);
    expect((await call(ctx, head, 'POST', '/password-resets', { userId: elsewhere.id })).status).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const user = await createUser(ctx.database.db, {
      email: 'wissel@test.nl',
      name: 'Wissel',
      role: 'verwijzer',
      password: strong,
    });
    const { token: here } = await openSession(ctx.database.db, user.id);
    const { token: elsewhere } = await openSession(ctx.database.db, user.id);
    const wrong = await call(ctx, here, 'PUT', '/users/me/password', {
      currentPassword: 'niet mijn wachtwoord',
      password: 'een heel nieuwe zin',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams).toEqual([expect.objectContaining({ name: 'currentPassword' })]);
    const common = await call(ctx, here, 'PUT', '/users/me/password', {
      currentPassword: strong,
      password: 'password1234',
    });
    expect(common.body.invalidParams).toEqual([expect.objectContaining({ name: 'password' })]);
    expect(await sessionsOf(user.id)).toBe(2);

    const changed = await call(ctx, here, 'PUT', '/users/me/password', {
      currentPassword: strong,
      password: 'een heel nieuwe zin',
    });
    expect(changed.status).toBe(204);
    expect((await call(ctx, here, 'GET', '/users/me')).status).toBe(200);
    expect((await call(ctx, elsewhere, 'GET', '/users/me')).status).toBe(401);
    expect((await call(ctx, null, 'POST', '/sessions', { email: user.email, password: strong })).status).toBe(401);
  });
});

describe('the audit trail of accounts', () => {
  it('never holds a password, a password hash or a reset token', async () => {
    const rows = await queryRows<{ text: string }>(
      ctx.database.db,
      sql`select concat_ws(' ', label, before::text, after::text) as text from audit_events`,
    );
    const resets = await ctx.database.db.select({ hash: passwordResets.tokenHash }).from(passwordResets);
    expect(rows.length).toBeGreaterThan(5);
    const all = rows.map((r) => r.text).join('\n');
    for (const secret of [
      strong,
      'een heel nieuwe zin',
      'oude zin die vergeten is',
      'scrypt$',
      ...resets.map((r) => r.hash),
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(/wachtwoord-instellen#/);
  });
});

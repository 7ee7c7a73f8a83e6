import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.js';
import { buildProvider } from '../testing/factories.js';
import { call, createTestContext, type TestContext } from '../testing/harness.js';
import { issueCliToken } from './cli-token.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the CLI token of a running server', () => {
  it('adds a user as the command line, audit-logged as such, and opens no other operation', async () => {
    const token = issueCliToken();
    const provider = await buildProvider(ctx);
    const found = await call(ctx, token, 'GET', `/providers?q=${provider.agbCode}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([expect.objectContaining({ id: provider.id, agbCode: provider.agbCode })]);

    const created = await call(ctx, token, 'POST', '/users', {
      email: 'via-cli@regio.nl',
      name: 'Via de opdrachtregel',
      role: 'aanbieder',
      providerId: provider.id,
      password: 'een-lang-wachtwoord',
    });
    expect(created.status).toBe(201);
    const [event] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.body.id));
    expect(event).toMatchObject({ action: 'create', entity: 'user', userId: null });
    expect(event!.userEmail).toMatch(/^opdrachtregel/);

    for (const [method, path] of [
      ['GET', '/users'],
      ['GET', '/users/me'],
      ['PATCH', `/users/${created.body.id}`],
      ['GET', '/audit-events'],
    ] as const) {
      const other = await call(ctx, token, method, path, method === 'PATCH' ? { role: 'beheerder' } : undefined);
      expect(other.status, `${method} ${path}`).toBe(401);
    }
  });

  it('is replaced at each start, and a guessed token is no actor', async () => {
    const first = issueCliToken();
    issueCliToken();
    const user = { email: 'oud@regio.nl', name: 'Oud', role: 'beleid', password: 'een-lang-wachtwoord' };
    expect((await call(ctx, first, 'POST', '/users', user)).status).toBe(401);
    expect((await call(ctx, 'geraden', 'POST', '/users', user)).status).toBe(401);
  });
});

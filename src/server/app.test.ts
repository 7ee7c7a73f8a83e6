import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from './testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the API as a whole', () => {
  it('reports health with the database engine in use', async () => {
    const res = await call(ctx, null, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
    expect(res.headers.get('API-Version')).toBe('1.0.0');
  });

  it('publishes an OpenAPI 3 document describing every resource and its problem responses', async () => {
    const res = await call(ctx, null, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/providers',
      '/providers/{id}',
      '/contracts',
      '/contracts/{id}',
      '/products',
      '/budgets',
      '/sessions',
      '/health',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    expect(res.body.paths['/providers'].post.responses['400'].content).toHaveProperty('application/problem+json');
    expect(res.body.components.schemas.ProviderCreate.properties.agbCode.description).toContain('AGB');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const { token } = await buildUser(ctx, 'beleid');
    const res = await call(ctx, token, 'GET', '/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Niet gevonden' });
  });

  it('answers malformed JSON with a 400 problem instead of a crash', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await ctx.app.request('/api/v1/providers', {
      method: 'POST',
      body: '{"agbCode": ',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('refuses a body over 1 MB', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await ctx.app.request('/api/v1/providers', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('lists the iJw code lists with their official, zero-padded codes', async () => {
    const { token } = await buildUser(ctx, 'verwijzer');
    const units = await call(ctx, token, 'GET', '/code-lists/WJ756');
    expect(units.body.data).toContainEqual({ code: '04', name: 'Uur' });
    const reasons = await call(ctx, token, 'GET', '/code-lists/JZ588');
    expect(reasons.body.data.map((r: { code: string }) => r.code)).toContain('02');
  });

  it('answers a code-list name that is not written as one with a 400 naming it, an unknown one with a 404', async () => {
    const { token } = await buildUser(ctx, 'verwijzer');
    const malformed = await call(ctx, token, 'GET', '/code-lists/jz588');
    expect(malformed.status).toBe(400);
    expect(malformed.body.invalidParams).toEqual([expect.objectContaining({ name: 'name' })]);
    expect((await call(ctx, token, 'GET', '/code-lists/JZ999')).status).toBe(404);
  });
});

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../shared/permissions.js';
import type { AppEnv } from './context.js';
import { AppError, problemResponse } from './errors.js';
import { json } from './openapi.js';
import { defineRoute, refuseUndeclared } from './permission.js';
import { call, createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('declared permissions', () => {
  it('declares a permission of the table on every operation of the OpenAPI document', async () => {
    const doc = (await call(ctx, null, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.includes(method))
        .map(([method, op]) => ({ operation: `${method.toUpperCase()} ${path}`, permission: op['x-permission'] })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const undeclared = operations.filter((o) => !o.permission || !(permissions as string[]).includes(o.permission));
    expect(undeclared).toEqual([]);
    expect(operations).toContainEqual({ operation: 'GET /regions/current/reference', permission: 'regions.reference' });
    expect(operations).toContainEqual({ operation: 'GET /health', permission: 'health.read' });
  });

  it('refuses an operation mounted without a permission, and runs one with', async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('actor', null);
      await next();
    });
    app.use('*', refuseUndeclared);
    const responses = { 200: json(z.object({ ok: z.boolean() }), 'Gelukt') };
    app.openapi(createRoute({ method: 'get', path: '/forgotten', responses }), (c) => c.json({ ok: true }, 200));
    app.openapi(defineRoute({ permission: 'health.read', method: 'get', path: '/declared', responses }), (c) =>
      c.json({ ok: true }, 200),
    );
    app.openapi(defineRoute({ permission: 'contracts.read', method: 'get', path: '/signed-in', responses }), (c) =>
      c.json({ ok: true }, 200),
    );
    app.get('/plain', (c) => c.json({ ok: true }));
    app.onError((err, c) => problemResponse(c, err as AppError));

    const forgotten = await app.request('/forgotten');
    expect(forgotten.status).toBe(403);
    expect(((await forgotten.json()) as { detail: string }).detail).toMatch(/geen toegangsregel/);
    expect((await app.request('/plain')).status).toBe(403);
    expect((await app.request('/declared')).status).toBe(200);
    expect((await app.request('/signed-in')).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/domain.js';
import { scopeOf } from '../../shared/permissions.js';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { operationCases } from '../testing/matrix-operations.js';
import { buildWorld, type World } from '../testing/matrix-world.js';
import { isPublicAnswer } from './cache.js';

/**
 * Client data must not outlive the session in a browser cache or a proxy: every read of the API, answered to a
 * user allowed to make it, says `Cache-Control: no-store`, except the few answers that carry nothing private.
 */
let ctx: TestContext;
let world: World;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const reads = Object.entries(operationCases).filter(([key]) => key.startsWith('GET '));

describe('Cache-Control on API answers', () => {
  it('is no-store on every read that may carry client, trajectory, import or personal data', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [key, c] of reads) {
      const role = roles.find((r) => scopeOf(r, c.permission));
      const probe = await c.own(world, ctx);
      const query = probe.query ? `?${new URLSearchParams(probe.query)}` : '';
      const headers = role ? { Authorization: `Bearer ${world.sessions[role].token}` } : undefined;
      const res = await ctx.app.request(`/api/v1${probe.path}${query}`, { headers });
      await res.arrayBuffer();
      const cacheControl = res.headers.get('Cache-Control') ?? '';
      if (isPublicAnswer(`/api/v1${probe.path}`)) continue;
      checked += 1;
      if (!cacheControl.includes('no-store')) problems.push(`${key} (${res.status}): Cache-Control "${cacheControl}"`);
    }
    expect(checked).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });

  it('is no-store on refusals and problems too', async () => {
    for (const path of ['/api/v1/trajectories', '/api/v1/contracts/00000000-0000-0000-0000-000000000000']) {
      const res = await ctx.app.request(path, {
        headers: { Authorization: `Bearer ${world.sessions.verwijzer.token}` },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('leaves the public answers (health, API description, sign-in methods, code lists) cacheable', async () => {
    for (const path of ['/health', '/openapi.json', '/auth/methods', '/code-lists/JZ020']) {
      const res = await ctx.app.request(`/api/v1${path}`, {
        headers: { Authorization: `Bearer ${world.sessions.beleid.token}` },
      });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Cache-Control') ?? '', path).not.toContain('no-store');
    }
  });
});

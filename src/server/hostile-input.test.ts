import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../shared/domain.js';
import { scopeOf } from '../shared/permissions.js';
import { queryRows } from './db/client.js';
import { attachment } from './http/download.js';
import { createTestContext, type TestContext } from './testing/harness.js';
import {
  hostileVariants,
  type DocumentOperation,
  type Hostile,
  type OpenApiDocument,
} from './testing/hostile-inputs.js';
import { operationCases, type OperationCase } from './testing/matrix-operations.js';
import { buildWorld, type MatrixAudience, type World } from './testing/matrix-world.js';

/**
 * Every operation of the OpenAPI document that takes input, asked by a signed-in user who may use it, with the
 * inputs of an attacker or a broken client: NUL in every string, numbers at and above their maximum, years 0000 and
 * 9999, prototype keys, an empty, missing, malformed, mistyped or oversized body, and huge strings. Each must be
 * refused with a 4xx problem (a value exactly at its maximum may also be accepted), never a 500, and a refused
 * write leaves the audit log as it was.
 */
// The document is read before the tests are named, so only operations that take input get one.
const ctx: TestContext = await createTestContext();
const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument & {
  paths: Record<string, Record<string, DocumentOperation>>;
};
let world: World;

beforeAll(async () => {
  world = await buildWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

/** The first audience the table lets use the operation (the keeper only for installation-wide grants). */
function audienceFor(c: OperationCase): MatrixAudience {
  const role = roles.find((r) => {
    const scope = scopeOf(r, c.permission);
    return scope && scope !== 'installation';
  });
  return role ?? 'keeper';
}

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from audit_events`);
  return row!.n;
}

async function send(method: string, token: string, h: Hostile) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (h.contentType) headers['Content-Type'] = h.contentType;
  const query = Object.keys(h.query).length ? `?${new URLSearchParams(h.query)}` : '';
  const res = await ctx.app.request(`/api/v1${h.path}${query}`, { method, headers, body: h.body });
  return { status: res.status, type: res.headers.get('Content-Type') ?? '', text: await res.text() };
}

const withInput = Object.entries(operationCases).filter(([key]) => {
  const [method, path] = key.split(' ') as [string, string];
  const op = doc.paths[path]?.[method.toLowerCase()];
  return (op?.parameters ?? []).length > 0 || op?.requestBody !== undefined;
});

describe('hostile input', () => {
  for (const [key, c] of withInput) {
    it(`${key}: refuses hostile input with a 4xx problem and writes nothing`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const operation = doc.paths[path]![method.toLowerCase()]!;
      const audience = audienceFor(c);
      const problems: string[] = [];
      const variants = hostileVariants(doc, path, operation, await c.own(world, ctx)).length;
      // Each variant gets a fresh valid probe, so codes and years that must be unique stay unique.
      for (let i = 0; i < variants; i += 1) {
        const h = hostileVariants(doc, path, operation, await c.own(world, ctx))[i]!;
        const token = world.sessions[audience].token;
        const before = method !== 'GET' ? await auditCount() : undefined;
        const answer = await send(method, token, h);
        const brief = `${answer.status} ${answer.type} ${answer.text.slice(0, 200)}`;
        const refused = answer.status >= 400 && answer.status < 500;
        const problem = answer.type.startsWith('application/problem+json');
        if (answer.status >= 500) problems.push(`${h.what}: server error ${brief}`);
        else if (h.expect === 'refuse' && !refused) problems.push(`${h.what}: not refused, ${brief}`);
        else if (refused && !problem) problems.push(`${h.what}: refused without a problem document, ${brief}`);
        if (refused && before !== undefined && (await auditCount()) !== before)
          problems.push(`${h.what}: refused, yet the audit log grew`);
      }
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
      expect(variants).toBeGreaterThan(0);
      expect(problems, `${key} as ${audience}:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});

describe('downloads whose file name is not plain ASCII', () => {
  it('names the file exactly in filename* and in ASCII in filename, instead of failing', () => {
    const header = attachment('Bericht € "juli" ë.xml');
    expect(() => new Headers({ 'Content-Disposition': header })).not.toThrow();
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(header).not.toMatch(/filename="[^"]*"[^;]*"/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('Bericht € "juli" ë.xml');
    expect(attachment('kpi-2025Q3-region.csv')).toBe('attachment; filename="kpi-2025Q3-region.csv"');
  });

  it('serves a quarantined upload named with € under its own name', async () => {
    const name = 'Declaratie € juli.xml';
    const form = new FormData();
    form.append('files', new File(['<geen-ijw/>'], name, { type: 'application/xml' }));
    const headers = { Authorization: `Bearer ${world.sessions.beheerder.token}` };
    const upload = await ctx.app.request('/api/v1/imports', { method: 'POST', headers, body: form });
    expect(upload.status).toBe(200);
    const { results } = (await upload.json()) as { results: Array<{ fileId: string | null; status: string }> };
    expect(results[0]!.fileId).toBeTruthy();
    const res = await ctx.app.request(`/api/v1/imports/${results[0]!.fileId}/original`, { headers });
    expect(res.status).toBe(200);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(name);
  });
});

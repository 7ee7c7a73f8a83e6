import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../shared/domain.js';
import { permissionTable, scopeOf, type Permission, type Scope } from '../shared/permissions.js';
import { queryRows } from './db/client.js';
import { createTestContext, type TestContext } from './testing/harness.js';
import { operationCases, type OperationCase, type Probe } from './testing/matrix-operations.js';
import { buildWorld, sessionFor, type Marker, type MatrixAudience, type World } from './testing/matrix-world.js';

/**
 * The proof of isolation: every operation of the OpenAPI document, asked by every audience (the five roles of
 * region A, the installation's keeper and a visitor without a session) about objects of its own and of another
 * provider and region. Who may ask what comes from the permission table alone (scopeOf); the document must declare
 * each operation's permission as x-permission. The keeper asks last: its writes reach region B.
 */
type Audience = MatrixAudience | 'public';
const audiences: Audience[] = [...roles, 'public', 'keeper'];
type Variant = 'own' | 'otherProvider' | 'otherRegion';
const variants: Variant[] = ['own', 'otherProvider', 'otherRegion'];

interface Answer {
  status: number;
  text: string;
  disposition: string;
}

interface DocumentOperation {
  'x-permission'?: unknown;
}

let ctx: TestContext;
let world: World;
let documentOperations: Map<string, DocumentOperation>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildWorld(ctx);
  const res = await ctx.app.request('/api/v1/openapi.json');
  const doc = (await res.json()) as { paths: Record<string, Record<string, DocumentOperation>> };
  documentOperations = new Map(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
    ),
  );
});
afterAll(async () => {
  await ctx?.close();
});

async function send(method: string, token: string | null, probe: Probe): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (probe.form) body = probe.form;
  else if (probe.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = probe.csv;
  } else if (probe.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(probe.body);
  }
  const query = probe.query ? `?${new URLSearchParams(probe.query)}` : '';
  const res = await ctx.app.request(`/api/v1${probe.path}${query}`, { method, headers, body });
  return {
    status: res.status,
    text: await res.text(),
    disposition: res.headers.get('Content-Disposition') ?? '',
  };
}

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from audit_events`);
  return row!.n;
}

/**
 * The scope an audience holds a permission over. A grant over the whole installation is the keeper's alone (a
 * beheerder without a region), and the keeper holds every grant of a beheerder over the whole installation.
 */
function scopeFor(audience: Audience, permission: Permission): Scope | undefined {
  // A token is held by whoever has it, with or without an account; it reaches only what it names.
  if (scopeOf('token', permission)) return 'token';
  if (audience === 'keeper') return scopeOf('beheerder', permission) ? 'installation' : undefined;
  const scope = scopeOf(audience, permission);
  return scope === 'installation' ? undefined : scope;
}

/**
 * Whether the table lets this audience reach the variant's object, says it must be refused, or leaves it open: an
 * aanbieder is held to its own provider, so region B's objects that are not Q's may be answered or refused.
 */
function reach(c: OperationCase, scope: Scope, variant: Variant): 'yes' | 'no' | 'either' {
  if (variant === 'otherRegion' && scope === 'region') return 'no';
  if (variant === 'otherRegion' && scope === 'ownProvider') return c.otherRegionOfQ ? 'no' : 'either';
  if (variant === 'otherProvider' && scope === 'ownProvider') return 'no';
  return 'yes';
}

/** The strings an answer to this audience may not contain: another region's objects, or another provider's. */
function forbiddenMarkers(audience: Audience, scope: Scope): Marker[] {
  if (scope === 'installation' || scope === 'public') return [];
  return audience === 'aanbieder' ? world.providerQMarkers : world.regionBMarkers;
}

const ok = (status: number) => status >= 200 && status < 300;
const brief = (a: Answer) => `${a.status} ${a.text.slice(0, 160)}`;

/** What is wrong with one answer, in words that name the audience, the object and what leaked. */
function judge(c: OperationCase, audience: Audience, variant: Variant, answer: Answer): string[] {
  const permission = c.permission;
  const scope = scopeFor(audience, permission);
  const who = `${audience} (${variant})`;
  if (!scope) {
    const refused = audience === 'public' ? 401 : 403;
    return answer.status === refused
      ? []
      : [`${who} does not hold ${permission} but got ${brief(answer)}; expected ${refused}`];
  }
  const problems: string[] = [];
  const reachable = reach(c, scope, variant);
  const refusals = c.kind === 'create' ? [400, 403, 404] : [403, 404];
  if (reachable === 'either') {
    if (!ok(answer.status) && !refusals.includes(answer.status))
      problems.push(`${who} with ${permission} (${scope}) got ${brief(answer)}; expected 2xx or a refusal`);
  } else if (reachable === 'yes') {
    // The keeper is only asked not to be refused: where a request needs a region, a keeper may have to name one.
    const expected = variant === 'own' ? c.ownStatus : undefined;
    const wrong = expected
      ? answer.status !== expected
      : audience === 'keeper'
        ? [401, 403].includes(answer.status)
        : !ok(answer.status);
    if (wrong)
      problems.push(`${who} holds ${permission} (${scope}) but got ${brief(answer)}; expected ${expected ?? '2xx'}`);
  } else {
    if (!refusals.includes(answer.status) && !(c.kind === 'list' && ok(answer.status)))
      problems.push(`${who} reached another's object with ${permission} (${scope}): ${brief(answer)}`);
  }
  if (ok(answer.status)) {
    const leaked = forbiddenMarkers(audience, scope).filter(
      (m) => answer.text.includes(m.text) || answer.disposition.includes(m.text),
    );
    if (leaked.length)
      problems.push(
        `${who} with ${permission} (${scope}) got data it may not see: ${leaked.map((m) => m.what).join(', ')}`,
      );
  }
  return problems;
}

async function walk(key: string, c: OperationCase): Promise<string[]> {
  const [method] = key.split(' ') as [string];
  const problems: string[] = [];
  for (const audience of audiences) {
    const session = audience === 'public' ? null : world.sessions[audience];
    for (const variant of variants) {
      const probeOf = c[variant];
      if (!probeOf) continue;
      const probe = await probeOf(world, ctx);
      const token = session && c.endsSession ? await sessionFor(ctx, session.userId) : (session?.token ?? null);
      const scope = scopeFor(audience, c.permission);
      const mustRefuse = !scope || reach(c, scope, variant) === 'no';
      const before = method !== 'GET' && mustRefuse ? await auditCount() : undefined;
      const answer = await send(method, token, probe);
      problems.push(...judge(c, audience, variant, answer));
      if (before !== undefined && (await auditCount()) !== before)
        problems.push(`${audience} (${variant}) was refused ${key} yet the data changed (audit log grew)`);
    }
  }
  return problems;
}

describe('the permission matrix', () => {
  it('maps every operation of the OpenAPI document, and no operation that is not there', () => {
    const inDocument = [...documentOperations.keys()];
    expect(
      inDocument.filter((k) => !(k in operationCases)),
      'operations without a case in matrix-operations.ts',
    ).toEqual([]);
    expect(
      Object.keys(operationCases).filter((k) => !documentOperations.has(k)),
      'cases for operations the document does not have',
    ).toEqual([]);
  });

  it('names only permissions of the table', () => {
    const known = new Set(Object.keys(permissionTable));
    expect(Object.values(operationCases).filter((c) => !known.has(c.permission))).toEqual([]);
  });

  for (const [key, c] of Object.entries(operationCases)) {
    it(`${key}: declares ${c.permission} and gives each audience what the table allows`, async () => {
      const problems: string[] = [];
      const operation = documentOperations.get(key);
      if (!operation) problems.push(`${key} is not in the OpenAPI document`);
      else if (operation['x-permission'] !== c.permission)
        problems.push(`x-permission is ${JSON.stringify(operation['x-permission'])}, expected "${c.permission}"`);
      if (operation) problems.push(...(await walk(key, c)));
      expect(problems, `${key}:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});

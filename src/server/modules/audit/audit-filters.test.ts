import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { labelOf, looksLikeBsn, withoutSecrets } from './audit-record.js';
import { recordAudit } from './audit.service.js';

let ctx: TestContext;
let region: Awaited<ReturnType<typeof buildRegion>>;
let head: string;
let anna: Awaited<ReturnType<typeof buildUser>>;
let bert: Awaited<ReturnType<typeof buildUser>>;
let budgetId: string;

type Event = { entity: string; entityId: string; label: string | null; userEmail: string; action: string };
const events = async (query: string) => {
  const res = await call(ctx, head, 'GET', `/audit-events?pageSize=100&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Event[];
};

beforeAll(async () => {
  ctx = await createTestContext();
  region = await buildRegion(ctx);
  ({ token: head } = await buildUser(ctx, 'beheerder', undefined, region.id));
  anna = await buildUser(ctx, 'contractmanager', undefined, region.id);
  bert = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const made = await call(ctx, anna.token, 'POST', '/budgets', {
    municipalityId: region.municipalities[0]!.id,
    budgetLineId: region.budgetLines[0]!.id,
    year: 2027,
    amount: 1000,
  });
  expect(made.status).toBe(201);
  budgetId = made.body.id;
  for (const [who, amount] of [
    [anna, 2000],
    [bert, 3000],
    [anna, 4000],
  ] as const)
    expect((await call(ctx, who.token, 'PATCH', `/budgets/${budgetId}`, { amount })).status).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

describe('the audit log that answers questions', () => {
  it('names objects readably at write time: a budget by its line, municipality and year', async () => {
    const [latest] = await events(`entityId=${budgetId}`);
    expect(latest!.label).toBe(`${region.budgetLines[0]!.name} ${region.municipalities[0]!.name} 2027`);
  });

  it('filters by person, object type, object, action and period, and combines them', async () => {
    const annaOnBudget = await events(`userId=${anna.user.id}&entity=budget&entityId=${budgetId}`);
    expect(annaOnBudget.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    expect(new Set(annaOnBudget.map((e) => e.userEmail))).toEqual(new Set([anna.user.email]));
    const annaUpdates = await events(`userId=${anna.user.id}&entityId=${budgetId}&action=update`);
    expect(annaUpdates).toHaveLength(2);
    expect(await events(`userId=${bert.user.id}&entityId=${budgetId}`)).toHaveLength(1);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    expect(await events(`entityId=${budgetId}&from=${today}&to=${today}`)).toHaveLength(4);
    expect(await events(`entityId=${budgetId}&to=2020-01-01`)).toEqual([]);
    expect(await events(`entityId=${budgetId}&action=delete`)).toEqual([]);
  });

  it('searches the object’s name, its id and the person’s address; wildcards are plain text', async () => {
    const byName = await events(`q=${encodeURIComponent(region.municipalities[0]!.name)}&entity=budget`);
    expect(byName.map((e) => e.entityId)).toContain(budgetId);
    expect((await events(`q=${bert.user.email.split('@')[0]}`)).every((e) => e.userEmail === bert.user.email)).toBe(
      true,
    );
    expect(await events(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('names every bad filter and the reversed period, in Dutch', async () => {
    const bad = await call(ctx, head, 'GET', '/audit-events?userId=anna&action=gewist&from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['action', 'from', 'userId']);
    const reversed = await call(ctx, head, 'GET', '/audit-events?from=2026-03-02&to=2026-03-01');
    expect(reversed.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'to', reason: 'de einddatum ligt vóór de begindatum' }),
    ]);
  });

  it('exports the filtered log as CSV and XLSX', async () => {
    const query = `userId=${anna.user.id}&entityId=${budgetId}`;
    const csv = await ctx.app.request(`/api/v1/audit-events/export?format=csv&${query}`, {
      headers: { Authorization: `Bearer ${head}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Disposition')).toContain('audit-log.csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Tijdstip;Gebruiker;Actie;Soort object;Object;Id;Voor;Na');
    expect(lines.slice(1).map((l) => l.split(';').slice(1, 4))).toEqual([
      [anna.user.email, 'gewijzigd', 'budget'],
      [anna.user.email, 'gewijzigd', 'budget'],
      [anna.user.email, 'aangemaakt', 'budget'],
    ]);
    const xlsx = await ctx.app.request(`/api/v1/audit-events/export?${query}`, {
      headers: { Authorization: `Bearer ${head}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Audit-log')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(5).value).toBe(
      `${region.budgetLines[0]!.name} ${region.municipalities[0]!.name} 2027`,
    );
  });
});

describe('what an audit event keeps', () => {
  it('tells a BSN by the eleven-test', () => {
    expect(looksLikeBsn('111222333')).toBe(true);
    expect(looksLikeBsn('123456782')).toBe(true);
    expect(looksLikeBsn('123456789')).toBe(false);
    expect(looksLikeBsn('12345678')).toBe(false);
  });

  it('never stores a password, a token or a BSN, whatever a caller passes', async () => {
    await recordAudit(ctx.database.db, null, {
      action: 'update',
      entity: 'user',
      entityId: 'x',
      regionId: region.id,
      before: { name: 'Cliënt 111222333', password: 'geheim wachtwoord', nested: [{ bsn: '123456782', token: 'abc' }] },
      after: { passwordHash: 'scrypt$1', note: 'bsn 123456782 gebeld', reference: 'C-123456789' },
    });
    const rows = await queryRows<{ text: string }>(
      ctx.database.db,
      sql`select concat_ws(' ', label, before::text, after::text) as text from ${auditEvents} where entity_id = 'x'`,
    );
    const text = rows[0]!.text;
    for (const secret of ['111222333', '123456782', 'geheim wachtwoord', 'scrypt$1', 'abc'])
      expect(text).not.toContain(secret);
    expect(text).toContain('C-123456789'); // not a BSN: fails the eleven-test
    expect(withoutSecrets({ wachtwoord: 'x', name: 'y' })).toEqual({ name: 'y' });
  });
});

describe('labels of events written before labels were stored', () => {
  it('are filled in by the migration as recordAudit derives them', async () => {
    const migration = await readFile(
      new URL('../../db/migrations/0034_password_resets_audit_labels.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.slice(migration.indexOf('UPDATE "audit_events"'));
    const records = [
      { municipalityName: 'Lopik', budgetLineName: 'Jeugdzorgplus', year: 2026, amount: 5 },
      { reference: 'LEK-2023-001', name: 'Niet dit' },
      { productCode: '45A01', name: 'Ambulante hulp' },
      { name: 'Jeugdhulp De Lekoever' },
      { budgetLine: 'B1', months: [] },
      { amount: 5 },
    ];
    const ids: number[] = [];
    for (const record of records) {
      const [row] = await ctx.database.db
        .insert(auditEvents)
        .values({ action: 'update', entity: 'budget', entityId: 'oud', after: record })
        .returning({ id: auditEvents.id });
      ids.push(row!.id);
    }
    await ctx.database.db.execute(sql.raw(backfill));
    const labels = [];
    for (const id of ids) {
      const [row] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.id, id));
      labels.push(row!.label);
    }
    expect(labels).toEqual(records.map((r) => labelOf(r)));
    expect(labels).toEqual([
      'Jeugdzorgplus Lopik 2026',
      'LEK-2023-001',
      '45A01 Ambulante hulp',
      'Jeugdhulp De Lekoever',
      'B1',
      null,
    ]);
  });
});

import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema/index.js';
import { buildContract, buildProvider, buildRegion } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { contractColumns, extensionColumns } from './contracts-sheet.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

interface Contract {
  id: string;
  reference: string;
  providerId: string;
  endDate: string;
  effectiveEndDate: string;
  budgetCeiling: number | null;
  updatedAt: string;
  extensions: Array<{ newEndDate: string; status: string; decidedOn: string | null; decideBy: string | null }>;
}

type Cells = Record<string, string | number | null>;
async function workbook(contracts: Cells[], extensions: Cells[]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheets: Array<[string, readonly (readonly [string, string])[], Cells[]]> = [
    ['Contracten', contractColumns, contracts],
    ['Verlengingen', extensionColumns, extensions],
  ];
  for (const [name, columns, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns.map(([, h]) => h));
    for (const row of rows) sheet.addRow(columns.map(([, h]) => row[h] ?? null));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function upload(token: string, query: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append('file', new File([bytes], 'contracten.xlsx'));
  const res = await ctx.app.request(`/api/v1/contracts/import?${query}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

async function setup() {
  const region = await buildRegion(ctx);
  const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const [held, incoming] = [await buildProvider(ctx), await buildProvider(ctx)];
  const existing = await buildContract(ctx, {
    regionId: region.id,
    providerId: held.id,
    lotId: region.lots[0]!.id,
    reference: 'K-BESTAAND',
  });
  const list = async () =>
    (await call(ctx, token, 'GET', `/contracts?regionId=${region.id}&pageSize=100`)).body.data as Contract[];
  const audited = async (ids: string[]) =>
    ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'contract'), inArray(auditEvents.entityId, ids)));
  return { region, token, held, incoming, existing, list, audited };
}

const row = (reference: string, agb: string, cells: Cells = {}): Cells => ({
  Kenmerk: reference,
  'AGB-code': agb,
  Perceel: 'AMB',
  Startdatum: '2024-01-01',
  Einddatum: '2025-12-31',
  Procedure: 'Open house',
  Uitvoeringsvariant: 'inspanningsgericht',
  ...cells,
});

describe('contracts import', () => {
  it('previews created and changed contracts, applies them all at once, and changes nothing the second time', async () => {
    const { region, token, held, incoming, existing, list, audited } = await setup();
    const file = await workbook(
      [
        row('K-BESTAAND', held.agbCode, { Einddatum: '2026-12-31', Budgetplafond: 250000 }),
        row('K-NIEUW', incoming.agbCode, { Perceel: 'GZV', Procedure: 'SAS 2', Toelichting: 'Gunning 2023' }),
      ],
      [
        { Kenmerk: 'K-NIEUW', 'Nieuwe einddatum': '2026-12-31', Status: 'besloten', Besluitdatum: '2025-06-01' },
        { Kenmerk: 'K-NIEUW', 'Nieuwe einddatum': '2027-12-31', Status: 'optie', 'Uiterlijk besluiten': '2026-06-30' },
      ],
    );
    const query = `regionId=${region.id}`;
    const preview = await upload(token, query, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      applied: false,
      rows: [
        { row: 2, key: 'K-BESTAAND', name: held.name, action: 'update', changes: ['Einddatum', 'Budgetplafond'] },
        { row: 3, key: 'K-NIEUW', name: incoming.name, action: 'create', changes: [] },
      ],
    });
    // A preview stores nothing and logs nothing.
    expect((await list()).map((c) => [c.reference, c.endDate])).toEqual([['K-BESTAAND', '2025-12-31']]);
    expect(await audited([existing.id])).toHaveLength(1);

    const applied = await upload(token, `${query}&apply=true`, file);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const after = await list();
    const created = after.find((c) => c.reference === 'K-NIEUW')!;
    expect(created).toMatchObject({
      providerId: incoming.id,
      effectiveEndDate: '2026-12-31',
      budgetCeiling: null,
      extensions: [
        { newEndDate: '2026-12-31', status: 'decided', decidedOn: '2025-06-01', decideBy: null },
        { newEndDate: '2027-12-31', status: 'option', decidedOn: null, decideBy: '2026-06-30' },
      ],
    });
    expect(after.find((c) => c.reference === 'K-BESTAAND')).toMatchObject({
      endDate: '2026-12-31',
      budgetCeiling: 250000,
    });
    const events = await audited([existing.id, created.id]);
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'create', 'update']);

    // Idempotent: the same file again changes nothing, stores nothing and logs nothing.
    const again = await upload(token, `${query}&apply=true`, file);
    expect(again.body.rows.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged']);
    expect((await list()).map((c) => c.updatedAt).sort()).toEqual(after.map((c) => c.updatedAt).sort());
    expect(await audited([existing.id, created.id])).toHaveLength(3);
  });

  it('refuses in the preview what the contract rules refuse, named by row and column, and stores nothing', async () => {
    const { region, token, held, incoming, list } = await setup();
    const ended = { Perceel: 'GZV', Startdatum: '2019-01-01', Einddatum: '2020-12-31' };
    await buildContract(ctx, {
      regionId: region.id,
      providerId: incoming.id,
      lotId: region.lots[1]!.id,
      reference: 'K-OUD',
      startDate: ended.Startdatum,
      endDate: ended.Einddatum,
    });
    const file = await workbook(
      [
        row('K-GOED', incoming.agbCode),
        // The same provider and lot as K-BESTAAND, overlapping it.
        row('K-OVERLAP', held.agbCode, { Startdatum: '2025-06-01', Einddatum: '2026-12-31' }),
        row('K-OUD', incoming.agbCode, ended),
      ],
      // An extension decided after the contract had ended cannot revive it.
      [{ Kenmerk: 'K-OUD', 'Nieuwe einddatum': '2021-12-31', Status: 'besloten', Besluitdatum: '2022-03-01' }],
    );
    for (const apply of ['false', 'true']) {
      const refused = await upload(token, `regionId=${region.id}&apply=${apply}`, file);
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams).toEqual([
        {
          name: 'E3',
          code: 'invalid',
          reason: expect.stringMatching(
            /^rij 3, Startdatum: overlapt met contract K-BESTAAND \(2024-01-01 t\/m 2025-12-31\) van dezelfde aanbieder/,
          ),
        },
        {
          name: 'Verlengingen!D2',
          code: 'invalid',
          reason:
            'rij 2, Besluitdatum: contract K-OUD is op 31-12-2020 geëindigd; over een verlenging valt niets meer te besluiten',
        },
      ]);
    }
    expect((await list()).map((c) => c.reference).sort()).toEqual(['K-BESTAAND', 'K-OUD']);
    expect((await list()).find((c) => c.reference === 'K-OUD')!.extensions).toEqual([]);
  });

  it('reads its own XLSX export back unchanged, and an edited export changes only what was edited', async () => {
    const { region, token, incoming, list } = await setup();
    const seeded = await workbook(
      [row('K-NIEUW', incoming.agbCode, { Budgetplafond: 1000, Toelichting: 'Let op' })],
      [{ Kenmerk: 'K-NIEUW', 'Nieuwe einddatum': '2026-12-31', 'Uiterlijk besluiten': '2025-06-30' }],
    );
    expect((await upload(token, `regionId=${region.id}&apply=true`, seeded)).status).toBe(200);
    const exported = await ctx.app.request(`/api/v1/contracts/export?regionId=${region.id}&format=xlsx`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const unchanged = await upload(token, `regionId=${region.id}`, bytes);
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.rows).toEqual([
      expect.objectContaining({ key: 'K-BESTAAND', action: 'unchanged' }),
      expect.objectContaining({ key: 'K-NIEUW', action: 'unchanged' }),
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const extensions = book.getWorksheet('Verlengingen')!;
    const cells = [1, 2, 3, 4, 5, 6].map((c) => extensions.getRow(2).getCell(c).value ?? null);
    expect(cells).toEqual(['K-NIEUW', '2026-12-31', 'optie', null, '2025-06-30', null]);
    extensions.getRow(2).getCell(3).value = 'besloten';
    extensions.getRow(2).getCell(4).value = '2025-05-01';
    const edited = new Uint8Array(await book.xlsx.writeBuffer());
    const applied = await upload(token, `regionId=${region.id}&apply=true`, edited);
    expect(applied.body.rows.filter((r: { action: string }) => r.action !== 'unchanged')).toEqual([
      expect.objectContaining({ key: 'K-NIEUW', action: 'update', changes: ['Verlengingen'] }),
    ]);
    const stored = (await list()).find((c) => c.reference === 'K-NIEUW')!;
    expect(stored).toMatchObject({ budgetCeiling: 1000, effectiveEndDate: '2026-12-31' });
    expect(stored.extensions).toMatchObject([{ status: 'decided', decidedOn: '2025-05-01' }]);
  });

  it('gives a template of both sheets with what goes where, which as it is holds no contracts to read', async () => {
    const { region, token } = await setup();
    const res = await ctx.app.request('/api/v1/contracts/template', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const headerOf = (sheet: string) =>
      (book.getWorksheet(sheet)!.getRow(1).values as unknown[]).slice(1).filter((v) => v !== undefined);
    expect(headerOf('Contracten').slice(0, contractColumns.length)).toEqual(contractColumns.map(([, h]) => h));
    expect(headerOf('Verlengingen')).toEqual(extensionColumns.map(([, h]) => h));
    expect(String(book.getWorksheet('Verlengingen')!.getRow(3).getCell(1).value)).toMatch(/^Eén rij per verlenging/);
    const empty = await upload(token, `regionId=${region.id}`, bytes);
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams).toEqual([
      { name: '2', code: 'empty', reason: 'rij 2: het blad Contracten heeft geen rijen' },
    ]);
  });
});

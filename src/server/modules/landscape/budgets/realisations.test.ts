import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema/index.js';
import { buildRegion } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

async function upload(token: string, query: string, name: string, content: string | Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append('file', new File([content], name));
  const res = await ctx.app.request(`/api/v1/budget-realisations/import?${query}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

async function setup() {
  const region = await buildRegion(ctx);
  const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const line = region.budgetLines.find((l) => l.code === 'GI')!;
  const [a, b] = region.municipalities as [(typeof region.municipalities)[0], (typeof region.municipalities)[0]];
  const list = async () =>
    (await call(ctx, token, 'GET', `/budget-realisations?year=2026&budgetLineId=${line.id}`)).body.data as Array<{
      cbsCode: string;
      month: string;
      amount: number;
    }>;
  return { region, token, line, a, b, list };
}

const header = 'CBS-code;Gemeente;Post;Jaar;jan;feb;mrt;apr;mei;jun;jul;aug;sep;okt;nov;dec';

describe('realisation per municipality, line and month', () => {
  it('enters a month, changes and clears it, each audit-logged', async () => {
    const { token, line, a, list } = await setup();
    const put = (amount: number | null) =>
      call(ctx, token, 'PUT', '/budget-realisations', {
        municipalityId: a.id,
        budgetLineId: line.id,
        month: '2026-03',
        amount,
      });
    expect((await put(12_500.5)).body).toEqual({ saved: 1 });
    expect(await list()).toMatchObject([{ cbsCode: a.cbsCode, month: '2026-03', amount: 12_500.5 }]);
    expect((await put(12_500.5)).body).toEqual({ saved: 0 });
    await put(null);
    expect(await list()).toEqual([]);
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'budget-realisation'), eq(auditEvents.entityId, line.id)));
    expect(events).toHaveLength(2);
    expect(events[0]!.after).toMatchObject({ months: [{ municipalityId: a.id, month: '2026-03', amount: 12_500.5 }] });
    // Named as the budget pages name the line, not by its code.
    expect(events.map((e) => e.label)).toEqual([line.name, line.name]);
  });

  it('refuses a negative amount and a municipality of another region', async () => {
    const { token, line, a } = await setup();
    const other = await buildRegion(ctx);
    const negative = await call(ctx, token, 'PUT', '/budget-realisations', {
      municipalityId: a.id,
      budgetLineId: line.id,
      month: '2026-03',
      amount: -1,
    });
    expect(negative.status).toBe(400);
    expect(negative.body.invalidParams[0]).toMatchObject({ name: 'amount', reason: 'bedrag mag niet negatief zijn' });
    const foreign = await call(ctx, token, 'PUT', '/budget-realisations', {
      municipalityId: other.municipalities[0]!.id,
      budgetLineId: line.id,
      month: '2026-03',
      amount: 1,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.invalidParams[0].name).toBe('municipalityId');
  });

  it('downloads a template per line and year that imports back, as CSV and XLSX', async () => {
    const { token, line, a, b, list } = await setup();
    await call(ctx, token, 'PUT', '/budget-realisations', {
      municipalityId: a.id,
      budgetLineId: line.id,
      month: '2026-01',
      amount: 1000,
    });
    const csv = await ctx.app.request(
      `/api/v1/budget-realisations/template?year=2026&budgetLineId=${line.id}&format=csv`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(csv.headers.get('content-disposition')).toContain('realisatie-GI-2026.csv');
    const rows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(header);
    expect(rows).toContain(`${a.cbsCode};${a.name};GI;2026;1000;;;;;;;;;;;`);
    expect(rows).toHaveLength(3);

    // Filled in: February for both municipalities, with a decimal comma and a thousands point.
    const filled = rows.map((r, i) => (i === 0 ? r : r.replace(/^(\d+;[^;]+;GI;2026;[^;]*);/, '$1;2.500,75;')));
    const imported = await upload(token, `year=2026&budgetLineId=${line.id}`, 'gi.csv', filled.join('\r\n'));
    expect(imported).toMatchObject({ status: 200, body: { saved: 2, unchanged: 1 } });
    expect((await list()).filter((r) => r.month === '2026-02').map((r) => r.amount)).toEqual([2500.75, 2500.75]);

    const xlsx = await ctx.app.request(
      `/api/v1/budget-realisations/template?year=2026&budgetLineId=${line.id}&format=xlsx`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('jan');
    const rowOfB = [2, 3].find((r) => sheet.getRow(r).getCell(1).value === b.cbsCode)!;
    expect(sheet.getRow(rowOfB).getCell(5 + 1).value).toBe(2500.75);
    sheet.getRow(rowOfB).getCell(5 + 2).value = 300;
    const back = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await upload(token, `year=2026&budgetLineId=${line.id}`, 'gi.xlsx', back)).toMatchObject({
      status: 200,
      body: { saved: 1 },
    });
    expect((await list()).find((r) => r.cbsCode === b.cbsCode && r.month === '2026-03')?.amount).toBe(300);
  });

  it('names every wrong cell of a file and saves nothing: other year, other line, bad amounts, foreign municipality', async () => {
    const { token, line, a, b, list } = await setup();
    const file = [
      header,
      `${a.cbsCode};A;GI;2025;100;-5;;;;;;;;;;`,
      `${b.cbsCode};B;ZIN;2026;200;twaalf;;;;;;;;;;`,
      `9999;Elders;GI;2026;300;;;;;;;;;;;`,
    ].join('\r\n');
    const res = await upload(token, `year=2026&budgetLineId=${line.id}`, 'fout.csv', file);
    expect(res.status).toBe(400);
    expect(res.body.detail ?? res.body.title).toBeTruthy();
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['D2', 'F2', 'C3', 'F3', 'A4']);
    const reasons = res.body.invalidParams.map((p: { reason: string }) => p.reason);
    expect(reasons[0]).toContain('jaar "2025" is niet 2026');
    expect(reasons[1]).toContain('negatief');
    expect(reasons[2]).toContain('post "ZIN" is niet GI');
    expect(reasons[3]).toContain('"twaalf" is geen bedrag');
    expect(reasons[4]).toContain('gemeente "9999" hoort niet bij de regio');
    expect(await list()).toEqual([]);
  });

  it('refuses a file that is not the template, and a line of another region', async () => {
    const { token, line } = await setup();
    const other = await buildRegion(ctx);
    const text = await upload(token, `year=2026&budgetLineId=${line.id}`, 'notities.txt', 'hallo');
    expect(text.status).toBe(400);
    expect(text.body.invalidParams[0].name).toBe('file');
    const wrongHeader = await upload(token, `year=2026&budgetLineId=${line.id}`, 'x.csv', 'Gemeente;Bedrag\r\nA;1');
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.body.invalidParams[0]).toMatchObject({ name: 'A1' });
    const foreign = await upload(token, `year=2026&budgetLineId=${other.budgetLines[0]!.id}`, 'x.csv', header);
    expect(foreign.status).toBe(400);
    expect(foreign.body.invalidParams[0].name).toBe('budgetLineId');
  });

  it('is read-only for beleid and hidden from providers', async () => {
    const { region, line } = await setup();
    const { token: beleid } = await buildUser(ctx, 'beleid', undefined, region.id);
    expect((await call(ctx, beleid, 'GET', '/budget-realisations?year=2026')).status).toBe(200);
    const { token: verwijzer } = await buildUser(ctx, 'verwijzer', undefined, region.id);
    expect((await call(ctx, verwijzer, 'GET', '/budget-realisations?year=2026')).status).toBe(403);
    expect((await upload(beleid, `year=2026&budgetLineId=${line.id}`, 'x.csv', header)).status).toBe(403);
  });
});

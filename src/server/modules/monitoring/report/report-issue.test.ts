import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, budgetLines, municipalities } from '../../../db/schema/index.js';
import { seedDemoRegionIfEmpty } from '../../../db/seed/demo.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../../tools/ijw-generator/generate.js';
import { importSources } from '../../exchange/import.service.js';
import { readSources } from '../../exchange/sources.js';
import { refreshKpiFacts } from '../facts.service.js';
import { inspectPdf } from '../testing/pdf-check.js';

/** The region's commentary per quarter and issued reports kept as issued, on a generated, imported region. */
let ctx: TestContext;
let dir: string;
let manager: string;
let policy: string;
let referrer: string;

async function fetchBytes(token: string, path: string) {
  const res = await ctx.app.request(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-report-issue-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 200, years: 2, startYear: 2024, seed: 7 });
  await importSources(
    { db: ctx.database.db, secrets: ctx.secrets, actor: null },
    readSources([join(dir, '2024'), join(dir, '2025')]),
    () => {},
  );
  await refreshKpiFacts(ctx.database.db);
  manager = (await buildUser(ctx, 'contractmanager')).token;
  policy = (await buildUser(ctx, 'beleid')).token;
  referrer = (await buildUser(ctx, 'verwijzer')).token;
}, 240_000);
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the region’s commentary per quarter', () => {
  it('is written per quarter on the report and per KPI, read back, shown in that quarter’s PDF only, and audited', async () => {
    const report = await call(ctx, policy, 'PUT', '/report-comments/2025Q3/report', {
      text: 'De wachttijden dalen sinds de nieuwe afspraken met de aanbieders.',
    });
    expect(report.status).toBe(200);
    expect(report.body.comment).toMatchObject({ subject: 'report', updatedByName: expect.any(String) });
    expect(
      (await call(ctx, manager, 'PUT', '/report-comments/2025Q3/dropout', { text: 'Uitval door één aanbieder.' }))
        .status,
    ).toBe(200);
    const read = await call(ctx, manager, 'GET', '/report-comments/2025Q3');
    expect(read.body.report.text).toBe('De wachttijden dalen sinds de nieuwe afspraken met de aanbieders.');
    expect(read.body.kpis).toEqual([
      expect.objectContaining({ subject: 'dropout', text: 'Uitval door één aanbieder.' }),
    ]);
    expect((await call(ctx, manager, 'GET', '/report-comments/2025Q2')).body).toEqual({
      quarter: '2025Q2',
      report: null,
      kpis: [],
    });

    const pdf = inspectPdf((await fetchBytes(manager, '/reports/quarterly?quarter=2025Q3')).bytes);
    const other = inspectPdf((await fetchBytes(manager, '/reports/quarterly?quarter=2025Q2')).bytes);
    try {
      expect(flat(pdf.text)).toContain('Toelichting van de regio De wachttijden dalen sinds de nieuwe afspraken');
      expect(flat(pdf.text)).toContain('Toelichting van de regio. Uitval door één aanbieder.');
      expect(other.text).not.toContain('De wachttijden dalen');
    } finally {
      pdf.dispose();
      other.dispose();
    }

    // An empty text removes it.
    expect((await call(ctx, manager, 'PUT', '/report-comments/2025Q3/dropout', { text: '  ' })).body).toEqual({
      comment: null,
    });
    expect((await call(ctx, manager, 'GET', '/report-comments/2025Q3')).body.kpis).toEqual([]);
    const events = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entity, 'report-comment'));
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'create', 'delete']);
  });

  it('refuses a quarter that does not exist with a 400 problem naming the quarter, and roles without the right', async () => {
    for (const quarter of ['2019Q1', '2035Q2', '2025Q5']) {
      const res = await call(ctx, manager, 'PUT', `/report-comments/${quarter}/report`, { text: 'Toelichting' });
      expect(res.status, quarter).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'quarter' })]);
    }
    expect((await call(ctx, manager, 'PUT', '/report-comments/2025Q3/unknown_kpi', { text: 'x' })).status).toBe(400);
    expect((await call(ctx, referrer, 'PUT', '/report-comments/2025Q3/report', { text: 'x' })).status).toBe(403);
    expect((await call(ctx, referrer, 'GET', '/report-comments/2025Q3')).status).toBe(403);
  });
});

describe('issued reports', () => {
  it('keeps the issued PDF byte for byte after a later change, and the next report and the list say by how much', async () => {
    // Veilig Thuis is paid outside iJw; the ledger has booked April 2025 for Houten when the report is issued.
    const [line] = await ctx.database.db.select().from(budgetLines).where(eq(budgetLines.code, 'VT'));
    const [houten] = await ctx.database.db.select().from(municipalities).where(eq(municipalities.cbsCode, '0321'));
    const book = (month: string, amount: number) =>
      call(ctx, manager, 'PUT', '/budget-realisations', {
        municipalityId: houten!.id,
        budgetLineId: line!.id,
        month,
        amount,
      });
    expect((await book('2025-04', 100_000)).status).toBe(200);
    const issue = await call(ctx, policy, 'POST', '/issued-reports', { quarter: '2025Q2' });
    expect(issue.status).toBe(201);
    expect(issue.body).toMatchObject({
      quarter: '2025Q2',
      changes: null,
      fileName: expect.stringMatching(/2025Q2-vastgesteld-/),
    });
    const first = await fetchBytes(policy, `/issued-reports/${issue.body.id}/pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const issued = inspectPdf(first.bytes);
    try {
      expect(issued.info.Tagged).toBe('yes');
      expect(flat(issued.pageTexts[0]!)).toMatch(/Vastgesteld .* door /);
    } finally {
      issued.dispose();
    }
    expect((await call(ctx, policy, 'GET', '/issued-reports')).body.data).toEqual([
      expect.objectContaining({ id: issue.body.id, changes: [] }),
    ]);

    // The ledger books May 2025 afterwards: the issued quarter's spend on that line moves.
    const before = await call(ctx, manager, 'GET', `/kpis/money?period=2025Q2`);
    expect((await book('2025-05', 250_000)).status).toBe(200);
    const after = await call(ctx, manager, 'GET', `/kpis/money?period=2025Q2`);
    const spent = (body: typeof before.body) => body.lines.find((l: { code: string }) => l.code === 'VT').spent;
    expect(spent(after.body)).not.toBe(spent(before.body));

    // The issued PDF is still exactly what was issued.
    const again = await fetchBytes(manager, `/issued-reports/${issue.body.id}/pdf`);
    expect(again.bytes.equals(first.bytes)).toBe(true);

    // The list (and so the dashboard) names the moved figure with both values.
    const list = await call(ctx, manager, 'GET', '/issued-reports');
    const change = list.body.data[0].changes.find((c: { subject: string }) => c.subject.startsWith('Veilig Thuis'));
    expect(change).toMatchObject({ issued: spent(before.body), current: spent(after.body), unit: 'euro' });

    // The next quarter's report says by how much.
    const next = inspectPdf((await fetchBytes(manager, '/reports/quarterly?quarter=2025Q3')).bytes);
    try {
      const section = flat(next.text.slice(next.text.indexOf('Gewijzigde cijfers van eerder uitgegeven')));
      expect(section).toContain('2e kwartaal 2025, uitgegeven');
      const difference = spent(after.body) - spent(before.body);
      expect(section).toMatch(
        new RegExp(
          `Veilig Thuis: uitgaven tot en met het kwartaal .*\\+€ ${new Intl.NumberFormat('nl-NL').format(difference)}`,
        ),
      );
    } finally {
      next.dispose();
    }
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entity, 'issued-report'));
    expect(audit).toHaveLength(1);
  }, 120_000);

  it('refuses to issue a quarter without figures, and a verwijzer may neither issue nor list', async () => {
    const res = await call(ctx, manager, 'POST', '/issued-reports', { quarter: '2019Q4' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'quarter' })]);
    expect((await call(ctx, referrer, 'POST', '/issued-reports', { quarter: '2025Q2' })).status).toBe(403);
    expect((await call(ctx, referrer, 'GET', '/issued-reports')).status).toBe(403);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dutchToday } from '../../../shared/period.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { buildAdmin, buildContract, buildProvider, buildRegion } from '../../testing/factories.js';
import { createProduct } from '../landscape/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const today = dutchToday();
const year = Number(today.slice(0, 4));

/** A region with a contract manager, and contracts whose dates lie around today. */
async function regionWithContracts() {
  const region = await buildRegion(ctx);
  const [due, later, ended] = [await buildProvider(ctx), await buildProvider(ctx), await buildProvider(ctx)];
  const lotId = region.lots[0]!.id;
  const end = addMonths(today, 8);
  const dueSoon = await buildContract(ctx, {
    regionId: region.id,
    lotId,
    providerId: due.id,
    startDate: `${year - 2}-01-01`,
    endDate: end,
    extensions: [{ newEndDate: addMonths(end, 24), status: 'option', decideBy: addMonths(today, 2) }],
  });
  const decideLater = await buildContract(ctx, {
    regionId: region.id,
    lotId,
    providerId: later.id,
    startDate: `${year - 2}-01-01`,
    endDate: addMonths(today, 30),
    extensions: [{ newEndDate: addMonths(today, 54), status: 'option', decideBy: addMonths(today, 15) }],
  });
  const endedContract = await buildContract(ctx, {
    regionId: region.id,
    lotId,
    providerId: ended.id,
    startDate: `${year - 3}-01-01`,
    endDate: addMonths(today, -2),
    extensions: [{ newEndDate: addMonths(today, 10), status: 'option', decideBy: addMonths(today, -4) }],
  });
  const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
  return { region, dueSoon, decideLater, endedContract, token, providers: { due, later, ended } };
}

describe('the contract calendar', () => {
  it('lists the decisions due within the horizon, with a signal for one due within three months', async () => {
    const w = await regionWithContracts();
    const res = await call(ctx, w.token, 'GET', `/contract-calendar?region=${w.region.code}`);
    expect(res.status).toBe(200);
    const decisions = res.body.events.filter((e: { kind: string }) => e.kind === 'decision');
    expect(decisions.map((e: { reference: string; signal: boolean }) => [e.reference, e.signal])).toEqual([
      [w.dueSoon.reference, true],
    ]);
    expect(res.body.events.map((e: { reference: string; kind: string }) => [e.reference, e.kind])).toContainEqual([
      w.dueSoon.reference,
      'end',
    ]);
    // The ended contract is no longer in the calendar, nor among the running contracts.
    expect(JSON.stringify(res.body)).not.toContain(w.endedContract.reference);
    const row = res.body.contracts.find((c: { id: string }) => c.id === w.dueSoon.id);
    expect(row.signals).toEqual(['decision-due']);

    const wider = await call(ctx, w.token, 'GET', `/contract-calendar?region=${w.region.code}&horizon=18`);
    expect(wider.body.events.map((e: { reference: string }) => e.reference)).toContain(w.decideLater.reference);
  });

  it("counts for the start page's tile the calendar's decisions due: within three months or overdue, whatever the end", async () => {
    const w = await regionWithContracts();
    const lotId = w.region.lots[0]!.id;
    const startDate = `${year - 2}-01-01`;
    // As LEK-2023-007 in the demo: the decision was due last month, the contract itself ends in two and a half years.
    const overdue = await buildContract(ctx, {
      regionId: w.region.id,
      lotId,
      providerId: (await buildProvider(ctx)).id,
      startDate,
      endDate: addMonths(today, 30),
      extensions: [{ newEndDate: addMonths(today, 54), status: 'option', decideBy: addMonths(today, -1) }],
    });
    // Ends within the year without an option: an end in the calendar, no decision on an extension.
    const ending = await buildContract(ctx, {
      regionId: w.region.id,
      lotId,
      providerId: (await buildProvider(ctx)).id,
      startDate,
      endDate: addMonths(today, 6),
    });
    const res = await call(ctx, w.token, 'GET', `/contract-calendar?region=${w.region.code}`);
    expect(res.status).toBe(200);
    type Event = { reference: string; kind: string; signal: boolean; overdue: boolean };
    const events = res.body.events as Event[];
    const warned = events.filter((e) => e.kind === 'decision' && e.signal);
    expect(warned.map((e) => [e.reference, e.overdue])).toEqual([
      [overdue.reference, true],
      [w.dueSoon.reference, false],
    ]);
    expect(events).toContainEqual(expect.objectContaining({ reference: ending.reference, kind: 'end' }));
    // The number the start page's tile shows is the calendar's own count of those decisions.
    expect(res.body.decisionsDue).toBe(warned.length);
  });

  it('refuses a horizon outside 1 to 60 months, and a provider sees none of it', async () => {
    const w = await regionWithContracts();
    const bad = await call(ctx, w.token, 'GET', '/contract-calendar?horizon=0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const { token } = await buildUser(ctx, 'aanbieder', w.providers.due.id, w.region.id);
    expect((await call(ctx, token, 'GET', '/contract-calendar')).status).toBe(403);
    expect((await call(ctx, token, 'GET', `/contract-calendar/nza-list?year=${year}`)).status).toBe(403);
  });
});

describe('deciding on an extension option', () => {
  it('moves the end when decided, and takes it out of the calendar', async () => {
    const w = await regionWithContracts();
    const option = w.dueSoon.extensions[0]!;
    expect(w.dueSoon.effectiveEndDate).toBe(w.dueSoon.endDate);
    const path = `/contracts/${w.dueSoon.id}/extensions/${option.id}/decision`;
    const res = await call(ctx, w.token, 'POST', path, {
      status: 'decided',
      decidedOn: today,
      note: 'Goed presterend',
    });
    expect(res.status).toBe(200);
    expect(res.body.effectiveEndDate).toBe(option.newEndDate);
    expect(res.body.extensions[0]).toMatchObject({ status: 'decided', decidedOn: today });
    const again = await call(ctx, w.token, 'POST', path, { status: 'declined', decidedOn: today });
    expect(again.status).toBe(409);
    expect(again.body.invalidParams[0]).toMatchObject({ name: 'status', code: 'already-decided' });
    const calendar = await call(ctx, w.token, 'GET', `/contract-calendar?region=${w.region.code}`);
    expect(calendar.body.events.map((e: { reference: string }) => e.reference)).not.toContain(w.dueSoon.reference);
  });

  it('refuses a decision on a contract that has ended, in Dutch, and saves nothing', async () => {
    const w = await regionWithContracts();
    const option = w.endedContract.extensions[0]!;
    const path = `/contracts/${w.endedContract.id}/extensions/${option.id}/decision`;
    const res = await call(ctx, w.token, 'POST', path, { status: 'decided', decidedOn: today });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams[0]).toMatchObject({ code: 'contract-ended' });
    expect(res.body.invalidParams[0].reason).toContain('geëindigd');
    // Nor through the contract's own PATCH.
    const patch = await call(ctx, w.token, 'PATCH', `/contracts/${w.endedContract.id}`, {
      extensions: [{ newEndDate: option.newEndDate, status: 'decided', decidedOn: today }],
    });
    expect(patch.status).toBe(409);
    const after = await call(ctx, w.token, 'GET', `/contracts/${w.endedContract.id}`);
    expect(after.body.extensions[0]).toMatchObject({ status: 'option', decidedOn: null });
    expect(after.body.effectiveEndDate).toBe(w.endedContract.endDate);
  });

  it('never moves the end for an option or a declined extension', async () => {
    const region = await buildRegion(ctx);
    const contract = await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      endDate: '2025-12-31',
      extensions: [
        { newEndDate: '2026-12-31', status: 'declined' },
        { newEndDate: '2027-12-31', status: 'option' },
      ],
    });
    expect(contract.effectiveEndDate).toBe('2025-12-31');
  });
});

describe('tiers with reasons', () => {
  async function contracted() {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: provider.id,
      startDate: `${year - 1}-01-01`,
      endDate: `${year + 2}-12-31`,
    });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const level = (scheme: string, code: string) =>
      region.tierLevels.find((t) => t.scheme === scheme && t.code === code)!.id;
    return { region, provider, token, level };
  }

  it('records a confirmed or overridden tier with its reason in the history', async () => {
    const w = await contracted();
    const overview = await call(ctx, w.token, 'GET', `/provider-tiers?region=${w.region.code}`);
    expect(overview.status).toBe(200);
    const row = overview.body.providers.find((p: { providerId: string }) => p.providerId === w.provider.id);
    expect(row).toMatchObject({ measures: { lots: 1 }, current: { omvang: [], rol: [] } });
    const path = `/providers/${w.provider.id}/tier-decisions`;
    const first = await call(ctx, w.token, 'POST', path, {
      regionId: w.region.id,
      tierLevelIds: [w.level('omvang', row.suggested), w.level('rol', 'B')],
      reason: 'Past bij het volume',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ decision: 'confirmed', after: { omvang: [row.suggested], rol: ['B'] } });
    const other = row.suggested === 'hoog' ? 'basis' : 'hoog';
    const second = await call(ctx, w.token, 'POST', path, {
      regionId: w.region.id,
      tierLevelIds: [w.level('omvang', other)],
      reason: 'Strategische partner voor crisis',
    });
    expect(second.body).toMatchObject({ decision: 'overridden', before: { omvang: [row.suggested], rol: ['B'] } });
    const history = await call(ctx, w.token, 'GET', `${path}?region=${w.region.code}`);
    expect(history.body.map((h: { reason: string }) => h.reason)).toEqual([
      'Strategische partner voor crisis',
      'Past bij het volume',
    ]);
  });

  it('refuses an override without a reason and an excluded combination (A with C), saving nothing', async () => {
    const w = await contracted();
    const path = `/providers/${w.provider.id}/tier-decisions`;
    const noReason = await call(ctx, w.token, 'POST', path, {
      regionId: w.region.id,
      tierLevelIds: [w.level('omvang', 'hoog')],
      reason: '   ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams).toEqual([expect.objectContaining({ name: 'reason' })]);
    const excluded = await call(ctx, w.token, 'POST', path, {
      regionId: w.region.id,
      tierLevelIds: [w.level('rol', 'A'), w.level('rol', 'C')],
      reason: 'Beide rollen',
    });
    expect(excluded.status).toBe(400);
    expect(excluded.body.invalidParams[0]).toMatchObject({ name: 'tierLevelIds', code: 'exclusive-tiers' });
    expect(excluded.body.invalidParams[0].reason).toContain('sluiten elkaar uit');
    const history = await call(ctx, w.token, 'GET', `${path}?region=${w.region.code}`);
    expect(history.body).toEqual([]);
    const provider = await call(ctx, w.token, 'GET', `/providers/${w.provider.id}`);
    expect(provider.body.tiers).toEqual([]);
  });
});

describe('the NZa list', () => {
  it('lists each contracted provider with its KvK number and the forms of youth help of its lots', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx, { name: 'Jeugdhulp NZa-lijst', kvkNumber: '12345678' });
    const { actor } = await buildAdmin(ctx);
    await createProduct(ctx.database.db, actor, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      productCategory: '45',
      productCode: '45A01',
      name: 'Ambulante jeugdhulp',
      unit: '04',
      fundingVariant: 'inspanningsgericht',
      withStay: false,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      tariffs: [{ year: 2025, tariff: 80 }],
    });
    await buildContract(ctx, { regionId: region.id, lotId: region.lots[0]!.id, providerId: provider.id });
    const notThatYear = await buildProvider(ctx, { name: 'Pas later gecontracteerd' });
    await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: notThatYear.id,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await ctx.app.request(`/api/v1/contract-calendar/nza-list?year=2025&region=${region.code}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('nza-gecontracteerde-aanbieders-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const values = rows.map((r) => r.slice(1));
    expect(values[0]).toEqual([
      'Naam aanbieder',
      'KvK-nummer',
      'AGB-code',
      'Vormen van jeugdhulp (productcategorie)',
      'Percelen',
    ]);
    expect(values[1]).toEqual([
      'Jeugdhulp NZa-lijst',
      '12345678',
      provider.agbCode,
      expect.stringMatching(/^45 /),
      'AMB',
    ]);
    expect(JSON.stringify(values)).not.toContain('Pas later gecontracteerd');
  });
});

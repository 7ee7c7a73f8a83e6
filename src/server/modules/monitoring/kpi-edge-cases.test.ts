import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiFilters, KpiGroupBy, KpiId, KpiResult } from '../../../shared/kpi.js';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildAdmin, buildProvider } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { generateBsn } from '../exchange/generator/bsn.js';
import { monthEnd, monthOf, monthStart, parseDay } from '../exchange/generator/dates.js';
import type { GeneratorMunicipality, GeneratorProduct } from '../exchange/generator/landscape.js';
import { renderMessage } from '../exchange/generator/messages/index.js';
import type { Declaration, MessageEvent, NewEvent, Prestatie, Trajectory, Youth } from '../exchange/generator/model.js';
import { createRng } from '../exchange/generator/prng.js';
import { sequence } from '../exchange/generator/sequence.js';
import { importSources, type FileResult } from '../exchange/import.service.js';
import type { ImportSource } from '../exchange/sources.js';
import { createRegion } from '../landscape/regions/regions.service.js';
import { computeKpis } from './kpi.service.js';

/**
 * Hand-made edge cases, each isolated by its own provider (a filter) or, where the data date matters, its own region.
 * All data arrive as real iJw 3.2 messages through importSources: the trajectories are written with the generator's
 * model and message renderers (JW315, JW301, JW305, JW307, JW323), numbered by its sequencer and imported like any
 * file, so the trajectory table is built by the import itself. Nothing is inserted into ijw_trajectories directly.
 */

let ctx: TestContext;
let lekstroom: string;
let horizonRegion: string;

// ---------------------------------------------------------------------------------------------------------------
// A small writer of care stories on top of the generator's model.

const municipality = (cbsCode: string, name: string): GeneratorMunicipality => ({ cbsCode, name, inhabitants: 10_000 });
const houten = municipality('0321', 'Houten');
const ijsselstein = municipality('0353', 'IJsselstein');
const lopik = municipality('0331', 'Lopik');
const nieuwegein = municipality('0356', 'Nieuwegein');
const horizon = municipality('0999', 'Horizon');

const product = (productCategory: string, productCode: string, unit: string, fundingVariant: GeneratorProduct['fundingVariant'], withStay: boolean, tariff: number): GeneratorProduct =>
  ({ productCategory, productCode, unit, fundingVariant, withStay, tariff });
/** Products of the demo region (45A01, 45A02 and 54B01 in lot AMB), and two taakgericht ones the region does not know. */
const begeleidingLicht = product('45', '45A01', '04', 'inspanningsgericht', false, 68.5);
const begeleidingMidden = product('45', '45A02', '04', 'inspanningsgericht', false, 74.2);
const ggz = product('54', '54B01', '01', 'inspanningsgericht', false, 2.05);
const wijkteam = product('45', '45T01', '04', 'taakgericht', false, 70);
const logeerhuis = product('44', '44T01', '14', 'taakgericht', true, 150);

interface CareOptions {
  youth: Youth;
  provider: string;
  product: GeneratorProduct;
  begin: string;
  end?: string;
  reason?: string;
  /** Without it the care is taakgericht: JW305/JW307 keyed on product and begin date, no JW301. */
  allocation?: { start: string; end: string; decided?: string; perWeek?: number };
  /** A JW315 on this day before the allocation (linked by ReferentieAanbieder). */
  requested?: string;
}

class Stories {
  private readonly rng = createRng(20_250_315);
  private readonly used = new Set<string>();
  private readonly events: MessageEvent[] = [];
  private readonly prestaties = new Map<string, { provider: string; municipality: string; month: number; clients: Map<string, Prestatie[]> }>();
  private seq = 0;
  private nextTrajectory = 1;
  private nextYouth = 1;
  private nextReference = 1;

  youth(born: string, home: GeneratorMunicipality = nieuwegein): Youth {
    const id = this.nextYouth++;
    return {
      id, bsn: generateBsn(this.rng, this.used), birthDay: parseDay(born), gender: id % 2 ? '1' : '2', lastName: `Jansen${id}`, prefix: '',
      firstNames: 'Sam', initials: 'S', municipality: home, address: { street: 'Dorpsstraat', houseNumber: id, postcode: '3431AB', city: home.name },
    };
  }

  private emit(e: NewEvent): void {
    this.events.push({ ...e, seq: this.seq++, identificatie: '', path: '' } as MessageEvent);
  }

  care(o: CareOptions): Trajectory {
    const gemeente = o.youth.municipality.cbsCode;
    const begin = parseDay(o.begin);
    const t: Trajectory = {
      id: this.nextTrajectory++, youth: o.youth, provider: { agbCode: o.provider, products: [o.product] }, product: o.product,
      referrer: { type: '01', name: `Sociaal team ${o.youth.municipality.name}` }, firstDay: begin, status: 'running', begin,
    };
    let startReport = begin;
    if (o.allocation) {
      const decided = parseDay(o.allocation.decided ?? o.allocation.start);
      const end = parseDay(o.allocation.end);
      const reference = o.requested ? `REF-${t.id}` : undefined;
      t.allocation = {
        number: 0, decisionDay: decided, time: '10:00:00', start: parseDay(o.allocation.start), end, originalEnd: end,
        omvang: o.product.unit === '01' ? { volume: 480, unit: '01', frequency: '4' } : o.product.unit === '14' ? { volume: 7, unit: '14', frequency: '2' }
          : { volume: o.allocation.perWeek ?? 4, unit: o.product.unit, frequency: '2' },
        ...(reference ? { providerReference: reference } : {}),
      };
      if (o.requested && reference) {
        t.request = { day: parseDay(o.requested), reference, wantedStart: t.allocation.start, wantedEnd: end };
        this.emit({ type: 'JW315', trajectory: t, day: t.request.day, sender: o.provider, receiver: gemeente });
      }
      this.emit({ type: 'JW301', trajectory: t, change: false, day: decided, sender: gemeente, receiver: o.provider });
      startReport = Math.max(begin, decided);
    }
    t.startReportDay = startReport;
    this.emit({ type: 'JW305', trajectory: t, day: startReport, sender: o.provider, receiver: gemeente });
    if (o.end) {
      t.end = parseDay(o.end);
      t.reason = o.reason ?? '31';
      t.status = 'ended';
      this.emit({ type: 'JW307', trajectory: t, day: Math.max(t.end, startReport) + 1, sender: o.provider, receiver: gemeente });
    }
    return t;
  }

  /** One prestatie for the month (YYYY-MM) of an allocated trajectory: from its begin or the 1st to the month's end or its end. */
  declare(t: Trajectory, month: string, volume: number): number {
    const m = monthOf(parseDay(`${month}-01`));
    const from = Math.max(monthStart(m), t.begin!, t.allocation!.start);
    const to = Math.min(monthEnd(m), t.end ?? Infinity, t.allocation!.end);
    const tariffCents = Math.round(t.product.tariff * 100);
    const key = `${t.provider.agbCode}|${t.youth.municipality.cbsCode}|${m}`;
    let d = this.prestaties.get(key);
    if (!d) this.prestaties.set(key, (d = { provider: t.provider.agbCode, municipality: t.youth.municipality.cbsCode, month: m, clients: new Map() }));
    let list = d.clients.get(t.youth.bsn);
    if (!list) d.clients.set(t.youth.bsn, (list = []));
    list.push({ trajectory: t, reference: `P${this.nextReference++}`, from, to, volume, tariffCents, amountCents: volume * tariffCents });
    return volume * tariffCents;
  }

  /** The messages as files, in time order, numbered and rendered as the generator does. */
  files(): ImportSource[] {
    for (const d of this.prestaties.values()) {
      const clients = [...d.clients].map(([bsn, prestaties]) => ({ bsn, prestaties }));
      const declaration: Declaration = {
        provider: d.provider, municipality: d.municipality, month: d.month, clients,
        number: `D${d.month}${d.municipality}`, totalCents: clients.reduce((s, c) => s + c.prestaties.reduce((x, p) => x + p.amountCents, 0), 0),
      };
      this.emit({ type: 'JW323', declaration, day: monthEnd(d.month) + 5, sender: d.provider, receiver: d.municipality });
    }
    return sequence(this.events).events.map((e) => ({ name: e.path, bytes: Buffer.from(renderMessage(e)) }));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The stories. Providers 98000001… each hold one case, so a provider filter isolates it.

const P = {
  boundary: '98000001', overlap: '98000002', reasons: '98000003', reentry: '98000004', taak: '98000005', adult: '98000006',
  forecast: '98000007', small: '98000008', horizon: '98000009', wait: '98000010', clamp: '98000011',
} as const;
/** Cents declared per forecast trajectory and month, kept to state the expected forecast below. */
const declared = { g1: 0, g2: 0, g3: 0 };

function writeStories(s: Stories): void {
  // A: one trajectory across the quarter boundary, 15 March – 10 April 2025.
  s.care({ youth: s.youth('2012-05-01'), provider: P.boundary, product: begeleidingLicht, allocation: { start: '2025-03-01', end: '2025-06-30', decided: '2025-03-03' },
    begin: '2025-03-15', end: '2025-04-10', reason: '31' });

  // B: youth B1 with two overlapping allocations of the same product; youth B2 with two products at once.
  const b1 = s.youth('2011-02-02');
  s.care({ youth: b1, provider: P.overlap, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2025-05-31' }, begin: '2025-01-06', end: '2025-05-30', reason: '31' });
  s.care({ youth: b1, provider: P.overlap, product: begeleidingLicht, allocation: { start: '2025-03-01', end: '2025-08-31' }, begin: '2025-03-03', end: '2025-08-29', reason: '31' });
  const b2 = s.youth('2013-03-03');
  s.care({ youth: b2, provider: P.overlap, product: begeleidingLicht, allocation: { start: '2025-04-01', end: '2025-06-30' }, begin: '2025-04-07' });
  s.care({ youth: b2, provider: P.overlap, product: ggz, allocation: { start: '2025-04-01', end: '2025-09-30' }, begin: '2025-04-14' });

  // C: reasons. 39 (uitstroom naar ander domein: turned 18 on 10 March 2025), 34 (voortijdig), 20 and 37 (administrative), 38 (other).
  s.care({ youth: s.youth('2007-03-10'), provider: P.reasons, product: begeleidingMidden, allocation: { start: '2024-09-01', end: '2025-06-30' }, begin: '2024-09-02', end: '2025-04-01', reason: '39' });
  s.care({ youth: s.youth('2010-01-01'), provider: P.reasons, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2025-06-30' }, begin: '2025-01-06', end: '2025-05-15', reason: '34' });
  s.care({ youth: s.youth('2010-01-02'), provider: P.reasons, product: begeleidingLicht, allocation: { start: '2025-02-01', end: '2025-06-30' }, begin: '2025-02-03', end: '2025-05-20', reason: '20' });
  s.care({ youth: s.youth('2010-01-03'), provider: P.reasons, product: begeleidingLicht, allocation: { start: '2025-02-01', end: '2025-06-30' }, begin: '2025-02-03', end: '2025-06-02', reason: '37' });
  s.care({ youth: s.youth('2010-01-04'), provider: P.reasons, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2025-06-30' }, begin: '2025-01-13', end: '2025-06-10', reason: '38' });

  // D: herhaald beroep. D1 back one day after the end; D2 a new start on the end day itself; D3 back 6 months + 1 day
  // later; D4 moved to another provider (38, not counted); D5 never back.
  const again = (born: string, firstBegin: string, end: string, reason: string, next: string | null) => {
    const y = s.youth(born);
    s.care({ youth: y, provider: P.reentry, product: begeleidingLicht, allocation: { start: firstBegin, end: '2025-12-31' }, begin: firstBegin, end, reason });
    if (next) s.care({ youth: y, provider: P.reentry, product: begeleidingMidden, allocation: { start: next, end: '2025-12-31' }, begin: next });
  };
  again('2012-01-01', '2025-01-06', '2025-03-31', '31', '2025-04-01');
  again('2012-01-02', '2025-01-06', '2025-02-28', '31', '2025-02-28');
  again('2012-01-03', '2024-10-07', '2025-01-31', '32', '2025-08-01');
  again('2012-01-04', '2025-01-06', '2025-03-14', '38', '2025-03-17');
  again('2012-01-05', '2025-01-06', '2025-02-14', '31', null);

  // E: taakgericht care, no JW301: ambulant 45T01 ended early by the provider (33); a short stay 44T01 (stay by productcategorie 44).
  s.care({ youth: s.youth('2014-06-06'), provider: P.taak, product: wijkteam, begin: '2025-02-03', end: '2025-06-20', reason: '33' });
  s.care({ youth: s.youth('2014-07-07'), provider: P.taak, product: logeerhuis, begin: '2025-01-10', end: '2025-05-09', reason: '31' });

  // F: 18+ by birth year only: born on the last day of 2007 and on the first of 2008.
  for (const born of ['2007-12-31', '2008-01-01']) {
    s.care({ youth: s.youth(born), provider: P.adult, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2026-06-30' }, begin: '2025-01-06' });
  }

  // G: money. G1 and G2 still running after June 2025 (allocation ends 31 Dec and 30 Sep), G3 ended 31 May.
  const g1 = s.care({ youth: s.youth('2011-11-11'), provider: P.forecast, product: begeleidingLicht, allocation: { start: '2024-10-01', end: '2025-12-31' }, begin: '2024-10-01' });
  for (const m of ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']) declared.g1 = s.declare(g1, m, 10);
  const g2 = s.care({ youth: s.youth('2011-11-12'), provider: P.forecast, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2025-09-30' }, begin: '2025-01-06' });
  for (const m of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']) declared.g2 = s.declare(g2, m, 8);
  const g3 = s.care({ youth: s.youth('2011-11-13'), provider: P.forecast, product: begeleidingLicht, allocation: { start: '2025-01-01', end: '2025-12-31' }, begin: '2025-01-06', end: '2025-05-31', reason: '31' });
  for (const m of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) declared.g3 = s.declare(g3, m, 5);

  // H: 7 youths in Lopik, 12 in Houten, 15 in IJsselstein, 20 in Nieuwegein, all starting in Q3 2025; three of
  // Nieuwegein's are 18+ (born 2006).
  for (const [home, n] of [[lopik, 7], [houten, 12], [ijsselstein, 15], [nieuwegein, 20]] as const) {
    for (let i = 0; i < n; i++) {
      const born = home === nieuwegein && i < 3 ? '2006-05-05' : '2012-09-09';
      s.care({ youth: s.youth(born, home), provider: P.small, product: begeleidingLicht, allocation: { start: '2025-07-01', end: '2025-12-31' }, begin: '2025-07-07' });
    }
  }

  // W: wait. W1 asked (JW315) 24 Feb, allocated 3 Mar, started 15 Mar: 19 days from the request. W2 started 17 Mar
  // before its allocation of 20 Mar: 0 days. W3 taakgericht: no request or allocation, so no wait.
  s.care({ youth: s.youth('2013-01-01'), provider: P.wait, product: begeleidingLicht, requested: '2025-02-24', allocation: { start: '2025-03-01', end: '2025-08-31', decided: '2025-03-03' }, begin: '2025-03-15' });
  s.care({ youth: s.youth('2013-01-02'), provider: P.wait, product: begeleidingLicht, allocation: { start: '2025-03-17', end: '2025-08-31', decided: '2025-03-20' }, begin: '2025-03-17' });
  s.care({ youth: s.youth('2013-01-03'), provider: P.wait, product: wijkteam, begin: '2025-03-10' });

  // The data date of Lekstroom: the latest start, 28 February 2026 (so 6-month windows of 2025 up to 31 August are observed).
  s.care({ youth: s.youth('2015-01-01'), provider: P.horizon, product: begeleidingLicht, allocation: { start: '2026-02-16', end: '2026-06-30' }, begin: '2026-02-28' });
  // K: an ending on 31 August 2025: + 6 months = 28 February 2026, exactly the data date.
  s.care({ youth: s.youth('2012-08-08'), provider: P.clamp, product: begeleidingLicht, allocation: { start: '2025-03-01', end: '2025-12-31' }, begin: '2025-03-03', end: '2025-08-31', reason: '31' });

  // I: region Horizon, whose own data date is 28 February 2025: an ending on 10 September 2024 has not had its
  // 6 months (to 10 March 2025) observed there.
  s.care({ youth: s.youth('2012-12-12', horizon), provider: P.horizon, product: begeleidingLicht, allocation: { start: '2024-03-01', end: '2024-12-31' }, begin: '2024-03-04', end: '2024-09-10', reason: '31' });
  s.care({ youth: s.youth('2012-12-13', horizon), provider: P.horizon, product: begeleidingLicht, allocation: { start: '2025-02-01', end: '2025-06-30' }, begin: '2025-02-28' });
}

// ---------------------------------------------------------------------------------------------------------------

const imported: FileResult[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  await seedDemoRegionIfEmpty(db);
  const { actor } = await buildAdmin(ctx);
  await createRegion(db, actor, { code: 'horizonregio', name: 'Horizonregio', municipalities: [{ cbsCode: horizon.cbsCode, name: horizon.name }], lots: [], budgetLines: [] });
  for (const agb of Object.values(P)) await buildProvider(ctx, { agbCode: agb, name: `Aanbieder ${agb}` });
  const regions = await queryRows<{ code: string; id: string }>(db, sql`select code, id::text as id from regions`);
  lekstroom = regions.find((r) => r.code === 'lekstroom')!.id;
  horizonRegion = regions.find((r) => r.code === 'horizonregio')!.id;

  const stories = new Stories();
  writeStories(stories);
  const files = stories.files();
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const f of files) yield f;
  }
  await importSources({ db, secrets: ctx.secrets, actor: null }, sources(), (r) => imported.push(r));
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

interface Ask { groupBy?: KpiGroupBy; filters?: KpiFilters; threshold?: number; region?: string }
async function kpi(id: KpiId, period: string, ask: Ask = {}): Promise<KpiResult> {
  const response = await computeKpis(ctx.database.db, {
    regionId: ask.region ?? lekstroom, period, kpis: [id], groupBy: ask.groupBy ?? 'region', filters: ask.filters, threshold: ask.threshold ?? 1,
  });
  return response.data[0]!;
}
const at = (provider: string, ask: Omit<Ask, 'filters'> = {}): Ask => ({ ...ask, filters: { provider } });
const figures = (r: KpiResult) => ({ value: r.total.value, numerator: r.total.numerator, denominator: r.total.denominator, youths: r.total.youths });
const rows = (r: KpiResult) => Object.fromEntries(r.rows.map((c) => [c.key, c.value]));

describe('the hand-made messages', () => {
  it('are all accepted by the import, and build the trajectories', async () => {
    expect(imported.filter((r) => r.status !== 'accepted').map((r) => `${r.file}: ${JSON.stringify(r.reasons)}`)).toEqual([]);
    expect(imported.length).toBeGreaterThan(150);
    const [n] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ijw_trajectories where start_date is not null`);
    expect(n!.n).toBe(87);
  });
});

describe('a trajectory across the period boundary (15 March – 10 April 2025)', () => {
  it('is in care in Q1 and in Q2, flows in in Q1 only and out in Q2 only', async () => {
    const a = at(P.boundary);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025Q2', a)).total.value).toBe(1);
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('inflow', '2025Q2', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025Q1', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025Q2', a)).total.value).toBe(1);
  });

  it('counts its first and last day (inclusive), and nothing after the end', async () => {
    const a = at(P.boundary);
    expect((await kpi('youths_in_care', '2025-03-15/2025-03-15', a)).total.value).toBe(1);
    // (No youth at all gives an empty total; that it should read 0 is tested under "a count over no youths".)
    expect((await kpi('youths_in_care', '2025-03-01/2025-03-14', a)).total).toMatchObject({ youths: 0, value: expect.toBeOneOf([0, null]) });
    expect((await kpi('youths_in_care', '2025-04-10/2025-04-10', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025-04-11/2025-06-30', a)).total).toMatchObject({ youths: 0, value: expect.toBeOneOf([0, null]) });
    expect((await kpi('outflow', '2025-03', a)).total.value).toBe(0);
    expect((await kpi('inflow', '2025-04', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025-04', a)).total.value).toBe(1);
  });
});

describe('one youth with overlapping trajectories of the same product', () => {
  it('are two trajectories in the table', async () => {
    const [r] = await queryRows<{ n: number; youths: number }>(ctx.database.db, sql`
      select count(*)::int as n, count(distinct client_pseudonym)::int as youths from ijw_trajectories where provider_agb = ${P.overlap} and product_code = '45A01'`);
    expect(r).toEqual({ n: 3, youths: 2 });
  });

  it('counts the youth once in the total and once per cell; rows may add up to more than the total', async () => {
    const a = at(P.overlap);
    expect((await kpi('youths_in_care', '2025Q2', a)).total.value).toBe(2);
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'productCategory' })))).toEqual({ 45: 2, 54: 1 });
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'lot' })))).toEqual({ AMB: 2 });
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'municipality' })))).toEqual({ '0356': 2 });
    // Q1: both of B1's trajectories start, one youth flows in.
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(1);
  });

  it('judges inflow and outflow per youth within the cell, not per trajectory', async () => {
    // Q2: B1's first trajectory ends 30 May but the second runs on (no outflow; it was in care on 31 March: no inflow);
    // B2 is new in both categories.
    expect((await kpi('inflow', '2025Q2', at(P.overlap))).total.value).toBe(1);
    expect(rows(await kpi('inflow', '2025Q2', at(P.overlap, { groupBy: 'productCategory' })))).toEqual({ 45: 1, 54: 1 });
    expect((await kpi('outflow', '2025Q2', at(P.overlap))).total.value).toBe(0);
    // Q3: B1's second trajectory ends 29 August; B2 runs on.
    expect((await kpi('outflow', '2025Q3', at(P.overlap))).total.value).toBe(1);
  });

  it('counts endings per trajectory', async () => {
    expect(figures(await kpi('ended_per_plan', '2025Q2', at(P.overlap)))).toEqual({ value: 100, numerator: 1, denominator: 1, youths: 1 });
  });
});

describe('reasons for ending (JZ588)', () => {
  it('counts 39, uitstroom naar ander domein (turning 18), as ended per plan and not as drop-out', async () => {
    expect(figures(await kpi('ended_per_plan', '2025-04', at(P.reasons)))).toEqual({ value: 100, numerator: 1, denominator: 1, youths: 1 });
    expect(figures(await kpi('dropout', '2025-04', at(P.reasons)))).toEqual({ value: 0, numerator: 0, denominator: 1, youths: 1 });
  });

  it('leaves 20 and 37 out of the endings, counts 38 in the denominator only', async () => {
    // Q2: 39 (per plan), 34 (early), 38 (other) count; 20 and 37 do not.
    expect(figures(await kpi('ended_per_plan', '2025Q2', at(P.reasons)))).toEqual({ value: 33.3, numerator: 1, denominator: 3, youths: 3 });
    expect(figures(await kpi('dropout', '2025Q2', at(P.reasons)))).toEqual({ value: 33.3, numerator: 1, denominator: 3, youths: 3 });
  });
});

describe('herhaald beroep (repeat care)', () => {
  it('counts a new start one day after the end, not one on the end day itself, and leaves 38 out', async () => {
    // Q1 endings: D1 (back 1 April: counts), D2 (new start on its end day 28 Feb: not in (end, end + 6 months]),
    // D3 (back after 6 months and a day), D5 (never back); D4 ended with 38 and is left out.
    expect(figures(await kpi('repeat_care_6m', '2025Q1', at(P.reentry)))).toEqual({ value: 25, numerator: 1, denominator: 4, youths: 4 });
    expect(figures(await kpi('repeat_care_6m', '2025-03', at(P.reentry)))).toEqual({ value: 100, numerator: 1, denominator: 1, youths: 1 });
  });

  it('uses the 12-month window for repeat_care_12m, and only endings whose window lies before the data date', async () => {
    // The data date is 28 February 2026, so of Q1 D3 (31 Jan), D5 (14 Feb) and D2 (28 Feb) have a whole year
    // observed, D1 (31 Mar) not; D3 came back on 1 August 2025, within its 12 months.
    expect(figures(await kpi('repeat_care_12m', '2025Q1', at(P.reentry)))).toEqual({ value: 33.3, numerator: 1, denominator: 3, youths: 3 });
  });

  it('takes an ending into account when end + 6 months (calendar months, clamped) falls exactly on the data date', async () => {
    // 31 August 2025 + 6 months = 28 February 2026 = the data date (docs/kpi.md: "whose end + 6 months ≤ the data
    // date"). Deriving a cut-off the other way round (data date − 6 months = 28 August) would drop 29–31 August.
    expect(figures(await kpi('repeat_care_6m', '2025-08', at(P.clamp)))).toEqual({ value: 0, numerator: 0, denominator: 1, youths: 1 });
  });

  it('judges "observed" by the data date of the region itself, not of another region', async () => {
    // docs/kpi.md: "Data date: the latest start or end date among the region's trajectories". Region Horizon's
    // is 28 February 2025, so its ending of 10 September 2024 (+ 6 months = 10 March 2025) is not observed yet,
    // however far Lekstroom's data reach.
    const result = await kpi('repeat_care_6m', '2024-09', { region: horizonRegion });
    expect(figures(result)).toEqual({ value: null, numerator: 0, denominator: 0, youths: 0 });
  });
});

describe('taakgericht care (JW305/JW307 without JW301)', () => {
  it('builds trajectories without an allocation', async () => {
    const rowsInTable = await queryRows<{ key: string; allocation_number: string | null }>(ctx.database.db, sql`
      select trajectory_key as key, allocation_number from ijw_trajectories where provider_agb = ${P.taak} order by start_date`);
    expect(rowsInTable).toHaveLength(2);
    expect(rowsInTable.every((r) => r.key.startsWith('T|') && r.allocation_number === null)).toBe(true);
  });

  it('counts in youths in care, inflow, outflow, drop-out, ended per plan, length of stay and the care mix', async () => {
    const a = at(P.taak);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(2);
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(2);
    expect((await kpi('outflow', '2025Q2', a)).total.value).toBe(2);
    expect(figures(await kpi('dropout', '2025Q2', a))).toEqual({ value: 50, numerator: 1, denominator: 2, youths: 2 });
    expect(figures(await kpi('ended_per_plan', '2025Q2', a))).toEqual({ value: 50, numerator: 1, denominator: 2, youths: 2 });
    // 44T01 is unknown to the region: stay by productcategorie 44; 10 January – 9 May 2025 is 120 days, both counted.
    expect(figures(await kpi('length_of_stay', '2025Q2', a))).toEqual({ value: 120, numerator: 120, denominator: 1, youths: 1 });
    expect(figures(await kpi('ambulant_stay_ratio', '2025Q1', a))).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(rows(await kpi('youths_in_care', '2025Q1', at(P.taak, { groupBy: 'lot' })))).toEqual({ '–': 2 });
  });

  it('has no wait (no request, no allocation date)', async () => {
    expect(figures(await kpi('wait_days', '2025Q1', at(P.taak)))).toEqual({ value: null, numerator: null, denominator: 0, youths: 0 });
  });
});

describe('wait days', () => {
  it('measures from the request, else the allocation, never below 0, and leaves taakgericht care out', async () => {
    // W1: 24 Feb → 15 Mar = 19 days; W2: started before its allocation = 0; W3 taakgericht: no wait. Median of 0 and 19.
    expect(figures(await kpi('wait_days', '2025Q1', at(P.wait)))).toEqual({ value: 9.5, numerator: null, denominator: 2, youths: 2 });
  });
});

describe('18+ by birth year (only the year is kept)', () => {
  it('counts a youth born in year(L) − 18 or before, whatever the day', async () => {
    const [years] = await queryRows<{ years: string }>(ctx.database.db, sql`
      select string_agg(birth_year::text, ',' order by birth_year) as years from ijw_trajectories where provider_agb = ${P.adult}`);
    expect(years!.years).toBe('2007,2008');
    expect((await kpi('youths_18_plus', '2025', at(P.adult))).total.value).toBe(1);
    expect((await kpi('youths_18_plus', '2025-12', at(P.adult))).total.value).toBe(1);
    // The year of the period's last day decides: an interval ending in 2026 counts those born in 2008 too.
    expect((await kpi('youths_18_plus', '2025-12-01/2026-01-31', at(P.adult))).total.value).toBe(2);
    expect((await kpi('youths_in_care', '2025', at(P.adult))).total.value).toBe(2);
  });
});

describe('spend and the year-end forecast', () => {
  it('declares what the prestaties hold: G1 10 hours, G2 8, G3 5 a month at € 68,50', () => {
    expect([declared.g1, declared.g2, declared.g3]).toEqual([68_500, 54_800, 34_250]);
  });

  it('spend: the prestaties that began in the period', async () => {
    const result = await kpi('spend', '2025Q2', at(P.forecast));
    expect(result.total.value).toBe((3 * 68_500 + 3 * 54_800 + 2 * 34_250) / 100);
    expect(result.total.youths).toBe(3);
    expect(result.total.budget).toBeNull(); // a provider has no budget
  });

  it('projects the run rate of each allocation still running after the period to its allocation end', async () => {
    // 2025Q2: declared since 1 January: 6 × G1 + 6 × G2 + 5 × G3. Run rate over April–June (91 days): G1 runs to
    // 31 Dec (184 days left), G2 to its allocation end 30 Sep (92 days left), G3 ended 31 May (nothing projected).
    const expected = (6 * 68_500 + 6 * 54_800 + 5 * 34_250 + (3 * 68_500 * 184) / 91 + (3 * 54_800 * 92) / 91) / 100;
    const result = await kpi('spend_forecast', '2025Q2', at(P.forecast));
    expect(result.total.numerator).toBe((6 * 68_500 + 6 * 54_800 + 5 * 34_250) / 100);
    expect(result.total.value).toBeCloseTo(expected, 2);
  });

  it('carries the whole year budget beside the forecast, for the region', async () => {
    const forecast = await kpi('spend_forecast', '2025Q2');
    const spend = await kpi('spend', '2025');
    expect(forecast.total.budget).toBeGreaterThan(0);
    expect(forecast.total.budget).toBe(spend.total.budget);
  });

  it('for February takes the run rate over December–February, across the new year (docs/kpi.md)', async () => {
    // Declared since 1 January: 2 × G1, 2 × G2, 2 × G3. Run rate over Dec 2024 – Feb 2025 (90 days): G1 3 months,
    // G2 and G3 2 months; days left after 28 Feb: G1 and G3 to 31 Dec (306), G2 to 30 Sep (214).
    const expected = (2 * 68_500 + 2 * 54_800 + 2 * 34_250 + (3 * 68_500 * 306) / 90 + (2 * 54_800 * 214) / 90 + (2 * 34_250 * 306) / 90) / 100;
    expect((await kpi('spend_forecast', '2025-02', at(P.forecast))).total.value).toBeCloseTo(expected, 2);
  });

  it('for a period ending mid-month divides by the days of the three calendar months (docs/kpi.md)', async () => {
    // L = 20 May 2025: the window is March–May (92 days), whose prestaties all began by 20 May; days left after L:
    // G1 and G3 to 31 Dec (225), G2 to 30 Sep (133).
    const expected = (5 * 68_500 + 5 * 54_800 + 5 * 34_250 + (3 * 68_500 * 225) / 92 + (3 * 54_800 * 133) / 92 + (3 * 34_250 * 225) / 92) / 100;
    expect((await kpi('spend_forecast', '2025-01-01/2025-05-20', at(P.forecast))).total.value).toBe(Math.round(expected * 100) / 100);
  });

  it('counts each prestatie once in the total even when two budget lines claim its productcategorie', async () => {
    // Nothing stops a region from putting a category in two lines. The total by budget line must still be the
    // region's spend: the category counts in the first line by code only.
    const db = ctx.database.db;
    await db.execute(sql`update budget_lines set product_categories = array_append(product_categories, '45') where region_id = ${lekstroom}::uuid and code = 'JZP'`);
    try {
      const byRegion = await kpi('spend', '2025Q2');
      const byLine = await kpi('spend', '2025Q2', { groupBy: 'budgetLine' });
      expect(byLine.total.value).toBe(byRegion.total.value);
    } finally {
      await db.execute(sql`update budget_lines set product_categories = array_remove(product_categories, '45') where region_id = ${lekstroom}::uuid and code = 'JZP'`);
    }
  });
});

describe('small numbers', () => {
  const byMunicipality = (threshold: number) => kpi('youths_in_care', '2025Q3', { groupBy: 'municipality', filters: { provider: P.small }, threshold });

  it('withholds a cell of 7 youths at threshold 10, and the next smallest row with it', async () => {
    const result = await byMunicipality(10);
    const cell = (k: string) => result.rows.find((r) => r.key === k)!;
    expect(result.total).toMatchObject({ value: 54, youths: 54, suppressed: false });
    for (const k of ['0331', '0321']) {
      expect(cell(k)).toMatchObject({ suppressed: true, value: null, numerator: null, denominator: null, youths: null });
    }
    expect(cell('0353')).toMatchObject({ suppressed: false, value: 15 });
    expect(cell('0356')).toMatchObject({ suppressed: false, value: 20 });
  });

  it('withholds the previous value of a withheld cell too', async () => {
    // docs/kpi.md: "its value, previous value, numerator, denominator and youth count are all withheld".
    const result = await byMunicipality(10);
    expect(result.rows.filter((r) => r.suppressed).map((r) => [r.key, r.previous])).toEqual([['0321', null], ['0331', null]]);
  });

  it('needs no second cell when two are small already, and none below the threshold', async () => {
    const thirteen = await byMunicipality(13);
    expect(thirteen.rows.filter((r) => r.suppressed).map((r) => r.key).sort()).toEqual(['0321', '0331']);
    const five = await byMunicipality(5);
    expect(five.rows.filter((r) => r.suppressed)).toEqual([]);
    expect(rows(five)).toEqual({ '0321': 12, '0331': 7, '0353': 15, '0356': 20 });
  });

  it('withholds a count of 1 … 9 youths within a cell of more youths in care (3 of 54 are 18+)', async () => {
    // The youths behind "Jeugdigen van 18 jaar en ouder: 3" are those 3, not the 54 in care.
    const adults = await kpi('youths_18_plus', '2025Q3', { filters: { provider: P.small }, threshold: 10 });
    expect(adults.total).toMatchObject({ suppressed: true, value: null, youths: null });
  });

  it('withholds a total of 1 … 9 youths too, but publishes 0', async () => {
    const small = await kpi('youths_in_care', '2025Q2', { filters: { provider: P.overlap }, threshold: 10 });
    expect(small.total).toMatchObject({ suppressed: true, value: null, youths: null });
    // 54 youths in care at P.small in Q3, none of them residential: a count of 0 is published.
    const none = await kpi('residential_youths', '2025Q3', { filters: { provider: P.small }, threshold: 10 });
    expect(none.total).toMatchObject({ suppressed: false, value: 0 });
  });
});

describe('a count over no youths', () => {
  it('is 0, not empty: "distinct youths with a trajectory in care" over nobody is zero', async () => {
    // Also when no trajectory of the scope touches the period at all: a provider without care in a quarter has 0.
    for (const id of ['youths_in_care', 'inflow', 'outflow', 'residential_youths', 'youths_18_plus'] as const) {
      const result = await kpi(id, '2024Q1', { filters: { provider: P.overlap } });
      expect(result.total, id).toMatchObject({ value: 0, youths: 0 });
    }
  });
});

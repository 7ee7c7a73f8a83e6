import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiGroupBy, KpiResponse, KpiResult } from '../../../shared/kpi.js';
import { providers } from '../../db/schema/index.js';
import { buildUser, call } from '../../testing/harness.js';
import { refPeriod } from './testing/crosscheck-data.js';
import type { RefFilters, RefGroupBy } from './testing/crosscheck-reference.js';
import { useCrosscheckWorld, world, Y } from './testing/crosscheck-world.js';
import { Attacker, differenceDisclosed, publishedInterval, type Kind } from './testing/disclosure-attack.js';

/**
 * The attacks of issue 14 on the published figures, run against the API as a policy officer (beleid) and as a
 * provider (aanbieder) over a generated and imported region (600 youths, three years): one day's inflow as the
 * difference of two intervals; a month, a quarter and a year subtracted from each other; a group's total minus its
 * published cells, for every grouping the API offers and within every provider and municipality, and the same for
 * money (a year is the sum of its months). The truth of every cell comes from the trajectories and declaration lines
 * (the reference of the cross-check, crosscheck-reference.ts). The test fails when the attacker pins down any cell
 * of 1–9 youths: a count to its exact value, an amount to within € 1,000.
 */

useCrosscheckWorld();

const countKpis = ['youths_in_care', 'inflow', 'outflow'] as const;
const moneyKpi = 'spend';
const kindOf = (kpi: string): Kind => (kpi === moneyKpi ? 'euro' : 'count');
const pad = (n: number) => String(n).padStart(2, '0');
const quarters = [1, 2, 3, 4].map((q) => `${Y}Q${q}`);
const months = Array.from({ length: 12 }, (_, i) => `${Y}-${pad(i + 1)}`);
const periods = [`${Y}`, ...quarters, ...months];
/** Whose answers the attacker is reading (for the report of what was derived). */
let role = '';
const monthsOf = (q: number) => [1, 2, 3].map((i) => months[(q - 1) * 3 + i - 1]!);

/** Nested periods whose counts are nested sets, per KPI: youths in care in any; inflow from the same first day; outflow to the same last day. */
function nestedPairs(kpi: string): Array<[string, string]> {
  const pairs: Array<[string, string, 'first' | 'last' | 'inner']> = [];
  quarters.forEach((q, i) => {
    const ms = monthsOf(i + 1);
    pairs.push([`${Y}`, q, i === 0 ? 'first' : i === 3 ? 'last' : 'inner']);
    ms.forEach((m, j) => pairs.push([q, m, j === 0 ? 'first' : j === 2 ? 'last' : 'inner']));
  });
  months.forEach((m, i) => pairs.push([`${Y}`, m, i === 0 ? 'first' : i === 11 ? 'last' : 'inner']));
  return pairs
    .filter(([, , at]) => kpi === 'youths_in_care' || (kpi === 'inflow' ? at === 'first' : at === 'last'))
    .map(([a, b]) => [a, b]);
}

interface Ask {
  period: string;
  groupBy: KpiGroupBy;
  filters: RefFilters;
  kpis: string[];
}

const query = (ask: Ask) =>
  new URLSearchParams({
    kpi: ask.kpis.join(','),
    period: ask.period,
    groupBy: ask.groupBy,
    ...(ask.filters as Record<string, string>),
  }).toString();

const dimsKey = (dims: object) =>
  Object.entries(dims as Record<string, string | undefined>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
const variable = (kpi: string, period: string, dims: object) => `${kpi}|${period}|${dimsKey(dims)}`;

/** Reads one answer into the attacker: every cell, and its total as the sum of its cells where that truly holds. */
function observe(attacker: Attacker, ask: Ask, response: KpiResponse): void {
  // The filters the API applied (an aanbieder's own provider included).
  const filters = Object.fromEntries(Object.entries(response.filters).filter(([, v]) => v)) as RefFilters;
  for (const result of response.data) {
    const kpi = result.kpi.id;
    const kind = kindOf(kpi);
    const ref = world.ref.compute(kpi, refPeriod(ask.period), ask.groupBy as RefGroupBy, filters)!;
    const truthOf = (key: string | null) => {
      const cell = ref.get(key);
      return { value: cell?.value ?? 0, youths: cell?.youths ?? 0 };
    };
    const totalKey = variable(kpi, ask.period, filters);
    const see = (key: string, cell: KpiResult['total'], truth: { value: number; youths: number }) =>
      attacker.observe(key, kind, publishedInterval(cell, kind, response), truth, `${key} (as ${role})`);
    see(totalKey, result.total, truthOf(null));
    if (ask.groupBy === 'region') continue;
    const parts = result.rows.map((row) => {
      const key = variable(kpi, ask.period, { ...filters, [ask.groupBy]: row.key });
      see(key, row, truthOf(row.key));
      return key;
    });
    const sum = result.rows.reduce((s, row) => s + truthOf(row.key).value, 0);
    if (Math.abs(sum - truthOf(null).value) < 0.005) attacker.addEquation(totalKey, parts);
  }
}
/** Money adds up over time: a year is the sum of its quarters and of its months, a quarter of its months. */
function addPeriodEquations(attacker: Attacker): void {
  const dimsSeen = new Set(
    [...attacker.variables.keys()]
      .filter((k) => k.startsWith(`${moneyKpi}|${Y}|`))
      .map((k) => k.slice(`${moneyKpi}|${Y}|`.length)),
  );
  const key = (period: string, dims: string) => `${moneyKpi}|${period}|${dims}`;
  for (const dims of dimsSeen) {
    const groups: Array<[string, string[]]> = [
      [`${Y}`, quarters],
      [`${Y}`, months],
      ...quarters.map((q, i): [string, string[]] => [q, monthsOf(i + 1)]),
    ];
    for (const [whole, parts] of groups) {
      if (![whole, ...parts].every((p) => attacker.variables.has(key(p, dims)))) continue;
      attacker.addEquation(
        key(whole, dims),
        parts.map((p) => key(p, dims)),
      );
    }
  }
}

/** The nested-period subtractions of counts: the youths in one period's cell and not in a smaller one's. */
function periodDifferences(attacker: Attacker): string[] {
  const out: string[] = [];
  for (const kpi of countKpis) {
    const dimsSeen = new Set(
      [...attacker.variables.keys()].filter((k) => k.startsWith(`${kpi}|`)).map((k) => k.split('|')[2]!),
    );
    for (const dims of dimsSeen) {
      for (const [a, b] of nestedPairs(kpi)) {
        const [ka, kb] = [`${kpi}|${a}|${dims}`, `${kpi}|${b}|${dims}`];
        const [ia, ib] = [attacker.interval(ka), attacker.interval(kb)];
        if (!ia || !ib) continue;
        const truth = attacker.truth(ka)!.value - attacker.truth(kb)!.value;
        if (differenceDisclosed(ia, ib, truth)) out.push(`${kpi} [${dims}] ${a} minus ${b}: ${truth} youths`);
      }
    }
  }
  return out;
}

let beleid: string;
let aanbieder: string;
const ownAgb = '99000022';
let municipalityKeys: string[];
let providerKeys: string[];

beforeAll(async () => {
  beleid = (await buildUser(world.ctx, 'beleid', undefined, world.regionId)).token;
  const [own] = await world.ctx.database.db.select().from(providers).where(eq(providers.agbCode, ownAgb));
  aanbieder = (await buildUser(world.ctx, 'aanbieder', own!.id, world.regionId)).token;
  const keys = (groupBy: RefGroupBy) => [
    ...new Set(
      world.ref
        .scoped({})
        .filter((t) => t.start !== null && t.start <= `${Y}-12-31` && (t.end === null || t.end >= `${Y}-01-01`))
        .map((t) => world.ref.trajectoryGroup(t, groupBy)),
    ),
  ];
  municipalityKeys = keys('municipality');
  providerKeys = keys('provider');
}, 60_000);

async function ask(token: string, a: Ask): Promise<{ status: number; body: KpiResponse }> {
  return call(world.ctx, token, 'GET', `/kpis?${query(a)}`) as Promise<{ status: number; body: KpiResponse }>;
}

/** Everything a role can ask about the periods of year Y, for the KPIs attacked. */
function asksFor(who: 'beleid' | 'aanbieder'): Ask[] {
  const all = [...countKpis, moneyKpi];
  const out: Ask[] = [];
  for (const period of periods) {
    const at = (groupBy: KpiGroupBy, filters: RefFilters = {}, kpis: string[] = all) =>
      out.push({ period, groupBy, filters, kpis });
    for (const groupBy of ['region', 'municipality', 'productCategory', 'lot'] as const) at(groupBy);
    at('budgetLine', {}, [moneyKpi]);
    if (who === 'beleid') {
      at('provider');
      for (const provider of providerKeys) at('municipality', { provider });
      for (const municipality of municipalityKeys) at('provider', { municipality });
    } else {
      for (const municipality of municipalityKeys) at('productCategory', { municipality });
    }
  }
  return out;
}

describe.each([
  ['beleid', () => beleid],
  ['aanbieder', () => aanbieder],
] as const)('as %s', (who, token) => {
  it('one day cannot be had as the difference of two intervals: only calendar periods are answered', async () => {
    const refused: number[] = [];
    const disclosed: string[] = [];
    const inflow = async (to: string) =>
      ask(token(), { period: `${Y}-07-01/${to}`, groupBy: 'region', filters: {}, kpis: ['inflow'] });
    let before = await inflow(`${Y}-07-01`);
    for (let day = 2; day <= 31; day++) {
      const to = `${Y}-07-${pad(day)}`;
      const now = await inflow(to);
      refused.push(now.status);
      if (now.status === 200 && before.status === 200) {
        const truthOf = (end: string) =>
          world.ref.compute('inflow', { from: `${Y}-07-01`, to: end }, 'region', now.body.filters)!.get(null)!.value!;
        const truth = truthOf(to) - truthOf(`${Y}-07-${pad(day - 1)}`);
        const a = publishedInterval(now.body.data[0]!.total, 'count', now.body);
        const b = publishedInterval(before.body.data[0]!.total, 'count', before.body);
        if (differenceDisclosed(a, b, truth)) disclosed.push(`${to}: ${truth} youths started care that day`);
      } else {
        expect(now.body).toMatchObject({ status: 400, invalidParams: [{ name: 'period', code: 'notPublished' }] });
      }
      before = now;
    }
    expect(disclosed, 'inflow of one day, derived').toEqual([]);
    expect(new Set(refused)).toEqual(new Set([400]));
  }, 120_000);

  it('no cell of 1–9 youths follows from subtracting periods, groupings or money', async () => {
    role = who;
    const attacker = new Attacker();
    let rounding: KpiResponse['rounding'] | undefined;
    for (const a of asksFor(who)) {
      const res = await ask(token(), a);
      expect(res.status, query(a)).toBe(200);
      rounding = res.body.rounding;
      observe(attacker, a, res.body);
    }
    addPeriodEquations(attacker);
    attacker.solve();
    const problems = [...attacker.disclosures(), ...periodDifferences(attacker)];
    const perKpi = new Map<string, number>();
    for (const p of problems) perKpi.set(p.split(/[| ]/)[0]!, (perKpi.get(p.split(/[| ]/)[0]!) ?? 0) + 1);
    const summary = [...perKpi].map(([kpi, n]) => `${kpi} ${n}`).join(', ');
    expect(problems.slice(0, 25), `${problems.length} cells of 1–9 youths derived (${summary})`).toEqual([]);
    // The attacker took the method as the answers state it; nothing contradicted that.
    expect(attacker.contradictions).toEqual([]);
    expect(rounding).toEqual({ count: 5, euro: 1000 });
    // The attack had something to work with: equations across answers and small cells among the truths.
    expect(attacker.equations.length).toBeGreaterThan(100);
    expect(
      [...attacker.variables.values()].filter((v) => v.truth.youths > 0 && v.truth.youths < 10).length,
    ).toBeGreaterThan(50);
  }, 900_000);
});

describe('a role that may read the trajectories', () => {
  it('still gets exact figures, and any interval', async () => {
    const manager = (await buildUser(world.ctx, 'contractmanager', undefined, world.regionId)).token;
    const a: Ask = { period: `${Y}-01-01/${Y}-08-15`, groupBy: 'municipality', filters: {}, kpis: ['inflow'] };
    const res = await ask(manager, a);
    expect(res.status).toBe(200);
    expect(res.body.rounding).toBeNull();
    const ref = world.ref.compute('inflow', refPeriod(a.period), 'municipality', {})!;
    expect(ref.get(null)!.value).toBeGreaterThan(10);
    expect(ref.get(null)!.value! % 5, 'a total that rounding would change').not.toBe(0);
    expect(res.body.data[0]!.total.value).toBe(ref.get(null)!.value);
  });
});

import { dayOf, isoOf, plusMonths, type RefData, type RefLine, type RefTrajectory } from './crosscheck-data.js';
import {
  distinct,
  median,
  pct,
  perGroup,
  type RefFilters,
  type RefGroupBy,
  type RefCell,
  type RefResult,
} from './crosscheck-cells.js';
import { referenceForecast, referenceSpend } from './crosscheck-money.js';

export type { RefCell, RefFilters, RefGroupBy, RefResult } from './crosscheck-cells.js';

/**
 * A second, independent implementation of every KPI of docs/kpi.md, in plain TypeScript over the raw rows read by
 * crosscheck-data.ts. It shares no code with the engine in kpis/: not its SQL, not its period parsing, not its date
 * arithmetic. The cross-check tests compare the two; where the two read the spec differently the test says so.
 */

const TEMPORARY = new Set(['20', '37']);
const EARLY = new Set(['32', '33', '34', '35']);
const PER_PLAN = new Set(['31', '39']);

const inCareDuring = (t: RefTrajectory, from: string, to: string) =>
  t.start !== null && t.start <= to && (t.end === null || t.end >= from);
const inCareOn = (t: RefTrajectory, d: string) => inCareDuring(t, d, d);
/** An ending that counts: ended, and not 20 (tijdelijk beëindigd) or 37 (wijzigingsverzoek). */
const endingCounts = (t: RefTrajectory) => t.end !== null && !TEMPORARY.has(t.reason ?? '');
export class Reference {
  /**
   * The data date (docs/kpi.md): per municipality of the region with a started trajectory, the latest day on or after
   * which ten of its accepted messages are dated (Dagtekening, or the day received when that is earlier), or its
   * earliest message's day with fewer; the latest of those.
   */
  readonly dataDate: string | null;
  private readonly byClient = new Map<string, RefTrajectory[]>();
  /** Trajectories by municipality and allocation number (the forecast finds a declaration's trajectory). */
  readonly byAllocation = new Map<string, RefTrajectory>();

  constructor(readonly data: RefData) {
    const withCare = new Set<string>();
    for (const t of data.trajectories) {
      if (!data.municipalities.has(t.municipality)) continue;
      if (t.start !== null) withCare.add(t.municipality);
      let list = this.byClient.get(t.client);
      if (!list) this.byClient.set(t.client, (list = []));
      list.push(t);
      if (t.allocationNumber !== null) this.byAllocation.set(`${t.municipality}|${t.allocationNumber}`, t);
    }
    let last: string | null = null;
    for (const municipality of withCare) {
      const days = data.messages
        .filter((m) => m.municipality === municipality)
        .map((m) => (m.received < m.dagtekening ? m.received : m.dagtekening))
        .sort()
        .reverse();
      const day = days[Math.min(10, days.length) - 1];
      if (day !== undefined && (last === null || day > last)) last = day;
    }
    this.dataDate = last;
  }

  withStay(t: { category: string | null; productCode: string | null }): boolean {
    const p = t.productCode === null ? undefined : this.data.products.get(t.productCode);
    return p ? p.withStay : t.category === '43' || t.category === '44';
  }

  stayForm(t: { productCode: string | null }): string | null {
    return (t.productCode === null ? undefined : this.data.products.get(t.productCode))?.stayForm ?? null;
  }

  lotOf(productCode: string | null): string | null {
    return (productCode === null ? undefined : this.data.products.get(productCode))?.lot ?? null;
  }

  budgetLineOf(category: string): string {
    // A category claimed by two lines belongs to the first by code (docs/kpi.md).
    return (
      [...this.data.budgetLines].sort((a, b) => (a.code < b.code ? -1 : 1)).find((b) => b.categories.includes(category))
        ?.code ?? '–'
    );
  }

  /** Started trajectories in the region's scope and the filters. */
  scoped(filters: RefFilters, form: 'all' | 'help' | '47' | '48' = 'all'): RefTrajectory[] {
    return this.data.trajectories.filter(
      (t) =>
        t.start !== null &&
        (form === 'all' || (form === 'help' ? !isProtectionOrProbation(t) : t.category === form)) &&
        this.data.municipalities.has(t.municipality) &&
        (!filters.municipality || t.municipality === filters.municipality) &&
        (!filters.provider || t.provider === filters.provider) &&
        (!filters.productCategory || t.category === filters.productCategory) &&
        (!filters.lot || this.lotOf(t.productCode) === filters.lot),
    );
  }

  trajectoryGroup(t: RefTrajectory, groupBy: RefGroupBy): string {
    switch (groupBy) {
      case 'municipality':
        return t.municipality;
      case 'provider':
        return t.provider;
      case 'productCategory':
        return t.category ?? '–';
      case 'lot':
        return this.lotOf(t.productCode) ?? '–';
      default:
        return 'region';
    }
  }

  scopedLines(filters: RefFilters, from: string, to: string): RefLine[] {
    return this.data.lines.filter(
      (l) =>
        this.data.municipalities.has(l.municipality) &&
        l.periodStart >= from &&
        l.periodStart <= to &&
        (!filters.municipality || l.municipality === filters.municipality) &&
        (!filters.provider || l.provider === filters.provider) &&
        (!filters.productCategory || l.category === filters.productCategory) &&
        (!filters.lot || this.lotOf(l.productCode) === filters.lot),
    );
  }

  lineGroup(l: RefLine, groupBy: RefGroupBy): string {
    switch (groupBy) {
      case 'municipality':
        return l.municipality;
      case 'provider':
        return l.provider;
      case 'productCategory':
        return l.category;
      case 'lot':
        return this.lotOf(l.productCode) ?? '–';
      case 'budgetLine':
        return this.budgetLineOf(l.category);
      default:
        return 'region';
    }
  }

  /**
   * Cliënttevredenheid (docs/kpi.md): the mean mark of the answers that came in during the period (an answer counts in
   * its month), to one decimal, the answers being the cell's youths. An answer belongs to its batch's municipality
   * ('–' when the batch knew none, and then in no municipality's filter) and its product's lot; none at all while the
   * region has no answer.
   */
  private satisfaction(from: string, to: string, groupBy: RefGroupBy, filters: RefFilters): RefResult | null {
    if (!this.data.answers.length || groupBy === 'budgetLine') return null;
    const firstOfMonth = `${from.slice(0, 7)}-01`;
    const answers = this.data.answers.filter(
      (a) =>
        a.month >= firstOfMonth &&
        a.month <= to &&
        (!filters.provider || a.provider === filters.provider) &&
        (!filters.productCategory || a.category === filters.productCategory) &&
        (!filters.municipality || a.municipality === filters.municipality) &&
        (!filters.lot || a.lot === filters.lot),
    );
    const key = (a: (typeof answers)[number]): string => {
      switch (groupBy) {
        case 'provider':
          return a.provider;
        case 'productCategory':
          return a.category;
        case 'municipality':
          return a.municipality ?? '–';
        case 'lot':
          return a.lot ?? '–';
        default:
          return 'region';
      }
    };
    return perGroup(answers, key, (xs) => ({
      value: xs.length ? Math.round((10 * xs.reduce((sum, a) => sum + a.mark, 0)) / xs.length) / 10 : null,
      numerator: null,
      denominator: xs.length,
      youths: xs.length,
    }));
  }

  /**
   * One KPI for one period, per group and in total, straight from docs/kpi.md. Returns null for a KPI without data
   * (satisfaction without answers).
   */
  compute(
    kpi: string,
    period: { from: string; to: string },
    groupBy: RefGroupBy,
    filters: RefFilters = {},
  ): RefResult | null {
    const { from, to } = period;
    // Youth help, apart from jeugdbescherming (48) and jeugdreclassering (47), which have counts of their own (CBS).
    const form = kpi === 'youths_youth_protection' ? '48' : kpi === 'youths_youth_probation' ? '47' : 'help';
    const scoped = () => this.scoped(filters, form);
    const group = (t: RefTrajectory) => this.trajectoryGroup(t, groupBy);
    // A count of youths stands for the youths it counts: they are "the distinct youths behind it".
    const youthCount =
      (pick: (ts: RefTrajectory[]) => Set<string>) =>
      (ts: RefTrajectory[]): RefCell => {
        const value = pick(ts).size;
        return { value, numerator: null, denominator: null, youths: value };
      };
    const clientsWhere = (ts: RefTrajectory[], p: (t: RefTrajectory) => boolean) =>
      new Set(ts.filter(p).map((t) => t.client));
    const during = (ts: RefTrajectory[]) => clientsWhere(ts, (t) => inCareDuring(t, from, to));

    switch (kpi) {
      case 'youths_in_care':
      case 'youths_youth_protection':
      case 'youths_youth_probation':
        return perGroup(scoped(), group, youthCount(during));
      case 'inflow': {
        const before = isoOf(dayOf(from) - 1);
        return perGroup(
          scoped(),
          group,
          youthCount((ts) => {
            const was = clientsWhere(ts, (t) => inCareOn(t, before));
            return new Set([...during(ts)].filter((c) => !was.has(c)));
          }),
        );
      }
      case 'outflow': {
        const after = isoOf(dayOf(to) + 1);
        return perGroup(
          scoped(),
          group,
          youthCount((ts) => {
            const still = clientsWhere(ts, (t) => inCareOn(t, after));
            return new Set([...during(ts)].filter((c) => !still.has(c)));
          }),
        );
      }
      case 'residential_youths': {
        const residential = (ts: RefTrajectory[]) =>
          clientsWhere(
            ts,
            (t) => inCareDuring(t, from, to) && ['residentieel', 'gesloten'].includes(this.stayForm(t) ?? ''),
          );
        return perGroup(scoped(), group, youthCount(residential));
      }
      case 'youths_18_plus': {
        // 18 on the last day of the period (of its last month): the month of the 18th birthday (December when only
        // the year is known) is that month or earlier.
        const eighteenIn = (t: RefTrajectory) =>
          t.birthYear === null ? null : `${t.birthYear + 18}-${String(t.birthMonth ?? 12).padStart(2, '0')}`;
        const adults = (ts: RefTrajectory[]) =>
          clientsWhere(ts, (t) => inCareDuring(t, from, to) && (eighteenIn(t) ?? '9999') <= to.slice(0, 7));
        return perGroup(scoped(), group, youthCount(adults));
      }
      case 'ambulant_stay_ratio':
        return perGroup(scoped(), group, (ts) => {
          // Ambulant: without stay, and not crisis (46), jeugdreclassering (47) or jeugdbescherming (48).
          const ambulant = clientsWhere(
            ts,
            (t) => inCareDuring(t, from, to) && !this.withStay(t) && !['46', '47', '48'].includes(t.category ?? ''),
          ).size;
          const stay = clientsWhere(ts, (t) => inCareDuring(t, from, to) && this.withStay(t)).size;
          // youths: the denominator's, as for a share (docs/kpi.md leaves a ratio open; see the crosscheck test).
          return { value: stay > 0 ? ambulant / stay : null, numerator: ambulant, denominator: stay, youths: stay };
        });
      case 'family_care_share':
        return perGroup(scoped(), group, (ts) => {
          const stay = clientsWhere(ts, (t) => inCareDuring(t, from, to) && this.withStay(t)).size;
          const family = clientsWhere(
            ts,
            (t) =>
              inCareDuring(t, from, to) &&
              this.withStay(t) &&
              ['pleegzorg', 'gezinshuis'].includes(this.stayForm(t) ?? ''),
          ).size;
          return { value: pct(family, stay), numerator: family, denominator: stay, youths: stay };
        });
      case 'outside_region_share':
        return perGroup(scoped(), group, (ts) => {
          const all = during(ts);
          const outside = clientsWhere(ts, (t) => inCareDuring(t, from, to) && !this.contracted(t, to)).size;
          return { value: pct(outside, all.size), numerator: outside, denominator: all.size, youths: all.size };
        });
      case 'outside_region_location_share': {
        const places = this.data.locationMunicipalities;
        if (!places) return null;
        // Placed outside: some location's municipality known, none of them the region's.
        const outside = (agb: string) => {
          const known = (places.get(agb) ?? []).filter((m) => m !== null);
          return known.length > 0 && !known.some((m) => this.data.municipalities.has(m));
        };
        return perGroup(scoped(), group, (ts) => {
          const all = during(ts);
          const n = clientsWhere(ts, (t) => inCareDuring(t, from, to) && outside(t.provider)).size;
          return { value: pct(n, all.size), numerator: n, denominator: all.size, youths: all.size };
        });
      }
      case 'dropout':
      case 'ended_per_plan': {
        const hit = kpi === 'dropout' ? EARLY : PER_PLAN;
        return perGroup(
          scoped().filter((t) => endingCounts(t) && t.end! >= from && t.end! <= to),
          group,
          (ts) => {
            const n = ts.filter((t) => hit.has(t.reason ?? '')).length;
            return { value: pct(n, ts.length), numerator: n, denominator: ts.length, youths: distinct(ts) };
          },
        );
      }
      case 'repeat_care_6m':
      case 'repeat_care_12m': {
        const months = kpi === 'repeat_care_6m' ? 6 : 12;
        const horizon = this.dataDate;
        const ended = scoped().filter(
          (t) =>
            endingCounts(t) &&
            !['02', '38'].includes(t.reason ?? '') &&
            t.end! >= from &&
            t.end! <= to &&
            horizon !== null &&
            plusMonths(t.end!, months) <= horizon,
        );
        return perGroup(ended, group, (ts) => {
          const again = ts.filter((t) => {
            const until = plusMonths(t.end!, months);
            // A new start of youth help (geen nieuwe start jeugdhulp).
            return (this.byClient.get(t.client) ?? []).some(
              (n) => n.start !== null && n.start > t.end! && n.start <= until && !isProtectionOrProbation(n),
            );
          }).length;
          return { value: pct(again, ts.length), numerator: again, denominator: ts.length, youths: distinct(ts) };
        });
      }
      case 'length_of_stay':
        return perGroup(
          scoped().filter((t) => this.withStay(t) && endingCounts(t) && t.end! >= from && t.end! <= to),
          group,
          (ts) => {
            const days = ts.reduce((s, t) => s + dayOf(t.end!) - dayOf(t.start!) + 1, 0);
            return {
              value: ts.length ? days / ts.length : null,
              numerator: days,
              denominator: ts.length,
              youths: distinct(ts),
            };
          },
        );
      case 'request_wait_days':
      case 'allocation_wait_days': {
        // Each wait over the starts in the period that have its first date: the request (JW315) or the allocation (JW301).
        const first = (t: RefTrajectory) => (kpi === 'request_wait_days' ? t.requestDate : t.allocationDate);
        return perGroup(
          scoped().filter((t) => t.start! >= from && t.start! <= to && first(t) !== null),
          group,
          (ts) => ({
            value: median(ts.map((t) => Math.max(0, dayOf(t.start!) - dayOf(first(t)!)))),
            numerator: null,
            denominator: ts.length,
            youths: distinct(ts),
          }),
        );
      }
      case 'spend':
        return referenceSpend(this, filters, groupBy, from, to);
      case 'spend_forecast':
        return referenceForecast(this, filters, groupBy, to);
      case 'satisfaction':
        return this.satisfaction(from, to, groupBy, filters);
      // No provider registered goal attainment in this world: the KPIs have no data (outcomes.test.ts checks them).
      case 'goal_without_help':
      case 'goal_problems_reduced':
      case 'goal_goals_met':
        return null;
      default:
        throw new Error(`unknown KPI ${kpi}`);
    }
  }

  /**
   * Whether a contract of the region (held directly or through a combination) overlaps the trajectory, a running one
   * up to `until` (the end of the period asked about).
   */
  contracted(t: RefTrajectory, until = '9999-12-31'): boolean {
    // A contract for the lot of the trajectory's product (a product the book does not know has no lot: no contract).
    const lot = this.lotOf(t.productCode);
    return this.data.contracts.some(
      (c) => c.lot === lot && c.agbs.has(t.provider) && c.start <= (t.end ?? until) && c.end >= t.start!,
    );
  }
}

/** KPIs whose rows add up to the total when the grouping partitions the prestaties (money). */
export const additiveKpis = new Set(['spend', 'spend_forecast']);

/** Jeugdreclassering (47) or jeugdbescherming (48): CBS reports them apart from youth help (docs/kpi.md). */
function isProtectionOrProbation(t: RefTrajectory): boolean {
  return t.category === '47' || t.category === '48';
}

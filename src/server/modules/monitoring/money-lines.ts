import type { KpiCell, KpiPeriod } from '../../../shared/kpi.js';
import { publishedRounding, roundTo, type KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import type { Db } from '../../db/client.js';
import { budgetYearOfRegion } from '../landscape/index.js';
import { computeKpis } from './kpi.service.js';
import { parsePeriodFor } from './period.js';

/**
 * Money per budget line and municipality (docs/kpi.md, "Money per budget line"): each line's spend from its own
 * source (iJw declarations for the lines iJw pays, the ledger's realisation for the lines booked there), its budget
 * and its year-end forecast; a total only over what is known, naming what it leaves out.
 */

export type MoneySource = 'ijw' | 'ledger';

export interface MoneyFigures {
  budget: number | null;
  /** Spent in the year up to the period's end (iJw: declared; ledger: booked). */
  spent: number | null;
  forecast: number | null;
  /** The forecast exceeds the budget. */
  over: boolean;
  /** Why there is no figure: no source, nothing booked, or withheld (fewer youths than the threshold). */
  missing: 'noSource' | 'notBooked' | 'withheld' | null;
}

export interface MoneyLine extends MoneyFigures {
  code: string;
  name: string;
  source: MoneySource | null;
  municipalities: Array<MoneyFigures & { code: string; name: string }>;
  /** Municipalities whose figure the line's figure leaves out (and their budget). */
  leavesOut: string[];
}

export interface MoneyTotal {
  budget: number;
  spent: number;
  forecast: number;
  /** Lines whose figures the total adds up. */
  covers: string[];
  leavesOut: Array<{ line: string; reason: string }>;
  /** Lines over their budget in the region, or in some of its municipalities (named). */
  linesOver: Array<{ line: string; region: boolean; municipalities: string[] }>;
  /** Within budget and no line it covers over, in the region or in any municipality. */
  met: boolean;
}

export interface MoneyLinesResponse {
  /** The KPI facts are being built for the first time: the iJw lines have no figures yet. */
  building: boolean;
  period: KpiPeriod;
  year: number;
  rounding: { euro: number } | null;
  lines: MoneyLine[];
  total: MoneyTotal;
}

const reasons: Record<NonNullable<MoneyFigures['missing']>, string> = {
  noSource: 'geen bron: niet via iJw betaald en geen realisatie ingevoerd',
  notBooked: 'geen realisatie ingevoerd',
  withheld: 'weggelaten (kleine aantallen)',
};

const figures = (budget: number | null, spent: number | null, forecast: number | null): MoneyFigures => ({
  budget,
  spent,
  forecast,
  over: budget !== null && forecast !== null && forecast > budget,
  missing: null,
});
const missing = (budget: number | null, why: NonNullable<MoneyFigures['missing']>): MoneyFigures => ({
  budget,
  spent: null,
  forecast: null,
  over: false,
  missing: why,
});

/** The ledger's months of one cell up to the period's end: spent so far, and a forecast at the same monthly rate. */
function fromLedger(
  months: Array<{ month: string; amount: number }>,
  periodEnd: string,
  round: (n: number) => number,
  budget: number | null,
): MoneyFigures {
  const booked = months.filter((m) => m.month <= periodEnd.slice(0, 7));
  if (!booked.length) return missing(budget, 'notBooked');
  const spent = booked.reduce((n, m) => n + m.amount, 0);
  // Months elapsed: up to the last month booked (the ledger runs behind as much as it runs).
  const through = Number(
    booked
      .map((m) => m.month)
      .sort()
      .at(-1)!
      .slice(5, 7),
  );
  return figures(budget, round(spent), round((spent / through) * 12));
}

/** The iJw figure of one cell as published: the forecast's numerator is declared so far. */
function fromIjw(cell: KpiCell | undefined, budget: number | null): MoneyFigures {
  if (!cell) return figures(budget, 0, 0);
  if (cell.suppressed || cell.value === null) return missing(budget, 'withheld');
  return figures(budget, cell.numerator ?? 0, cell.value);
}

/** Money per budget line and municipality for the year of the period's end, as known at the period's end. */
export async function computeMoneyLines(
  db: Db,
  options: { regionId: string; period: string; disclosure?: KpiDisclosure; threshold?: number },
): Promise<MoneyLinesResponse> {
  const disclosure = options.disclosure ?? 'published';
  const period = parsePeriodFor(options.period, disclosure);
  const year = Number(period.to.slice(0, 4));
  const rounding = disclosure === 'published' ? { euro: publishedRounding.euro } : null;
  const round = (n: number) => (rounding ? roundTo(n, rounding.euro) : Math.round(n * 100) / 100);
  const master = await budgetYearOfRegion(db, options.regionId, year);
  const budgetOf = (line: string, cbs: string | null) => {
    const cells = master.budgets.filter((b) => b.lineCode === line && (cbs === null || b.cbsCode === cbs));
    return cells.length ? cells.reduce((n, b) => n + b.amount, 0) : null;
  };
  const ledgerLines = new Set(master.realisations.map((r) => r.lineCode));
  const sourceOf = (line: { code: string; categories: string[] }): MoneySource | null =>
    ledgerLines.has(line.code) ? 'ledger' : line.categories.length ? 'ijw' : null;
  // The iJw forecast per line, for the region and per municipality, as the KPI engine publishes it.
  const ijw = new Map<string | null, Map<string, KpiCell>>();
  let building = false;
  if (master.lines.some((l) => sourceOf(l) === 'ijw')) {
    for (const cbs of [null, ...master.municipalities.map((m) => m.cbsCode)]) {
      const response = await computeKpis(db, {
        regionId: options.regionId,
        period: options.period,
        groupBy: 'budgetLine',
        filters: cbs ? { municipality: cbs } : {},
        kpis: ['spend_forecast'],
        disclosure,
        threshold: options.threshold,
      });
      building ||= response.facts.state === 'building';
      ijw.set(cbs, new Map((response.data[0]?.rows ?? []).map((r) => [r.key, r])));
    }
  }
  const lines: MoneyLine[] = master.lines.map((line) => {
    const source = sourceOf(line);
    const cellOf = (cbs: string | null): MoneyFigures => {
      const budget = budgetOf(line.code, cbs);
      if (source === null) return missing(budget, 'noSource');
      if (source === 'ijw') return fromIjw(ijw.get(cbs)?.get(line.code), budget);
      const months = master.realisations.filter((r) => r.lineCode === line.code && (cbs === null || r.cbsCode === cbs));
      return fromLedger(months, period.to, round, budget);
    };
    const perMunicipality = master.municipalities.map((m) => ({ code: m.cbsCode, name: m.name, ...cellOf(m.cbsCode) }));
    if (source !== 'ledger')
      return {
        code: line.code,
        name: line.name,
        source,
        ...cellOf(null),
        municipalities: perMunicipality,
        leavesOut: [],
      };
    // A ledger line adds up the municipalities that booked, beside their budgets only.
    const known = perMunicipality.filter((m) => m.missing === null);
    const sum = (pick: (m: MoneyFigures) => number | null) => known.reduce((n, m) => n + (pick(m) ?? 0), 0);
    const region = known.length
      ? figures(
          known.some((m) => m.budget !== null) ? sum((m) => m.budget) : null,
          sum((m) => m.spent),
          sum((m) => m.forecast),
        )
      : missing(budgetOf(line.code, null), 'notBooked');
    return {
      code: line.code,
      name: line.name,
      source,
      ...region,
      municipalities: perMunicipality,
      leavesOut: perMunicipality.filter((m) => m.missing !== null).map((m) => m.name),
    };
  });
  return { building, period, year, rounding, lines, total: totalOf(lines) };
}

/** The total over the lines whose figures are known (and have a budget), naming the lines it leaves out and why. */
function totalOf(lines: MoneyLine[]): MoneyTotal {
  const covered = lines.filter((l) => l.missing === null && l.budget !== null);
  const sum = (pick: (l: MoneyLine) => number | null) => covered.reduce((n, l) => n + (pick(l) ?? 0), 0);
  // A line over in the region, or in one of the municipalities it adds up.
  const linesOver = covered
    .map((l) => ({
      line: l.name,
      region: l.over,
      municipalities: l.municipalities.filter((m) => m.over).map((m) => m.name),
    }))
    .filter((l) => l.region || l.municipalities.length > 0);
  const [budget, spent, forecast] = [sum((l) => l.budget), sum((l) => l.spent), sum((l) => l.forecast)];
  return {
    budget,
    spent,
    forecast,
    covers: covered.map((l) => l.name),
    leavesOut: lines
      .filter((l) => !covered.includes(l))
      .map((l) => ({ line: l.name, reason: l.missing ? reasons[l.missing] : 'geen budget' })),
    linesOver,
    met: forecast <= budget && linesOver.length === 0,
  };
}

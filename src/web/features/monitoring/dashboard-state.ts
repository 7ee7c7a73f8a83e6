import { kpiGroupings, type KpiGroupBy } from '../../../shared/kpi';

/**
 * What the dashboard shows lives in the address (?periode=2025Q3&gemeente=0356&aanbieder=…), with the same Dutch
 * parameter names as /trajecten, so a drill-down can be bookmarked, shared and undone with the back button.
 */
export interface DashboardState {
  period: string;
  groupBy: KpiGroupBy | '';
  municipality: string;
  provider: string;
  productCategory: string;
  lot: string;
}

const urlKeys: Record<keyof DashboardState, string> = {
  period: 'periode',
  groupBy: 'indeling',
  municipality: 'gemeente',
  provider: 'aanbieder',
  productCategory: 'categorie',
  lot: 'perceel',
};

export const emptyState: DashboardState = {
  period: '',
  groupBy: '',
  municipality: '',
  provider: '',
  productCategory: '',
  lot: '',
};

export function readState(params: URLSearchParams): DashboardState {
  const read = (key: keyof DashboardState) => params.get(urlKeys[key]) ?? '';
  const groupBy = read('groupBy');
  return {
    period: read('period'),
    groupBy: (kpiGroupings as readonly string[]).includes(groupBy) ? (groupBy as KpiGroupBy) : '',
    municipality: read('municipality'),
    provider: read('provider'),
    productCategory: read('productCategory'),
    lot: read('lot'),
  };
}

/** The query string for a dashboard page ("?periode=2025Q3&gemeente=0356"), or '' when nothing is set. */
export function toSearch(state: Partial<DashboardState>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(urlKeys) as Array<keyof DashboardState>) {
    const value = state[key];
    if (value) search.set(urlKeys[key], value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The API's parameters for /kpis and /kpis/export. */
export function apiParams(state: DashboardState, groupBy: KpiGroupBy): Record<string, string | undefined> {
  return {
    period: state.period || undefined,
    groupBy,
    municipality: state.municipality || undefined,
    provider: state.provider || undefined,
    productCategory: state.productCategory || undefined,
    lot: state.lot || undefined,
  };
}

/**
 * The next level of the drill-down region → municipality → provider → productcategorie. An aanbieder's figures
 * are always its own, so for it the provider level is skipped.
 */
export function defaultGroupBy(state: DashboardState, ownProviderOnly: boolean): KpiGroupBy {
  const provider = state.provider || ownProviderOnly;
  if (state.productCategory) return 'region';
  if (provider) return 'productCategory';
  if (state.municipality || state.lot) return 'provider';
  return 'municipality';
}

/** Where a row of a grouped table leads: its filter set and the next grouping; null when there is no deeper level. */
export function drillDown(
  state: DashboardState,
  groupBy: KpiGroupBy,
  key: string,
  ownProviderOnly: boolean,
): DashboardState | null {
  const base = { ...state, groupBy: '' as const };
  let next: DashboardState;
  switch (groupBy) {
    case 'municipality':
      next = { ...base, municipality: key };
      break;
    case 'provider':
      next = { ...base, provider: key };
      break;
    case 'lot':
      next = { ...base, lot: key };
      break;
    case 'productCategory':
      next = { ...base, productCategory: key };
      break;
    default:
      return null;
  }
  const deeper = defaultGroupBy(next, ownProviderOnly);
  return deeper === 'region' ? next : { ...next, groupBy: deeper };
}

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface ParsedPeriod {
  kind: PeriodKind | 'interval';
  year: number;
  /** 1–4 for a quarter, 1–12 for a month. */
  part: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads 2025, 2025Q3, 2025-07 or 2025-01-01/2025-06-30; null for anything else. */
export function parsePeriod(label: string): ParsedPeriod | null {
  let m = /^(\d{4})$/.exec(label);
  if (m) return { kind: 'year', year: Number(m[1]), part: 0, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})Q([1-4])$/.exec(label);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return {
      kind: 'quarter',
      year,
      part: q,
      from: `${year}-${pad(q * 3 - 2)}-01`,
      to: `${year}-${pad(q * 3)}-${lastDay(year, q * 3)}`,
    };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { kind: 'month', year, part: month, from: `${label}-01`, to: `${label}-${lastDay(year, month)}` };
  }
  m = /^(\d{4})-\d{2}-\d{2}\/(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (m) return { kind: 'interval', year: Number(m[1]), part: 0, from: label.slice(0, 10), to: label.slice(11) };
  return null;
}

/** Every period of a kind that overlaps [first, last], newest first. */
export function listPeriods(kind: PeriodKind, first: string, last: string): string[] {
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(last.slice(0, 4));
  const result: string[] = [];
  for (let year = lastYear; year >= firstYear; year--) {
    if (kind === 'year') {
      result.push(String(year));
      continue;
    }
    const parts = kind === 'quarter' ? [4, 3, 2, 1] : [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    for (const part of parts) {
      const label = kind === 'quarter' ? `${year}Q${part}` : `${year}-${pad(part)}`;
      const period = parsePeriod(label)!;
      if (period.to >= first && period.from <= last) result.push(label);
    }
  }
  return result;
}

/** The quarter the quarterly report covers for a period: the period itself, else the quarter it ends in, at most `latest`. */
export function reportQuarter(period: string, latest: string): string | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  const end = parsePeriod(`${parsed.to.slice(0, 4)}Q${Math.ceil(Number(parsed.to.slice(5, 7)) / 3)}`)!;
  const quarter = `${end.year}Q${end.part}`;
  const cap = parsePeriod(latest);
  return cap?.kind === 'quarter' && quarter > latest ? latest : quarter;
}

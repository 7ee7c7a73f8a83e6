import { parsePeriod, quarterOf } from '../../../shared/period';
import { kpiGroupings, type KpiGroupBy } from '../../../shared/kpi';
import type { KpiDisclosure } from '../../../shared/kpi-disclosure';

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

export { listPeriods, parsePeriod, type ParsedPeriod, type PeriodKind } from '../../../shared/period';

/** The quarter the quarterly report covers for a period: the period itself, else the quarter it ends in, at most `latest`. */
export function reportQuarter(period: string, latest: string): string | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  const quarter = quarterOf(parsed);
  const cap = parsePeriod(latest);
  return cap?.kind === 'quarter' && quarter > latest ? latest : quarter;
}

/**
 * The period a role is shown for the one in the address. A free interval is published only to roles that get exact
 * figures (docs/kpi.md); one bookmarked or shared by such a colleague would be a 400 for the others. They see the
 * smallest calendar month, quarter or year that holds it instead (the year it ends in, when it spans years), and the
 * page says so: `replaced` is the interval asked for.
 */
export function publishedPeriod(asked: string, disclosure: KpiDisclosure): { period: string; replaced: string | null } {
  const interval = parsePeriod(asked);
  if (disclosure === 'exact' || interval?.kind !== 'interval') return { period: asked, replaced: null };
  const [from, to] = [interval.from.slice(0, 7), interval.to.slice(0, 7)];
  const start = parsePeriod(from)!;
  let period = to.slice(0, 4);
  if (from === to) period = to;
  else if (quarterOf(start) === quarterOf(parsePeriod(to)!)) period = quarterOf(start);
  return { period, replaced: interval.label };
}

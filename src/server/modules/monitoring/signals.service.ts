import type { KpiGroupBy, KpiId, KpiUnit } from '../../../shared/kpi.js';
import type { Db } from '../../db/client.js';
import { computeKpis } from './kpi.service.js';
import { parsePeriod } from './period.js';
import { listTargets } from './targets.service.js';

export interface Signal {
  kpi: KpiId;
  kpiName: string;
  unit: KpiUnit;
  scopeType: 'region' | 'municipality' | 'provider';
  key: string;
  label: string;
  value: number;
  target: { value: number; comparator: 'atMost' | 'atLeast' };
  /** Query string for the trajectory search (`/trajecten?…`), which shows pseudonyms only. */
  trajectoriesQuery: string;
}

/**
 * Every published cell that crosses its target in the period: the region, each municipality and each provider. Only
 * KPIs with a target (and the year-end forecast against the budget) are computed; suppressed cells never signal.
 */
export async function listSignals(db: Db, options: { regionId: string; period: string; provider?: string; threshold?: number }): Promise<Signal[]> {
  const period = parsePeriod(options.period);
  const targets = await listTargets(db, options.regionId);
  const kpis = [...new Set<KpiId>([...targets.map((t) => t.kpi), 'spend_forecast'])];
  const scopes: Array<{ groupBy: KpiGroupBy; scopeType: Signal['scopeType'] }> = options.provider
    ? [{ groupBy: 'region', scopeType: 'provider' }]
    : [{ groupBy: 'region', scopeType: 'region' }, { groupBy: 'municipality', scopeType: 'municipality' }, { groupBy: 'provider', scopeType: 'provider' }];
  const signals: Signal[] = [];
  for (const scope of scopes) {
    const filters = options.provider ? { provider: options.provider } : {};
    const response = await computeKpis(db, { regionId: options.regionId, period: options.period, groupBy: scope.groupBy, filters, kpis, threshold: options.threshold });
    for (const result of response.data) {
      const cells = scope.groupBy === 'region' ? [{ ...result.total, key: options.provider ?? 'region', label: options.provider ? result.total.label : 'Regio' }] : result.rows;
      for (const cell of cells) {
        if (!cell.target || cell.target.met || cell.value === null || cell.suppressed) continue;
        const query = new URLSearchParams({ from: period.from, to: period.to });
        if (scope.scopeType === 'municipality') query.set('municipalityCode', cell.key);
        if (scope.scopeType === 'provider') query.set('providerAgb', options.provider ?? cell.key);
        signals.push({
          kpi: result.kpi.id, kpiName: result.kpi.name, unit: result.kpi.unit, scopeType: scope.scopeType, key: cell.key, label: cell.label,
          value: cell.value, target: { value: cell.target.value, comparator: cell.target.comparator }, trajectoriesQuery: query.toString(),
        });
      }
    }
  }
  return signals;
}

import type { KpiGroupBy, KpiId, KpiUnit } from '../../../shared/kpi.js';
import type { KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import type { Db } from '../../db/client.js';
import { earlyReasons, perPlanReasons } from './kpis/kpi-module.js';
import { computeKpis } from './kpi.service.js';
import { moneyLineSignals } from './money-signals.js';
import { parsePeriodFor } from './period.js';
import { listTargets } from './targets.service.js';

export interface Signal {
  kpi: KpiId;
  kpiName: string;
  unit: KpiUnit;
  scopeType: 'region' | 'municipality' | 'provider' | 'budgetLine';
  key: string;
  label: string;
  value: number;
  target: { value: number; comparator: 'atMost' | 'atLeast' };
  /**
   * Query string for the trajectory search (`GET /trajectories?…`, shown at `/trajecten`), which shows pseudonyms only:
   * the period and the cell's municipality or provider; for uitval and beëindigd volgens plan also the end reasons
   * and `ended=true` (`endReason=32,33,34,35&ended=true`), so it lists the endings the figure counts.
   */
  trajectoriesQuery: string;
}

/**
 * The endings a share-of-endings KPI counts: its link lists the trajectories that ended in the period with these
 * reasons (the numerator), not every trajectory that ran in it.
 */
const endingsOf: Partial<Record<KpiId, string[]>> = { dropout: earlyReasons, ended_per_plan: perPlanReasons };

/**
 * Every published cell that crosses its target in the period: the region, each municipality and each provider. Only
 * KPIs with a target (and the year-end forecast against the budget) are computed; suppressed cells never signal.
 */
export async function listSignals(
  db: Db,
  options: { regionId: string; period: string; provider?: string; threshold?: number; disclosure?: KpiDisclosure },
): Promise<Signal[]> {
  const period = parsePeriodFor(options.period, options.disclosure ?? 'published');
  const targets = await listTargets(db, options.regionId);
  const kpis = [...new Set<KpiId>([...targets.map((t) => t.kpi), 'spend_forecast'])];
  const scopes: Array<{ groupBy: KpiGroupBy; scopeType: Signal['scopeType'] }> = options.provider
    ? [{ groupBy: 'region', scopeType: 'provider' }]
    : [
        { groupBy: 'region', scopeType: 'region' },
        { groupBy: 'municipality', scopeType: 'municipality' },
        { groupBy: 'provider', scopeType: 'provider' },
      ];
  const signals: Signal[] = [];
  for (const scope of scopes) {
    const filters = options.provider ? { provider: options.provider } : {};
    const response = await computeKpis(db, {
      regionId: options.regionId,
      period: options.period,
      groupBy: scope.groupBy,
      filters,
      kpis,
      threshold: options.threshold,
      disclosure: options.disclosure,
    });
    for (const result of response.data) {
      const cells =
        scope.groupBy === 'region'
          ? [
              {
                ...result.total,
                key: options.provider ?? 'region',
                label: options.provider ? result.total.label : 'Regio',
              },
            ]
          : result.rows;
      for (const cell of cells) {
        if (!cell.target || cell.target.met || cell.value === null || cell.suppressed) continue;
        const query = new URLSearchParams({ from: period.from, to: period.to });
        if (scope.scopeType === 'municipality') query.set('municipalityCode', cell.key);
        if (scope.scopeType === 'provider') query.set('providerAgb', options.provider ?? cell.key);
        const reasons = endingsOf[result.kpi.id];
        if (reasons) {
          query.set('endReason', reasons.join(','));
          query.set('ended', 'true');
        }
        signals.push({
          kpi: result.kpi.id,
          kpiName: result.kpi.name,
          unit: result.kpi.unit,
          scopeType: scope.scopeType,
          key: cell.key,
          label: cell.label,
          value: cell.value,
          target: { value: cell.target.value, comparator: cell.target.comparator },
          trajectoriesQuery: query.toString().replace(/%2C/g, ','),
        });
      }
    }
  }
  // Per budget line and municipality: the forecast against the line's budget (not for a provider's own figures).
  if (!options.provider) signals.push(...(await moneyLineSignals(db, { ...options, period: options.period })));
  return signals;
}

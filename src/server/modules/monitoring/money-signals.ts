import { kpiDefinitionById } from '../../../shared/kpi.js';
import type { KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import type { Db } from '../../db/client.js';
import { computeMoneyLines } from './money-lines.js';
import type { Signal } from './signals.service.js';

/**
 * A signal for every budget line, in the region and in each municipality, whose year-end forecast exceeds its budget:
 * whatever its source (iJw or the ledger). Withheld cells never signal.
 */
export async function moneyLineSignals(
  db: Db,
  options: { regionId: string; period: string; threshold?: number; disclosure?: KpiDisclosure },
): Promise<Signal[]> {
  const money = await computeMoneyLines(db, options);
  // While the facts are first built the iJw lines have no figures: no signal rather than a wrong one.
  if (money.building) return [];
  const kpi = kpiDefinitionById.get('spend_forecast')!;
  const query = (cbs?: string) => {
    const q = new URLSearchParams({ from: money.period.from, to: money.period.to });
    if (cbs) q.set('municipalityCode', cbs);
    return q.toString();
  };
  const signal = (key: string, label: string, value: number, budget: number, cbs?: string): Signal => ({
    kpi: 'spend_forecast',
    kpiName: kpi.name,
    unit: kpi.unit,
    scopeType: 'budgetLine',
    key,
    label,
    value,
    target: { value: budget, comparator: 'atMost' },
    trajectoriesQuery: query(cbs),
  });
  return money.lines.flatMap((line) => [
    ...(line.over ? [signal(line.code, line.name, line.forecast!, line.budget!)] : []),
    ...line.municipalities
      .filter((m) => m.over)
      .map((m) => signal(`${line.code}:${m.code}`, `${line.name} – ${m.name}`, m.forecast!, m.budget!, m.code)),
  ]);
}

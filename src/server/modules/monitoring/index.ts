/** The public surface of the steering information: the KPI figures, their refresh and the quarterly report. */
export { kpiRefreshJobName, refreshKpiFacts } from './facts.service.js';
export { computeKpis, kpiPeriods, resolveRegion } from './kpi.service.js';
export { createQuarterlyReport, parseQuarter } from './report/index.js';
export {
  measuredWaits,
  measuredWaitsPerMonth,
  type MeasuredMedian,
  type MeasuredMonth,
  type MeasuredWait,
} from './measured-waits.js';
export {
  providerVolumes,
  spendPerProviderLotMonth,
  type ProviderLotMonth,
  type ProviderVolume,
} from './provider-spend.js';
export { listSignals, type Signal } from './signals.service.js';
export { protect as suppressComplementary } from './suppression.js';

/** The public surface of the steering information: the KPI figures, their refresh and the quarterly report. */
export { kpiRefreshJobName, refreshKpiFacts } from './facts.service.js';
export { computeKpis, kpiPeriods, resolveRegion } from './kpi.service.js';
export {
  buildQuarterlyReportData,
  createQuarterlyReport,
  parseQuarter,
  quarterPattern,
  quarterReason,
  type QuarterlyReportData,
} from './report/index.js';
/** The quarterly report's wording of periods and cells, for other documents (the provider pack) to read alike. */
export {
  describeDay,
  describeMoment,
  describePeriod,
  periodHeading,
  periodName,
  provisionalText,
  targetText,
  valueText,
  withheldMarks,
  withholdCell,
  withholdResponse,
} from './report/report-format.js';
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

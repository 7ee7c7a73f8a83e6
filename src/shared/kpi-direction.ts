/**
 * Whether a change of a KPI is good or bad news, from the direction each KPI has (src/shared/kpi.ts): words for the
 * dashboard, the series and the exports, so ▲/▼ never has to say it alone.
 */
import type { KpiDirection } from './kpi.js';

export type KpiAssessment = 'better' | 'worse' | 'same';

/** Better or worse from `previous` to `value`; null for a KPI without a direction or a figure that is missing. */
export function assessChange(
  direction: KpiDirection | string,
  value: number | null,
  previous: number | null,
): KpiAssessment | null {
  if (value === null || previous === null || direction === 'neutral') return null;
  if (value === previous) return 'same';
  return value > previous === (direction === 'higher-is-better') ? 'better' : 'worse';
}

/** The Dutch words for an assessment, as screens and exports write them. */
export const assessmentWords: Record<KpiAssessment, string> = { better: 'beter', worse: 'slechter', same: 'gelijk' };

/** A KPI's direction in words, for a legend or a definition. */
export const directionWords: Record<KpiDirection, string> = {
  'higher-is-better': 'hoger is beter',
  'lower-is-better': 'lager is beter',
  neutral: 'hoger of lager is niet beter of slechter',
};

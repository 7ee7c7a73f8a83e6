import type { GoalAnswers } from '../../../shared/outcomes';

/** The API's answers, as src/server/modules/outcomes/outcomes.schema.ts declares them. */
export interface EndedAllocation {
  municipalityCode: string;
  allocationNumber: string;
  productCategory: string | null;
  productCode: string | null;
  startDate: string | null;
  endDate: string;
  endReason: string | null;
  registered: (GoalAnswers & { registeredAt: string }) | null;
}

export interface GoalCell {
  key: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  youths: number | null;
  suppressed: boolean;
}

export interface GoalCompleteness {
  ended: number;
  registered: number;
  percent: number | null;
  sufficient: boolean;
}

export interface GoalSummary {
  period: { label: string; from: string; to: string; provisional?: boolean };
  minCompletenessPercent: number;
  suppressionThreshold: number;
  total: GoalCompleteness;
  providers: Array<GoalCompleteness & { providerAgb: string; name: string }>;
  figures: Array<{ kpi: string; name: string; region: GoalCell; own: GoalCell | null; rows: GoalCell[] }>;
}

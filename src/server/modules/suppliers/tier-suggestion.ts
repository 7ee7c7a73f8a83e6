/**
 * A suggested tier (omvang: hoog, midden, basis) from the data, without the database. Each measure is taken relative
 * to the region's largest provider on it (0..1), the score is their weighted mean, and the region's bands turn the
 * score into a tier. docs/decisions.md, "Tiers with reasons".
 */

export interface TierWeights {
  spendShare: number;
  youths: number;
  lots: number;
  signals: number;
  /** Score at or above: hoog. */
  hoog: number;
  /** Score at or above (and below hoog): midden. */
  midden: number;
}

export const defaultTierWeights: TierWeights = {
  spendShare: 0.4,
  youths: 0.3,
  lots: 0.2,
  signals: 0.1,
  hoog: 0.5,
  midden: 0.2,
};

export interface TierMeasures {
  /** The provider's share of the region's declared spend, 0..1. */
  spendShare: number;
  youths: number;
  /** Lots it holds a running contract for. */
  lots: number;
  /** Open signals on its figures. */
  signals: number;
}

export type SuggestedTier = 'hoog' | 'midden' | 'basis';

export interface TierScore {
  score: number;
  suggested: SuggestedTier;
}

const measureKeys = ['spendShare', 'youths', 'lots', 'signals'] as const;

/** The score and suggested tier of each provider, in the order given; a measure no provider has counts 0 for all. */
export function suggestTiers(measures: readonly TierMeasures[], weights: TierWeights): TierScore[] {
  const max = Object.fromEntries(measureKeys.map((k) => [k, Math.max(0, ...measures.map((m) => m[k]))])) as Record<
    (typeof measureKeys)[number],
    number
  >;
  const totalWeight = measureKeys.reduce((n, k) => n + weights[k], 0);
  return measures.map((m) => {
    const weighted = measureKeys.reduce((n, k) => n + weights[k] * (max[k] > 0 ? m[k] / max[k] : 0), 0);
    const score = totalWeight > 0 ? Math.round((weighted / totalWeight) * 1000) / 1000 : 0;
    const suggested: SuggestedTier = score >= weights.hoog ? 'hoog' : score >= weights.midden ? 'midden' : 'basis';
    return { score, suggested };
  });
}

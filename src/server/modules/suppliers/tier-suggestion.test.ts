import { describe, expect, it } from 'vitest';
import { defaultTierWeights, suggestTiers, type TierMeasures } from './tier-suggestion.js';

const provider = (spendShare: number, youths: number, lots: number, signals = 0): TierMeasures => ({
  spendShare,
  youths,
  lots,
  signals,
});

describe('the suggested tier', () => {
  it('puts the region largest provider in hoog, a middling one in midden and a small one in basis', () => {
    const result = suggestTiers(
      [provider(0.6, 300, 3, 2), provider(0.15, 80, 1, 1), provider(0.01, 5, 1)],
      defaultTierWeights,
    );
    expect(result.map((r) => r.suggested)).toEqual(['hoog', 'midden', 'basis']);
    expect(result[0]!.score).toBe(1);
  });

  it('follows the region weights: weighing only lots makes a provider with many small lots hoog', () => {
    const measures = [provider(0.7, 400, 1), provider(0.05, 10, 4)];
    expect(suggestTiers(measures, defaultTierWeights).map((r) => r.suggested)).toEqual(['hoog', 'midden']);
    const lotsOnly = { ...defaultTierWeights, spendShare: 0, youths: 0, lots: 1, signals: 0 };
    expect(suggestTiers(measures, lotsOnly).map((r) => r.suggested)).toEqual(['midden', 'hoog']);
  });

  it('follows the region bands', () => {
    const measures = [provider(0.5, 100, 2), provider(0.2, 40, 1)];
    const score = suggestTiers(measures, defaultTierWeights)[1]!.score;
    expect(suggestTiers(measures, { ...defaultTierWeights, hoog: 0.9, midden: score })[1]!.suggested).toBe('midden');
    expect(suggestTiers(measures, { ...defaultTierWeights, hoog: 0.9, midden: score + 0.001 })[1]!.suggested).toBe(
      'basis',
    );
  });

  it('scores every provider 0 (basis) while the region has no figures yet', () => {
    expect(suggestTiers([provider(0, 0, 0), provider(0, 0, 0)], defaultTierWeights)).toEqual([
      { score: 0, suggested: 'basis' },
      { score: 0, suggested: 'basis' },
    ]);
  });
});

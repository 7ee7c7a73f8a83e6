/**
 * Disclosure control for published figures (docs/kpi.md, "Small numbers and rounding"): who gets exact figures for
 * any interval, and how the others' figures are rounded. One rule for server and browser, so the UI offers only
 * what the API answers.
 */
import type { Role } from './domain.js';
import { scopeOf } from './permissions.js';

/**
 * `exact`: the figures as computed, for any period, for roles that may read the region's trajectories anyway (they
 * learn nothing from a figure they could not count themselves). `published`: calendar months, quarters and years
 * only, counts rounded to fives and amounts to thousands of euros, for everyone else (beleid, an aanbieder) and for
 * every document that is passed on (the quarterly report).
 */
export type KpiDisclosure = 'exact' | 'published';

/** The bases published figures are rounded to: counts of youths (and trajectories) to 5, as CBS does; euros to 1,000. */
export const publishedRounding = { count: 5, euro: 1000 } as const;
export type KpiRounding = { count: number; euro: number };

/** A role reads exact figures only when it may read every trajectory of its region (not just its own provider's). */
export function kpiDisclosureFor(role: Role): KpiDisclosure {
  const scope = scopeOf(role, 'trajectories.read');
  return scope === 'region' || scope === 'installation' ? 'exact' : 'published';
}

/** What a published period must be, in the user's terms (the 400 on `period` says it). */
export const publishedPeriodReason =
  'kies een maand (2025-07), kwartaal (2025Q3) of jaar (2025); een vrije periode van/tot is er alleen voor wie de trajecten zelf mag inzien';

/** Rounds to the nearest multiple of `base` (halves away from zero, so a count of 2.5 × base never occurs). */
export function roundTo(value: number, base: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) / base) * base;
}

import { isValidBsn } from '../../shared/bsn.js';
import type { Rng } from './prng.js';

/**
 * Burgerservicenummer helpers. A BSN has 9 digits and passes the 11-proef (CS002, `isValidBsn`). Generated numbers
 * start with 9 to keep away from the low ranges that have been issued longest; they are fictional but nothing
 * guarantees that no real person holds one, so the data must stay test data.
 */
export { isValidBsn };

/** The check digit that completes 8 digits to a valid BSN, or undefined when none exists (it would be 10). */
export function bsnCheckDigit(first8: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * (9 - i);
  const check = sum % 11;
  return check <= 9 ? check : undefined;
}

/** Draws a new valid BSN in 9xxxxxxxx that is not yet in `used` (and adds it). */
export function generateBsn(rng: Rng, used: Set<string>): string {
  for (;;) {
    const first8 = `9${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = bsnCheckDigit(first8);
    if (check === undefined) continue;
    const bsn = `${first8}${check}`;
    if (used.has(bsn)) continue;
    used.add(bsn);
    return bsn;
  }
}

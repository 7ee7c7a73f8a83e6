import type { KpiCell, KpiResponse } from '../../../../shared/kpi.js';

/**
 * An attacker of the published figures (docs/kpi.md, "Small numbers and rounding"), for disclosure.test.ts. It knows
 * the method (the response says how figures are rounded; without that it takes them as exact) and collects every
 * published cell as an interval of the true values it allows, then narrows them with what adds up: a total is the
 * sum of its cells, a year the sum of its months. The test keeps the truth beside each cell (from the trajectories,
 * by the reference) and asks which small cells the attacker pins down.
 */

export interface Interval {
  lo: number;
  hi: number;
}

/** What the test knows about a cell and the attacker does not: its true figure and the youths behind it. */
export interface Truth {
  value: number;
  youths: number;
}

export type Kind = 'count' | 'euro';

interface Variable {
  kind: Kind;
  interval: Interval;
  truth: Truth;
  /** Where the attacker saw it, for the report. */
  label: string;
}

export interface Equation {
  total: string;
  parts: string[];
}

/** The true values a published cell allows, as the attacker reads it with the method the response states. */
export function publishedInterval(cell: KpiCell, kind: Kind, response: KpiResponse): Interval {
  const rounding = response.rounding ?? null;
  if (cell.suppressed || cell.value === null)
    // Withheld: a count stands for 1 … (a cell of 0 is published); an amount can be anything.
    return kind === 'count' ? { lo: 1, hi: Infinity } : { lo: -Infinity, hi: Infinity };
  const v = cell.value;
  if (kind === 'euro') {
    const half = rounding ? rounding.euro / 2 : 0.005;
    return { lo: v - half, hi: v + half };
  }
  if (!rounding || v === 0) return { lo: v, hi: v };
  // A published count other than 0 stands for at least the threshold (smaller cells are withheld).
  const half = Math.floor(rounding.count / 2);
  return { lo: Math.max(v - half, response.suppressionThreshold), hi: v + half };
}

export class Attacker {
  readonly variables = new Map<string, Variable>();
  readonly equations: Equation[] = [];
  /** Observations that contradict what the attacker took as the method: the method is not what the response says. */
  readonly contradictions: string[] = [];

  observe(key: string, kind: Kind, interval: Interval, truth: Truth, label: string): void {
    const known = this.variables.get(key);
    if (!known) {
      this.variables.set(key, { kind, interval, truth, label });
      return;
    }
    this.narrow(key, interval);
  }

  /** A total that is the sum of its parts (the test adds only those that truly add up). */
  addEquation(total: string, parts: string[]): void {
    if (parts.length) this.equations.push({ total, parts });
  }

  private narrow(key: string, next: Interval): boolean {
    const v = this.variables.get(key)!;
    let lo = Math.max(v.interval.lo, next.lo);
    let hi = Math.min(v.interval.hi, next.hi);
    if (v.kind === 'count') [lo, hi] = [Math.ceil(lo - 1e-9), Math.floor(hi + 1e-9)];
    if (lo > hi + 1e-6) {
      this.contradictions.push(`${v.label}: [${v.interval.lo}, ${v.interval.hi}] and [${next.lo}, ${next.hi}]`);
      return false;
    }
    const changed = lo > v.interval.lo + 1e-6 || hi < v.interval.hi - 1e-6;
    v.interval = { lo, hi };
    return changed;
  }

  /** Narrows every interval by every equation until nothing changes: what subtraction across answers gives. */
  solve(maxRounds = 30): void {
    for (let round = 0; round < maxRounds; round++) {
      let changed = false;
      for (const { total, parts } of this.equations) {
        const t = this.variables.get(total)!.interval;
        const ps = parts.map((p) => this.variables.get(p)!.interval);
        // Sums without one part, added up apart (∞ − ∞ is no number).
        const rest = (skip: number, bound: 'lo' | 'hi') => ps.reduce((s, p, i) => (i === skip ? s : s + p[bound]), 0);
        changed = this.narrow(total, { lo: rest(-1, 'lo'), hi: rest(-1, 'hi') }) || changed;
        parts.forEach((p, i) => {
          const [restLo, restHi] = [rest(i, 'lo'), rest(i, 'hi')];
          const lo = Number.isFinite(restHi) ? t.lo - restHi : -Infinity;
          const hi = Number.isFinite(restLo) ? t.hi - restLo : Infinity;
          changed = this.narrow(p, { lo, hi }) || changed;
        });
      }
      if (!changed) return;
    }
  }

  /**
   * The cells of 1–9 youths the attacker has pinned down: a count to its exact value, an amount to less than the
   * published rounding of € 1,000 (today: to the cent).
   */
  disclosures(): string[] {
    const out: string[] = [];
    for (const v of this.variables.values()) {
      const { lo, hi } = v.interval;
      if (v.truth.youths < 1 || v.truth.youths > 9) continue;
      if (v.kind === 'count' && lo === hi && lo === v.truth.value)
        out.push(`${v.label}: ${v.truth.value} youths, derived exactly`);
      if (v.kind === 'euro' && hi - lo < 1000 && lo <= v.truth.value + 0.01 && v.truth.value <= hi + 0.01)
        out.push(
          `${v.label}: € ${v.truth.value} for ${v.truth.youths} youths, derived within € ${(hi - lo).toFixed(2)}`,
        );
    }
    return out;
  }

  interval(key: string): Interval | undefined {
    return this.variables.get(key)?.interval;
  }

  truth(key: string): Truth | undefined {
    return this.variables.get(key)?.truth;
  }
}

/**
 * The difference of two counts of nested sets (a quarter's youths in care and its first month's, say): the youths in
 * the one and not the other, as the attacker can bound it; disclosed when that pins a group of 1–9 youths.
 */
export function differenceDisclosed(a: Interval, b: Interval, truth: number): boolean {
  const lo = Math.max(a.lo - b.hi, 0);
  const hi = a.hi - b.lo;
  return truth >= 1 && truth <= 9 && lo === hi && lo === truth;
}

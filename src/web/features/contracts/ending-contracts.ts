import type { Contract } from '../../lib/types';

export interface EndingContract {
  contract: Contract;
  /** The end as decided: the end date or the last decided extension. */
  end: string;
  /** The furthest extension option (status option) beyond that end, if any: a decision is due before `end`. */
  openUntil: string | null;
}

/** The same calendar day twelve months on, as an ISO date (29 February becomes 1 March). */
export function twelveMonthsAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + 1, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/**
 * The contracts a contract manager must act on within twelve months of `today`: those whose decided end falls
 * before the horizon, with the open extension option when there is one. An extension with status option is an
 * option (status option), not yet an end; the API's effectiveEndDate counts decided extensions only. Soonest first.
 */
export function endingWithin12Months(contracts: Contract[], today: string): EndingContract[] {
  const horizon = twelveMonthsAfter(today);
  return contracts
    .map((contract) => {
      const end = contract.effectiveEndDate;
      const open = contract.extensions
        .filter((e) => e.status === 'option' && e.newEndDate > end)
        .map((e) => e.newEndDate)
        .sort();
      return { contract, end, openUntil: open.at(-1) ?? null };
    })
    .filter((c) => c.end <= horizon)
    .sort((a, b) => a.end.localeCompare(b.end) || a.contract.reference.localeCompare(b.contract.reference));
}

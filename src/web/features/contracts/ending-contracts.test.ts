import { describe, expect, it } from 'vitest';
import type { Contract } from '../../lib/types';
import { endingWithin12Months, twelveMonthsAfter } from './ending-contracts';

type Extension = Contract['extensions'][number];

function contract(reference: string, endDate: string, extensions: Array<Partial<Extension>> = []): Contract {
  const full = extensions.map((e, i) => ({
    id: `${reference}-${i}`,
    newEndDate: '',
    decidedOn: null,
    note: null,
    status: 'option' as const,
    decideBy: null,
    ...e,
  }));
  // As the API computes it: the end date or the latest decided extension.
  const effectiveEndDate = [endDate, ...full.filter((e) => e.status === 'decided').map((e) => e.newEndDate)]
    .sort()
    .at(-1)!;
  return { id: reference, reference, endDate, effectiveEndDate, extensions: full } as Contract;
}

describe('endingWithin12Months', () => {
  const today = '2026-12-06';

  it('lists a contract whose decided end falls within twelve months, soonest first', () => {
    const result = endingWithin12Months(
      [contract('B', '2027-07-31'), contract('A', '2027-03-31'), contract('C', '2028-07-31')],
      today,
    );
    expect(result.map((r) => [r.contract.reference, r.end, r.openUntil])).toEqual([
      ['A', '2027-03-31', null],
      ['B', '2027-07-31', null],
    ]);
  });

  it('counts a decided extension as the end and an option as an open option', () => {
    const decided = contract('D', '2026-07-31', [
      { newEndDate: '2028-07-31', decidedOn: '2025-11-15', status: 'decided' },
    ]);
    const open = contract('O', '2027-07-31', [{ newEndDate: '2029-07-31' }]);
    const result = endingWithin12Months([decided, open], today);
    expect(result.map((r) => [r.contract.reference, r.end, r.openUntil])).toEqual([['O', '2027-07-31', '2029-07-31']]);
  });

  it('keeps the horizon at the same day next year, that day included', () => {
    expect(twelveMonthsAfter(today)).toBe('2027-12-06');
    expect(endingWithin12Months([contract('E', '2027-12-06'), contract('F', '2027-12-07')], today)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { sortRows } from './table';

describe('sorting a table in the browser', () => {
  const rows = [
    { name: 'Zorg 10', amount: 5 },
    { name: 'zorg 9', amount: null },
    { name: 'Ambulant', amount: -2 },
    { name: '', amount: 40 },
  ];
  it('orders text as Dutch readers expect (case-blind, numbers by value) and leaves empty cells last', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual([
      'Ambulant',
      'zorg 9',
      'Zorg 10',
      '',
    ]);
    expect(sortRows(rows, (r) => r.name, 'descending').map((r) => r.name)).toEqual([
      'Zorg 10',
      'zorg 9',
      'Ambulant',
      '',
    ]);
  });
  it('orders numbers by value, negatives first, with empty values last both ways', () => {
    expect(sortRows(rows, (r) => r.amount, 'ascending').map((r) => r.amount)).toEqual([-2, 5, 40, null]);
    expect(sortRows(rows, (r) => r.amount, 'descending').map((r) => r.amount)).toEqual([40, 5, -2, null]);
  });
  it('leaves the rows it was given as they were', () => {
    const before = rows.map((r) => r.name);
    sortRows(rows, (r) => r.name, 'descending');
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

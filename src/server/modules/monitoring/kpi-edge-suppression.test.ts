import { describe, expect, it } from 'vitest';
import { kpi, P, rows, useEdgeWorld } from './testing/kpi-edge-world.js';
import { suppressCells, type RawCell } from './suppression.js';

/** Small numbers over hand-made iJw messages (kpi-edge-world.ts): cells of 1–9 youths withheld, and the cell that would give them away. */
useEdgeWorld();

describe('small numbers', () => {
  const byMunicipality = (threshold: number) =>
    kpi('youths_in_care', '2025Q3', { groupBy: 'municipality', filters: { provider: P.small }, threshold });

  it('withholds a cell of 7 youths at threshold 10, and the next smallest row with it', async () => {
    const result = await byMunicipality(10);
    const cell = (k: string) => result.rows.find((r) => r.key === k)!;
    expect(result.total).toMatchObject({ value: 54, youths: 54, suppressed: false });
    for (const k of ['0331', '0321']) {
      expect(cell(k)).toMatchObject({
        suppressed: true,
        value: null,
        numerator: null,
        denominator: null,
        youths: null,
      });
    }
    expect(cell('0353')).toMatchObject({ suppressed: false, value: 15 });
    expect(cell('0356')).toMatchObject({ suppressed: false, value: 20 });
  });

  it('withholds the previous value of a withheld cell too', async () => {
    // docs/kpi.md: "its value, previous value, numerator, denominator and youth count are all withheld".
    const result = await byMunicipality(10);
    expect(result.rows.filter((r) => r.suppressed).map((r) => [r.key, r.previous])).toEqual([
      ['0321', null],
      ['0331', null],
    ]);
  });

  it('needs no second cell when two are small already, and none below the threshold', async () => {
    const thirteen = await byMunicipality(13);
    expect(
      thirteen.rows
        .filter((r) => r.suppressed)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['0321', '0331']);
    const five = await byMunicipality(5);
    expect(five.rows.filter((r) => r.suppressed)).toEqual([]);
    expect(rows(five)).toEqual({ '0321': 12, '0331': 7, '0353': 15, '0356': 20 });
  });

  it('withholds a count of 1 … 9 youths within a cell of more youths in care (3 of 54 are 18+)', async () => {
    // The youths behind "Jeugdigen van 18 jaar en ouder: 3" are those 3, not the 54 in care.
    const adults = await kpi('youths_18_plus', '2025Q3', { filters: { provider: P.small }, threshold: 10 });
    expect(adults.total).toMatchObject({ suppressed: true, value: null, youths: null });
  });

  it('withholds a total of 1 … 9 youths too, but publishes 0', async () => {
    const small = await kpi('youths_in_care', '2025Q2', { filters: { provider: P.overlap }, threshold: 10 });
    expect(small.total).toMatchObject({ suppressed: true, value: null, youths: null });
    // 54 youths in care at P.small in Q3, none of them residential: a count of 0 is published.
    const none = await kpi('residential_youths', '2025Q3', { filters: { provider: P.small }, threshold: 10 });
    expect(none.total).toMatchObject({ suppressed: false, value: 0 });
  });

  it('withholds more rows until the withheld ones together are no small number', () => {
    // Jeugdigen 18+ per gemeente: 59 in all; IJsselstein 3 and Lopik 2 are small, and 59 − 13 − 26 − 15 would publish
    // their 5 together. Houten, the next smallest, is withheld with them.
    const cell = (key: string, youths: number, previousYouths = 20): RawCell => ({
      key,
      label: key,
      value: youths,
      previous: previousYouths,
      numerator: null,
      denominator: null,
      youths,
      previousYouths,
    });
    const byKey = (cells: Array<{ key: string; suppressed: boolean; previous: number | null }>) =>
      Object.fromEntries(
        cells.map((c) => [c.key, c.suppressed ? 'withheld' : c.previous === null ? 'previous withheld' : 'shown']),
      );
    const { total, rows: cells } = suppressCells(
      cell('total', 59, 100),
      [
        cell('Houten', 13),
        cell('IJsselstein', 3, 4),
        cell('Lopik', 2, 30),
        cell('Nieuwegein', 26, 3),
        cell('Vijfheerenlanden', 15, 43),
      ],
      10,
    );
    expect(total).toMatchObject({ suppressed: false, value: 59 });
    // The previous period on its own counts: IJsselstein 4 and Nieuwegein 3 make 7, so Houten's 20 goes with them.
    expect(byKey(cells)).toEqual({
      Houten: 'withheld',
      IJsselstein: 'withheld',
      Lopik: 'withheld',
      Nieuwegein: 'previous withheld',
      Vijfheerenlanden: 'shown',
    });
    expect(cells.find((c) => c.key === 'Vijfheerenlanden')).toMatchObject({ value: 15, previous: 43 });
  });
});

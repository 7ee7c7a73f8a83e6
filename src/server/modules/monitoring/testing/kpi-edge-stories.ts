import { begeleidingLicht, begeleidingMidden, ggz, logeerhuis, wijkteam, Stories } from './care-stories.js';

/*
 * The stories of the KPI edge cases (kpi-edge-*.test.ts); kpi-edge-world.ts imports them as iJw messages.
 */

// The stories. Providers 98000001… each hold one case, so a provider filter isolates it.

export const P = {
  boundary: '98000001',
  overlap: '98000002',
  reasons: '98000003',
  reentry: '98000004',
  taak: '98000005',
  adult: '98000006',
  forecast: '98000007',
  small: '98000008',
  horizon: '98000009',
  wait: '98000010',
  clamp: '98000011',
  moved: '98000012',
  paused: '98000013',
  followed: '98000014',
  long: '98000015',
  short: '98000016',
  kinds: '98000017',
  lot: '98000018',
} as const;
/** Cents declared per forecast trajectory and month, kept to state the expected forecast below. */
export const declared = { g1: 0, g2: 0, g3: 0 };

/** Stories A–G: periods, overlaps, reasons, re-entry, taakgericht care, 18+ and money (kpi-edge-stories-late.ts has the rest). */
export function writeStories(s: Stories): void {
  // A: one trajectory across the quarter boundary, 15 March – 10 April 2025.
  s.care({
    youth: s.youth('2012-05-01'),
    provider: P.boundary,
    product: begeleidingLicht,
    allocation: { start: '2025-03-01', end: '2025-06-30', decided: '2025-03-03' },
    begin: '2025-03-15',
    end: '2025-04-10',
    reason: '31',
  });

  // B: youth B1 with two overlapping allocations of the same product; youth B2 with two products at once.
  const b1 = s.youth('2011-02-02');
  s.care({
    youth: b1,
    provider: P.overlap,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-05-31' },
    begin: '2025-01-06',
    end: '2025-05-30',
    reason: '31',
  });
  s.care({
    youth: b1,
    provider: P.overlap,
    product: begeleidingLicht,
    allocation: { start: '2025-03-01', end: '2025-08-31' },
    begin: '2025-03-03',
    end: '2025-08-29',
    reason: '31',
  });
  const b2 = s.youth('2013-03-03');
  s.care({
    youth: b2,
    provider: P.overlap,
    product: begeleidingLicht,
    allocation: { start: '2025-04-01', end: '2025-06-30' },
    begin: '2025-04-07',
  });
  s.care({
    youth: b2,
    provider: P.overlap,
    product: ggz,
    allocation: { start: '2025-04-01', end: '2025-09-30' },
    begin: '2025-04-14',
  });

  // C: reasons. 39 (uitstroom naar ander domein: turned 18 on 10 March 2025), 34 (voortijdig), 20 and 37 (administrative), 38 (other).
  s.care({
    youth: s.youth('2007-03-10'),
    provider: P.reasons,
    product: begeleidingMidden,
    allocation: { start: '2024-09-01', end: '2025-06-30' },
    begin: '2024-09-02',
    end: '2025-04-01',
    reason: '39',
  });
  s.care({
    youth: s.youth('2010-01-01'),
    provider: P.reasons,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-06-30' },
    begin: '2025-01-06',
    end: '2025-05-15',
    reason: '34',
  });
  s.care({
    youth: s.youth('2010-01-02'),
    provider: P.reasons,
    product: begeleidingLicht,
    allocation: { start: '2025-02-01', end: '2025-06-30' },
    begin: '2025-02-03',
    end: '2025-05-20',
    reason: '20',
  });
  s.care({
    youth: s.youth('2010-01-03'),
    provider: P.reasons,
    product: begeleidingLicht,
    allocation: { start: '2025-02-01', end: '2025-06-30' },
    begin: '2025-02-03',
    end: '2025-06-02',
    reason: '37',
  });
  s.care({
    youth: s.youth('2010-01-04'),
    provider: P.reasons,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-06-30' },
    begin: '2025-01-13',
    end: '2025-06-10',
    reason: '38',
  });

  // D: herhaald beroep. D1 back one day after the end; D2 a new start on the end day itself; D3 back 6 months + 1 day
  // later; D4 moved to another provider (38, not counted); D5 never back.
  const again = (born: string, firstBegin: string, end: string, reason: string, next: string | null) => {
    const y = s.youth(born);
    s.care({
      youth: y,
      provider: P.reentry,
      product: begeleidingLicht,
      allocation: { start: firstBegin, end: '2025-12-31' },
      begin: firstBegin,
      end,
      reason,
    });
    if (next)
      s.care({
        youth: y,
        provider: P.reentry,
        product: begeleidingMidden,
        allocation: { start: next, end: '2025-12-31' },
        begin: next,
      });
  };
  again('2012-01-01', '2025-01-06', '2025-03-31', '31', '2025-04-01');
  again('2012-01-02', '2025-01-06', '2025-02-28', '31', '2025-02-28');
  again('2012-01-03', '2024-10-07', '2025-01-31', '32', '2025-08-01');
  again('2012-01-04', '2025-01-06', '2025-03-14', '38', '2025-03-17');
  again('2012-01-05', '2025-01-06', '2025-02-14', '31', null);

  // E: taakgericht care, no JW301: ambulant 45T01 ended early by the provider (33); a short stay 44T01 (stay by productcategorie 44).
  s.care({
    youth: s.youth('2014-06-06'),
    provider: P.taak,
    product: wijkteam,
    begin: '2025-02-03',
    end: '2025-06-20',
    reason: '33',
  });
  s.care({
    youth: s.youth('2014-07-07'),
    provider: P.taak,
    product: logeerhuis,
    begin: '2025-01-10',
    end: '2025-05-09',
    reason: '31',
  });

  // F: 18+ by age on the period's last day: 18 on 30 June 2025, on 1 July 2025, on the last day of 2025 and on the
  // first of 2026 (a count by birth year takes all three born in 2007 in every quarter of 2025).
  for (const born of ['2007-06-30', '2007-07-01', '2007-12-31', '2008-01-01']) {
    s.care({
      youth: s.youth(born),
      provider: P.adult,
      product: begeleidingLicht,
      allocation: { start: '2025-01-01', end: '2026-06-30' },
      begin: '2025-01-06',
    });
  }

  // G: money. G1 and G2 still running after June 2025 (allocation ends 31 Dec and 30 Sep), G3 ended 31 May.
  const g1 = s.care({
    youth: s.youth('2011-11-11'),
    provider: P.forecast,
    product: begeleidingLicht,
    allocation: { start: '2024-10-01', end: '2025-12-31' },
    begin: '2024-10-01',
  });
  for (const m of ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'])
    declared.g1 = s.declare(g1, m, 10);
  const g2 = s.care({
    youth: s.youth('2011-11-12'),
    provider: P.forecast,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-09-30' },
    begin: '2025-01-06',
  });
  for (const m of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']) declared.g2 = s.declare(g2, m, 8);
  const g3 = s.care({
    youth: s.youth('2011-11-13'),
    provider: P.forecast,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-12-31' },
    begin: '2025-01-06',
    end: '2025-05-31',
    reason: '31',
  });
  for (const m of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) declared.g3 = s.declare(g3, m, 5);
}

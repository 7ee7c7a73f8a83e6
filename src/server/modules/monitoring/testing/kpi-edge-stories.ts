import {
  begeleidingLicht,
  begeleidingMidden,
  ggz,
  horizon,
  houten,
  ijsselstein,
  logeerhuis,
  lopik,
  nieuwegein,
  Stories,
  wijkteam,
} from './care-stories.js';

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

  // H: 7 youths in Lopik, 12 in Houten, 15 in IJsselstein, 20 in Nieuwegein, all starting in Q3 2025; three of
  // Nieuwegein's are 18+ (born 2006).
  for (const [home, n] of [
    [lopik, 7],
    [houten, 12],
    [ijsselstein, 15],
    [nieuwegein, 20],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const born = home === nieuwegein && i < 3 ? '2006-05-05' : '2012-09-09';
      s.care({
        youth: s.youth(born, home),
        provider: P.small,
        product: begeleidingLicht,
        allocation: { start: '2025-07-01', end: '2025-12-31' },
        begin: '2025-07-07',
      });
    }
  }

  // W: waits, from the request (JW315) and from the allocation (JW301), each counted only where its first date exists.
  // W1 asked 24 Feb, allocated 3 Mar, started 15 Mar: 19 days from the request, 12 from the allocation. W2 (no request)
  // started 17 Mar before its allocation of 20 Mar: 0 days from the allocation. W3 taakgericht: neither. W4 asked
  // 10 Jan, allocated 20 Jan, started 31 Mar: 80 and 70 days; its youth's W5 (no request) allocated 1 Feb, started
  // 3 Mar: 30 days. W6 (no request), W1's youth again, allocated 21 Mar, started 25 Mar: 4 days.
  const w1 = s.youth('2013-01-01');
  const w4 = s.youth('2013-01-04');
  s.care({
    youth: w4,
    provider: P.wait,
    product: begeleidingLicht,
    requested: '2025-01-10',
    allocation: { start: '2025-01-20', end: '2025-08-31' },
    begin: '2025-03-31',
  });
  s.care({
    youth: w4,
    provider: P.wait,
    product: ggz,
    allocation: { start: '2025-02-01', end: '2025-08-31' },
    begin: '2025-03-03',
  });
  s.care({
    youth: w1,
    provider: P.wait,
    product: ggz,
    allocation: { start: '2025-03-21', end: '2025-08-31' },
    begin: '2025-03-25',
  });
  s.care({
    youth: w1,
    provider: P.wait,
    product: begeleidingLicht,
    requested: '2025-02-24',
    allocation: { start: '2025-03-01', end: '2025-08-31', decided: '2025-03-03' },
    begin: '2025-03-15',
  });
  s.care({
    youth: s.youth('2013-01-02'),
    provider: P.wait,
    product: begeleidingLicht,
    allocation: { start: '2025-03-17', end: '2025-08-31', decided: '2025-03-20' },
    begin: '2025-03-17',
  });
  s.care({ youth: s.youth('2013-01-03'), provider: P.wait, product: wijkteam, begin: '2025-03-10' });

  // The data date of Lekstroom: ten start messages (JW305) dated 28 February 2026, the latest day on or after which ten of
  // Nieuwegein's messages are dated (so 6-month windows of 2025 up to 31 August are observed). One more message dated
  // far ahead (a start on 30 September 2026) does not move it (docs/kpi.md, "Data date").
  for (let i = 0; i < 10; i++)
    s.care({
      youth: s.youth(`2015-01-${String(i + 1).padStart(2, '0')}`),
      provider: P.horizon,
      product: wijkteam,
      begin: '2026-02-28',
    });
  s.care({ youth: s.youth('2015-02-01'), provider: P.horizon, product: wijkteam, begin: '2026-09-30' });
  // K: an ending on 31 August 2025: + 6 months = 28 February 2026, exactly the data date.
  s.care({
    youth: s.youth('2012-08-08'),
    provider: P.clamp,
    product: begeleidingLicht,
    allocation: { start: '2025-03-01', end: '2025-12-31' },
    begin: '2025-03-03',
    end: '2025-08-31',
    reason: '31',
  });

  // I: region Horizon, with fewer than ten messages, whose own data date is therefore its earliest message's day (the
  // allocation of 1 March 2024): an ending on 10 September 2024 has not had its 6 months (to 10 March 2025) observed there.
  s.care({
    youth: s.youth('2012-12-12', horizon),
    provider: P.horizon,
    product: begeleidingLicht,
    allocation: { start: '2024-03-01', end: '2024-12-31' },
    begin: '2024-03-04',
    end: '2024-09-10',
    reason: '31',
  });
  s.care({
    youth: s.youth('2012-12-13', horizon),
    provider: P.horizon,
    product: begeleidingLicht,
    allocation: { start: '2025-02-01', end: '2025-06-30' },
    begin: '2025-02-28',
  });

  // M: care paused (20, tijdelijk beëindigd) on 15 April 2025 and resumed the next day under a new allocation, ended
  // per plan (31) on 20 June: one ending that counts in Q2, after one that does not.
  const paused = s.youth('2011-04-04');
  s.care({
    youth: paused,
    provider: P.paused,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-04-15' },
    begin: '2025-01-06',
    end: '2025-04-15',
    reason: '20',
  });
  s.care({
    youth: paused,
    provider: P.paused,
    product: begeleidingLicht,
    allocation: { start: '2025-04-16', end: '2025-06-30' },
    begin: '2025-04-16',
    end: '2025-06-20',
    reason: '31',
  });

  // N: care ended on 10 April 2025 by a move to another provider (38: herhaald beroep does not follow it up), then
  // again at this provider from 11 April, ended per plan (31) on 15 June: one ending to follow up in Q2.
  const followed = s.youth('2011-05-05');
  s.care({
    youth: followed,
    provider: P.followed,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-04-10' },
    begin: '2025-01-06',
    end: '2025-04-10',
    reason: '38',
  });
  s.care({
    youth: followed,
    provider: P.followed,
    product: begeleidingLicht,
    allocation: { start: '2025-04-11', end: '2025-06-30' },
    begin: '2025-04-11',
    end: '2025-06-15',
    reason: '31',
  });

  // O: care at one provider from January 2023 to 30 June 2025, and a month at another in February 2023: in 2025 the
  // last trajectory to start is the short one, at a provider with nothing else in 2024 or 2025.
  const twice = s.youth('2010-06-06');
  s.care({
    youth: twice,
    provider: P.long,
    product: begeleidingLicht,
    allocation: { start: '2023-01-01', end: '2025-06-30' },
    begin: '2023-01-02',
    end: '2025-06-30',
    reason: '31',
  });
  s.care({
    youth: twice,
    provider: P.short,
    product: begeleidingLicht,
    allocation: { start: '2023-02-01', end: '2023-03-31' },
    begin: '2023-02-01',
    end: '2023-03-01',
    reason: '31',
  });

  // L: a youth in care in Nieuwegein (Lekstroom) since November 2024 who moves to Horizon and starts there on 6 January
  // 2025, the Nieuwegein care running on: new in region Horizon, whatever runs in another region. Both declare 4 hours
  // in January and in February 2025 (Nieuwegein's prestaties begin on the 1st, Horizon's January one on the 6th).
  const mover = s.youth('2012-10-10');
  const left = s.care({
    youth: mover,
    provider: P.moved,
    product: begeleidingLicht,
    allocation: { start: '2024-11-01', end: '2025-12-31' },
    begin: '2024-11-04',
  });
  const joined = s.care({
    youth: { ...mover, municipality: horizon },
    provider: P.moved,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-06-30' },
    begin: '2025-01-06',
  });
  for (const month of ['2025-01', '2025-02']) for (const t of [left, joined]) s.declare(t, month, 4);
}

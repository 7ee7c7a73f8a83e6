import {
  begeleidingLicht,
  ggz,
  horizon,
  houten,
  ijsselstein,
  lopik,
  nieuwegein,
  wijkteam,
  Stories,
} from './care-stories.js';
import { P } from './kpi-edge-stories.js';

/**
 * The later stories of the KPI edge cases (kpi-edge-*.test.ts), written after kpi-edge-stories.ts's: small groups per
 * municipality (H), waits (W), the data date (K, I), endings that follow one another (M, N), long care (O) and a move to
 * another region (L).
 */
export function writeLateStories(s: Stories): void {
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

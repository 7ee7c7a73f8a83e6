/**
 * Availability search under load (issue 16): referrers looking for a contracted provider with room. The demo region is
 * seeded into a fresh PGlite data directory and filled by bulk SQL (not through the API: that would take hours) with
 * 2,000 providers (200 with --quick), each with 3 locations, contracts for every lot running today (some through a
 * combination, a few ended or kept running by an extension) and an entry per location for each of the region's 30
 * products: 180,000 entries with a spread of waits, waiting lists, places, client stops (running and announced, never on
 * crisis care), specialisations from the default vocabulary, age ranges, languages, offer forms and confirmations (some
 * stale). A real server process (`zorglandschap serve`) then answers 50 signed-in verwijzers over HTTP, each searching
 * with mixed filters (page 1, 25 per page) and reading the answer 1–2 s before the next search. Measured: p50, p95 and
 * max latency, requests and errors. Run: `npm run bench -- --only=availability [--quick]`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { defaultSpecialisations, offerForms } from '../src/shared/availability.js';
import { addDays, dutchToday } from '../src/shared/period.js';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { users } from '../src/server/db/schema/index.js';
import { openSession } from '../src/server/modules/auth/index.js';
import { pct, send, startServer, stopServer } from './load.js';

export interface AvailabilityBenchOptions {
  quick: boolean;
  /** Length of the measured run; 60 s by default, 20 s with --quick. */
  seconds?: number;
  log?: (line: string) => void;
}

export interface AvailabilityBenchResult {
  availability_search_p95_ms: number;
  availability_search_errors: number;
  markdown: string;
}

/** What the referrers can search for: the region's municipalities and products. */
interface Vocabulary {
  municipalities: string[];
  products: Array<{ id: string; category: string }>;
  categories: string[];
}

/** The 18 products the bench adds to the demo's 12, over the demo's lots: 30 products in the region. */
const benchProducts: Array<{ lot: string; category: string; code: string; name: string; stay?: string }> = [
  ...[5, 6, 7, 8].map((n) => ({ lot: 'AMB', category: '45', code: `45A0${n}`, name: `Ambulante jeugdhulp ${n}` })),
  ...[2, 3, 4, 5, 6].map((n) => ({ lot: 'AMB', category: '54', code: `54B0${n}`, name: `Jeugd-ggz ${n}` })),
  ...[1, 2, 3].map((n) => ({ lot: 'AMB', category: '41', code: `41D0${n}`, name: `Dagbehandeling ${n}` })),
  { lot: 'CRI', category: '46', code: '46C03', name: 'Crisisopvang' },
  { lot: 'GZV', category: '43', code: '43G02', name: 'Gezinshuis met behandeling', stay: 'gezinshuis' },
  { lot: 'GZV', category: '44', code: '44G02', name: 'Pleegzorg', stay: 'pleegzorg' },
  ...[1, 2, 3].map((n) => ({ lot: 'JIO', category: '50', code: `50M0${n}`, name: `Maatwerk onderwijs ${n}` })),
];

const textArray = (list: readonly string[]) => `{${list.map((s) => `"${s}"`).join(',')}}`;

/** Fills the demo region with `providers` providers and their entries by bulk SQL; returns what referrers search. */
export async function fillRegion(
  database: Database,
  providerCount: number,
): Promise<{ vocabulary: Vocabulary; regionId: string }> {
  const db = database.db;
  await seedDemoRegionIfEmpty(db);
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);
  const [region] = await q<{ id: string }>(sql`select id from regions where code = 'lekstroom'`);
  const regionId = region!.id;
  const today = dutchToday();
  await db.transaction(async (tx) => {
    const x = (query: ReturnType<typeof sql>) => tx.execute(query);
    await x(sql`select setseed(0.16)`);
    for (const p of benchProducts)
      await x(sql`insert into products (region_id, lot_id, product_category, product_code, name, unit, funding_variant, with_stay, stay_form, valid_from)
        select ${regionId}, l.id, ${p.category}, ${p.code}, ${p.name}, '04', 'inspanningsgericht', ${p.stay !== undefined}, ${p.stay ?? null}, '2023-01-01'
        from lots l where l.region_id = ${regionId} and l.code = ${p.lot}`);
    // Providers with AGB codes 98xxxxxx (the demo's start with 99), three locations each in or near the region.
    await x(sql`insert into providers (agb_code, kvk_number, name, domains)
      select '98' || lpad(i::text, 6, '0'), lpad((70000000 + i)::text, 8, '0'), 'Jeugdhulp Bench ' || i, '{jeugd}'
      from generate_series(1, ${providerCount}) i`);
    await x(sql`insert into provider_locations (provider_id, name, postcode, city)
      select p.id, p.name || ' ' || c.city, c.postcode, c.city
      from providers p
      cross join generate_series(1, 3) k
      cross join lateral (select (array['Houten','IJsselstein','Lopik','Nieuwegein','Vianen','Utrecht','Culemborg'])[1 + (substr(p.agb_code, 3)::int * 3 + k) % 7] as city,
        (3400 + (substr(p.agb_code, 3)::int * 7 + k * 13) % 600)::text || ' ' || chr(65 + k) || chr(65 + (substr(p.agb_code, 3)::int % 26)) as postcode) c
      where p.agb_code like '98%'`);
    // Every twentieth provider leads a combination with the next two as members, which the JiO lot contracts as one.
    await x(sql`insert into combinations (region_id, name, lead_provider_id)
      select ${regionId}, 'Combinatie ' || p.name, p.id from providers p
      where p.agb_code like '98%' and substr(p.agb_code, 3)::int % 20 = 1 and substr(p.agb_code, 3)::int + 2 <= ${providerCount}`);
    await x(sql`insert into combination_members (combination_id, provider_id)
      select c.id, m.id from combinations c join providers lead on lead.id = c.lead_provider_id
      join providers m on m.agb_code in ('98' || lpad((substr(lead.agb_code, 3)::int + 1)::text, 6, '0'), '98' || lpad((substr(lead.agb_code, 3)::int + 2)::text, 6, '0'))
      where c.region_id = ${regionId} and c.name like 'Combinatie Jeugdhulp Bench%'`);
    // A contract per provider and lot (members of a combination hold JiO through it); 3 % ended last year, 10 % run
    // today only through an extension.
    await x(sql`insert into contracts (region_id, reference, provider_id, combination_id, lot_id, start_date, end_date, procedure, funding_variant)
      select ${regionId}, 'BEN-' || substr(p.agb_code, 3) || '-' || l.code, p.id,
        case when l.code = 'JIO' then c.id end, l.id,
        case when r < 0.03 then date '2021-01-01' else date '2024-01-01' end,
        case when r < 0.03 then ${addDays(today, -200)}::date when r < 0.13 then ${addDays(today, -30)}::date else date '2029-12-31' end,
        case when l.code in ('GZV', 'CRI') then 'europese-aanbesteding' else 'open-house' end,
        case when l.code = 'CRI' then 'outputgericht' else 'inspanningsgericht' end
      from providers p cross join lots l
      cross join lateral (select random() + 0 * length(p.id::text || l.id::text) as r) rr
      left join combinations c on c.lead_provider_id = p.id and c.region_id = ${regionId}
      where p.agb_code like '98%' and l.region_id = ${regionId}
        and not (l.code = 'JIO' and exists (select 1 from combination_members cm where cm.provider_id = p.id))`);
    await x(sql`insert into contract_extensions (contract_id, new_end_date, decided_on, note)
      select id, date '2028-12-31', ${addDays(today, -90)}::date, 'Verlenging' from contracts
      where reference like 'BEN-%' and end_date = ${addDays(today, -30)}::date`);
    // One entry per provider, location and product: 180,000 for 2,000 providers.
    await x(sql`insert into availability_entries (region_id, provider_id, location_id, product_id, product_category,
        intake_wait_weeks, treatment_wait_weeks, waiting_list_count, open_places, stop_reason, stop_from, stop_until,
        specialisations, note, age_from, age_to, languages, offer_forms, intake_phone, intake_email, intake_how,
        confirmed_at, updated_at)
      select ${regionId}, p.id, loc.id, pr.id, pr.product_category,
        case when crisis then 0 else least(104, floor(power(r1, 2) * 26))::int end,
        case when crisis then 0 else least(104, floor(power(r2, 3) * 40))::int end,
        case when crisis then 0 else floor(power(r3, 2) * 60)::int end,
        case when pr.with_stay then floor(r4 * 4)::int end,
        case when stop then 'Wachtlijst te lang: eerst de huidige aanmeldingen' end,
        case when stop then (case when r5 < 0.6 then ${addDays(today, -20)} else ${addDays(today, 20)} end)::date end,
        case when stop then (case when r5 < 0.6 then ${addDays(today, 40)} else ${addDays(today, 80)} end)::date end,
        array(select s from unnest(${textArray(defaultSpecialisations)}::text[]) s where random() < 0.18 + 0 * r1),
        case when r6 < 0.2 then 'Ervaring met gezinnen met meerdere problemen' end,
        (array[0, 4, 12, 0, 6, 16, 0])[ages], (array[18, 18, 23, 12, 18, 23, 23])[ages],
        case when r6 < 0.8 then '{nl}'::text[] when r6 < 0.95 then '{nl,en}'::text[] else '{nl,ar,tr}'::text[] end,
        case floor(r7 * 5)::int when 0 then ${textArray(offerForms.slice(0, 1))}::text[] when 1 then ${textArray(offerForms.slice(0, 2))}::text[]
          when 2 then ${textArray(offerForms)}::text[] when 3 then ${textArray([offerForms[0], offerForms[2]])}::text[] else ${textArray(offerForms.slice(1, 2))}::text[] end,
        '030 ' || lpad((substr(p.agb_code, 3)::int % 1000000)::text, 7, '0'), 'aanmelden@bench-' || substr(p.agb_code, 3) || '.example.nl',
        'Aanmelden via het formulier op de website of bel het intaketeam',
        now() - make_interval(secs => case when r8 < 0.15 then (5 + r9 * 15) * 7 * 86400 else r9 * 3 * 7 * 86400 end),
        now() - make_interval(secs => case when r8 < 0.15 then (5 + r9 * 15) * 7 * 86400 else r9 * 3 * 7 * 86400 end)
      from providers p
      join provider_locations loc on loc.provider_id = p.id
      cross join (select pr.*, l.code = 'CRI' as crisis from products pr join lots l on l.id = pr.lot_id where pr.region_id = ${regionId}) pr
      cross join lateral (select random() + 0 * length(loc.id::text || pr.id::text) as r1, random() as r2, random() as r3,
        random() as r4, random() as r5, random() as r6, random() as r7, random() as r8, random() as r9,
        1 + floor(random() * 7)::int as ages) r
      cross join lateral (select not pr.crisis and r4 < 0.07 as stop) s
      where p.agb_code like '98%'`);
  });
  await db.execute(sql`analyze`);
  const municipalities = (
    await q<{ c: string }>(sql`select cbs_code as c from municipalities where region_id = ${regionId} order by 1`)
  ).map((r) => r.c);
  const products = await q<{ id: string; category: string }>(
    sql`select id, product_category as category from products where region_id = ${regionId} order by product_code`,
  );
  return {
    regionId,
    vocabulary: { municipalities, products, categories: [...new Set(products.map((p) => p.category))].sort() },
  };
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/**
 * One referrer's search: mostly for the child's municipality, always for a product (half) or a productcategorie (half),
 * often with an age and a specialisation, sometimes an offer form or only those who take new clients; page 1 of 25.
 */
function nextSearch(v: Vocabulary): { kind: string; path: string } {
  const q = new URLSearchParams({ page: '1', pageSize: '25' });
  if (Math.random() < 0.85) q.set('municipality', pick(v.municipalities));
  const byProduct = Math.random() < 0.5;
  if (byProduct) q.set('productId', pick(v.products).id);
  else q.set('productCategory', pick(v.categories));
  if (Math.random() < 0.5) q.set('specialisation', pick(defaultSpecialisations));
  if (Math.random() < 0.7) q.set('age', String(Math.floor(Math.random() * 19)));
  if (Math.random() < 0.3) q.set('offerForm', pick(offerForms));
  if (Math.random() < 0.5) q.set('takesNewClients', 'true');
  return { kind: byProduct ? 'product' : 'category', path: `/api/v1/availability/offers?${q}` };
}

interface Figures {
  requests: number;
  errors: number;
  errorSample: string[];
  p50: number;
  p95: number;
  max: number;
  byKind: Record<string, { n: number; p95: number }>;
}

/** Closed loop: each referrer searches, reads the answer for 1–2 s, and searches again, for `seconds`. */
async function referrers(base: string, cookies: string[], v: Vocabulary, seconds: number): Promise<Figures> {
  const samples: number[] = [];
  const kinds = new Map<string, number[]>();
  const errorSample: string[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie, i) => {
      await new Promise((r) => setTimeout(r, (i / cookies.length) * 1500));
      while (performance.now() < until) {
        const { kind, path } = nextSearch(v);
        try {
          const ms = await send(base, { role: 'verwijzer', cookie }, path);
          samples.push(ms);
          kinds.set(kind, [...(kinds.get(kind) ?? []), ms]);
        } catch (err) {
          errors++;
          if (errorSample.length < 5) errorSample.push(err instanceof Error ? err.message : String(err));
        }
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
      }
    }),
  );
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  const all = sorted(samples);
  return {
    requests: all.length,
    errors,
    errorSample,
    p50: pct(all, 0.5),
    p95: pct(all, 0.95),
    max: Math.round(all.at(-1) ?? 0),
    byKind: Object.fromEntries([...kinds].map(([k, list]) => [k, { n: list.length, p95: pct(sorted(list), 0.95) }])),
  };
}

export async function runAvailabilityBench(options: AvailabilityBenchOptions): Promise<AvailabilityBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? (options.quick ? 20 : 60);
  const providerCount = options.quick ? 200 : 2000;
  const work = mkdtempSync(join(tmpdir(), 'zl-bench-availability-'));
  try {
    const dataDir = join(work, 'data');
    const setupStarted = performance.now();
    const database = await openDatabase({ dataDir, holder: 'bench availability' });
    let vocabulary: Vocabulary;
    const cookies: string[] = [];
    let counts: { entries: number; stale: number; stopped: number };
    try {
      const filled = await fillRegion(database, providerCount);
      vocabulary = filled.vocabulary;
      const [c] = await queryRows<{ entries: number; stale: number; stopped: number }>(
        database.db,
        sql`select count(*)::int as entries, count(*) filter (where confirmed_at < now() - interval '4 weeks')::int as stale,
          count(*) filter (where stop_from <= current_date and stop_until >= current_date)::int as stopped
          from availability_entries`,
      );
      counts = c!;
      for (let i = 0; i < 50; i++) {
        const [user] = await database.db
          .insert(users)
          .values({
            email: `verwijzer-${i}@bench.nl`,
            name: `Verwijzer ${i}`,
            role: 'verwijzer',
            regionId: filled.regionId,
          })
          .returning();
        cookies.push(`zl_session=${(await openSession(database.db, user!.id)).token}`);
      }
    } finally {
      await database.close();
    }
    const setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
    log(
      `availability: ${providerCount} providers, ${counts.entries} entries (${counts.stale} stale, ${counts.stopped} with a client stop today) set up in ${setupSeconds} s`,
    );
    const key = randomBytes(32).toString('base64');
    const { child, base } = await startServer({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      ZL_SECRET_KEY: key,
    });
    let figures: Figures;
    let load: string;
    try {
      await referrers(base, cookies, vocabulary, options.quick ? 5 : 15);
      load = loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
      figures = await referrers(base, cookies, vocabulary, seconds);
    } finally {
      await stopServer(child);
    }
    const kinds = Object.entries(figures.byKind)
      .map(([k, v]) => `by ${k} ${v.p95} ms (${v.n})`)
      .join(', ');
    log(
      `availability search: ${figures.requests} requests, p50 ${figures.p50} p95 ${figures.p95} max ${figures.max} ms, ${figures.errors} errors; p95 ${kinds} (load average ${load})`,
    );
    if (figures.errors) log(`  errors: ${figures.errorSample.join(' | ')}`);
    const markdown = `## Availability search: fifty referrers at once (${options.quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})

Region: the demo region with ${providerCount} providers added by bulk SQL, 3 locations each, contracts for every lot (JiO partly through combinations; 3 % ended, 10 % running through an extension), and an entry per provider, location and each of the region's ${vocabulary.products.length} products: ${counts.entries} entries, ${counts.stale} stale, ${counts.stopped} with a client stop today (set up in ${setupSeconds} s). PGlite; a real server process (\`zorglandschap serve\`) on loopback, the load generator on the same machine.
Run: 50 signed-in verwijzers, each searching (\`GET /api/v1/availability/offers\`, page 1 of 25) and reading the answer 1–2 s before the next search, for ${seconds} s after a warm-up. Filters: the child's municipality (85 %), a product (half) or else a productcategorie, a specialisation (50 %), an age (70 %), an offer form (30 %), only who takes new clients (50 %).
Load average is the machine's (1, 5, 15 min) when the run began: other work on the machine slows every figure.

| engine | requests | p50 ms | p95 ms | max ms | errors | p95 goal ms | load average |
|---|---|---|---|---|---|---|---|
| PGlite | ${figures.requests} | ${figures.p50} | ${figures.p95} | ${figures.max} | ${figures.errors} | ≤ 50 | ${load} |

p95 ${kinds}.
`;
    return {
      availability_search_p95_ms: figures.p95,
      availability_search_errors: figures.errors,
      markdown,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Load test: fifty signed-in colleagues at once. A generated region is imported into a fresh database (PGlite in a
 * data directory, and PostgreSQL when DATABASE_URL names a server), a real server process is started on it
 * (`zorglandschap serve` on a loopback port), and simulated users send the mix a region's staff makes — dashboard KPI
 * reads, the provider list and trajectory searches — over real HTTP with their own session cookies, each waiting
 * 1–2 s after an answer before the next request. Measured: latency percentiles, errors, requests/s and the server's
 * resident memory over the run; then the most requests/s the server answers with p95 under 1 s (open-loop steps of
 * rising arrival rate). Run: `npm run bench -- --only=load [--quick] [--load-seconds=60]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { kpiIds, type KpiGroupBy } from '../src/shared/kpi.js';
import type { Role } from '../src/shared/domain.js';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch.js';
import { seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { users } from '../src/server/db/schema/index.js';
import { openSession } from '../src/server/modules/auth/index.js';
import { importSources, readSources } from '../src/server/modules/exchange/index.js';
import { refreshKpiFacts } from '../src/server/modules/monitoring/index.js';
import { secretsFromKey } from '../src/server/security/secrets.js';
import { demoLandscape, generateIjw } from '../src/tools/ijw-generator/generate.js';

const repo = join(import.meta.dirname, '..');

export interface LoadBenchOptions {
  quick: boolean;
  /** Length of the main run (50 users with think time); 180 s by default. */
  seconds?: number;
  log?: (line: string) => void;
}

export interface LoadBenchResult {
  load_p95_ms_pglite: number;
  load_p95_ms_postgres: number | null;
  load_max_rps_pglite: number;
  load_max_rps_postgres: number | null;
  markdown: string;
}

interface User {
  role: Role;
  cookie: string;
  /** An aanbieder's own AGB code. */
  agb?: string;
}

interface Region {
  municipalities: string[];
  providers: string[];
  categories: string[];
  periods: string[];
}

interface RunFigures {
  requests: number;
  errors: number;
  errorSample: string[];
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  byKind: Record<string, { n: number; p95: number }>;
}

interface EngineFigures {
  engine: 'PGlite' | 'PostgreSQL';
  main: RunFigures;
  rss: { first: number; last: number; max: number };
  steps: Array<{ rate: number } & RunFigures>;
  maxRps: number;
  /** The server's CPU time per request in the main run (user + system). */
  cpuPerRequest: number;
  setupSeconds: number;
  load: string;
}

export const pct = (sorted: number[], p: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]! * 10) / 10 : 0;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** The region's users: policy, contract management and providers (each provider account sees only its own). */
const roleMix: Role[] = [
  ...Array<Role>(20).fill('beleid'),
  ...Array<Role>(20).fill('contractmanager'),
  ...Array<Role>(10).fill('aanbieder'),
];

/** One request of the mix for this user: about 60 % dashboard reads, 20 % provider list, 20 % trajectory search. */
function nextRequest(user: User, region: Region): { kind: string; path: string } {
  const roll = Math.random();
  const canSearch = user.role !== 'beleid';
  if (roll < 0.2)
    return { kind: 'providers', path: `/api/v1/providers?pageSize=50&page=${1 + Math.floor(Math.random() * 2)}` };
  if (roll < 0.4 && canSearch) {
    const q = new URLSearchParams({ pageSize: '50' });
    const filter = Math.random();
    if (filter < 0.3) q.set('municipalityCode', pick(region.municipalities));
    else if (filter < 0.6) q.set('productCategory', pick(region.categories));
    else if (filter < 0.8 && user.role !== 'aanbieder') q.set('providerAgb', pick(region.providers));
    if (Math.random() < 0.5) {
      const year = 2021 + Math.floor(Math.random() * 4);
      q.set('from', `${year}-01-01`);
      q.set('to', `${year}-12-31`);
    }
    return { kind: 'trajectories', path: `/api/v1/trajectories?${q}` };
  }
  // The dashboard: its overview (every KPI for the default period), a KPI's detail by a grouping, periods, signals.
  const d = Math.random();
  if (d < 0.1) return { kind: 'kpi-periods', path: '/api/v1/kpis/periods' };
  if (d < 0.2) return { kind: 'kpi-signals', path: '/api/v1/kpis/signals' };
  if (d < 0.5) return { kind: 'kpi-overview', path: '/api/v1/kpis?groupBy=region' };
  const groupings: KpiGroupBy[] =
    user.role === 'aanbieder'
      ? ['region', 'municipality', 'productCategory']
      : ['municipality', 'provider', 'productCategory', 'lot'];
  // Half for the default period (where the dashboard opens), half for one of a few others.
  const q = new URLSearchParams({ kpi: pick(kpiIds), groupBy: pick(groupings) });
  if (Math.random() < 0.5) q.set('period', pick(region.periods));
  return { kind: 'kpi-detail', path: `/api/v1/kpis?${q}` };
}

/** Sends one request and reads the whole answer; returns its wall time, or throws with the status. */
export async function send(base: string, user: User, path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { Cookie: user.cookie } }).catch((err: Error) => {
    // fetch says only "fetch failed": the reason (a reset or closed connection, a refusal) is its cause.
    const cause = err.cause as { code?: string; message?: string } | undefined;
    throw new Error(`${path}: ${err.message} (${cause?.code ?? cause?.message ?? 'no cause'})`);
  });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
  return ms;
}

class Recorder {
  samples: number[] = [];
  kinds = new Map<string, number[]>();
  errors = 0;
  errorSample: string[] = [];
  record(kind: string, ms: number) {
    this.samples.push(ms);
    let list = this.kinds.get(kind);
    if (!list) this.kinds.set(kind, (list = []));
    list.push(ms);
  }
  fail(err: unknown) {
    this.errors++;
    if (this.errorSample.length < 5) this.errorSample.push(String(err instanceof Error ? err.message : err));
  }
  figures(seconds: number): RunFigures {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const byKind = Object.fromEntries(
      [...this.kinds].map(([k, v]) => [
        k,
        {
          n: v.length,
          p95: pct(
            [...v].sort((a, b) => a - b),
            0.95,
          ),
        },
      ]),
    );
    return {
      requests: sorted.length,
      errors: this.errors,
      errorSample: this.errorSample,
      rps: Math.round((sorted.length / seconds) * 10) / 10,
      p50: pct(sorted, 0.5),
      p95: pct(sorted, 0.95),
      p99: pct(sorted, 0.99),
      max: Math.round(sorted.at(-1) ?? 0),
      byKind,
    };
  }
}

/** Closed loop: every user sends its next request 1–2 s after the last answer, for `seconds`. */
async function thinkingUsers(base: string, people: User[], region: Region, seconds: number): Promise<RunFigures> {
  const recorder = new Recorder();
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    people.map(async (user, i) => {
      // Staggered starts, so the fifty do not all arrive in the same millisecond.
      await new Promise((r) => setTimeout(r, (i / people.length) * 1500));
      while (performance.now() < until) {
        const { kind, path } = nextRequest(user, region);
        try {
          recorder.record(kind, await send(base, user, path));
        } catch (err) {
          recorder.fail(err);
        }
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
      }
    }),
  );
  return recorder.figures((performance.now() - started) / 1000);
}

/** Open loop: requests arrive at `rate` per second whatever the answers do (at most 400 waiting), for `seconds`. */
async function arrivals(base: string, people: User[], region: Region, rate: number, seconds: number) {
  const recorder = new Recorder();
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  for (let n = 0; n < rate * seconds; n++) {
    const due = started + (n / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (pending.size >= 400) {
      recorder.fail('more than 400 requests waiting');
      continue;
    }
    const user = people[n % people.length]!;
    const { kind, path } = nextRequest(user, region);
    const p: Promise<void> = send(base, user, path)
      .then(
        (ms) => recorder.record(kind, ms),
        (err) => recorder.fail(err),
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  }
  await Promise.all(pending);
  return recorder.figures((performance.now() - started) / 1000);
}

/** The process's CPU time so far (user and system), in ms: the cost of the work whatever else the machine does. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Starts `zorglandschap serve` on a free loopback port and waits for its address. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE_DIR=dir: the server writes a CPU profile there when it stops (to find what blocks).
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
      '--import',
      'tsx',
      join(repo, 'src', 'cli', 'main.ts'),
      'serve',
      '--no-demo',
      '--port',
      '0',
    ],
    { env: { ...env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /draait op (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`server ended (${code}): ${err}`)));
  });
  return { child, base };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const ended = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([ended, new Promise((r) => setTimeout(r, 30_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Fills a database with the region (demo master data and the generated messages) and fifty users with sessions. */
async function prepare(
  database: Database,
  messages: string[],
  key: Buffer,
): Promise<{ people: User[]; region: Region }> {
  await seedDemoRegionIfEmpty(database.db);
  await importSources({ db: database.db, secrets: secretsFromKey(key), actor: null }, readSources(messages), () => {});
  await refreshKpiFacts(database.db);
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
  const municipalities = (
    await q<{ c: string }>(sql`select distinct municipality_code as c from ijw_trajectories`)
  ).map((r) => r.c);
  const agbs = await q<{ agb: string; id: string }>(sql`
    select p.agb_code as agb, p.id from providers p where p.agb_code in (select distinct provider_agb from ijw_trajectories) order by 1`);
  const categories = (await q<{ c: string }>(sql`select distinct product_category as c from ijw_trajectories`)).map(
    (r) => r.c,
  );
  const [range] = await q<{ last: string }>(sql`select max(start_date)::text as last from ijw_trajectories`);
  const lastYear = Number(range!.last.slice(0, 4));
  const periods = [
    String(lastYear - 1),
    `${lastYear - 1}Q2`,
    `${lastYear - 1}Q4`,
    `${lastYear}Q1`,
    `${lastYear - 1}-06`,
  ];
  const [region] = await q<{ id: string }>(sql`select id from regions order by name limit 1`);
  const people: User[] = [];
  for (const [i, role] of roleMix.entries()) {
    const provider = role === 'aanbieder' ? agbs[i % agbs.length]! : undefined;
    const [user] = await database.db
      .insert(users)
      .values({
        email: `load-${i}@bench.nl`,
        name: `Collega ${i}`,
        role,
        regionId: region!.id,
        providerId: provider?.id ?? null,
      })
      .returning();
    const { token } = await openSession(database.db, user!.id);
    people.push({ role, cookie: `zl_session=${token}`, ...(provider ? { agb: provider.agb } : {}) });
  }
  return { people, region: { municipalities, providers: agbs.map((a) => a.agb), categories, periods } };
}

async function measureEngine(
  engine: 'PGlite' | 'PostgreSQL',
  env: NodeJS.ProcessEnv,
  open: () => Promise<Database>,
  messages: string[],
  options: Required<Pick<LoadBenchOptions, 'quick' | 'seconds' | 'log'>>,
): Promise<EngineFigures> {
  const setupStarted = performance.now();
  const key = randomBytes(32);
  const database = await open();
  let prepared: { people: User[]; region: Region };
  try {
    prepared = await prepare(database, messages, key);
  } finally {
    await database.close();
  }
  const setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
  const { child, base } = await startServer({ ...env, ZL_SECRET_KEY: key.toString('base64') });
  try {
    const { people, region } = prepared;
    // Warm-up: each user's first requests (the server's first answers compile queries and fill caches).
    await thinkingUsers(base, people, region, Math.min(15, options.seconds / 4));
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMib(child.pid!)), 2000);
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const cpuBefore = cpuMs(child.pid!);
    const main = await thinkingUsers(base, people, region, options.seconds);
    const cpuPerRequest = Math.round(((cpuMs(child.pid!) - cpuBefore) / Math.max(1, main.requests)) * 10) / 10;
    clearInterval(sampler);
    options.log(
      `load ${engine}: ${main.requests} requests, ${main.rps}/s, p50 ${main.p50} p95 ${main.p95} p99 ${main.p99} max ${main.max} ms, ${main.errors} errors, RSS ${rss[0]}→${rss.at(-1)} MiB (load average ${load})`,
    );
    options.log(
      `  server CPU ${cpuPerRequest} ms per request; p95 by kind: ${Object.entries(main.byKind)
        .map(([k, v]) => `${k} ${v.p95} ms (${v.n})`)
        .join(', ')}`,
    );
    if (main.errors) options.log(`  errors: ${main.errorSample.join(' | ')}`);
    // Most requests/s with p95 under 1 s: rising arrival rates, stopping at the first that misses.
    const steps: EngineFigures['steps'] = [];
    const stepSeconds = options.quick ? 10 : 20;
    for (const rate of [35, 50, 75, 100, 150, 200, 300, 400, 600]) {
      const figures = await arrivals(base, people, region, rate, stepSeconds);
      steps.push({ rate, ...figures });
      options.log(`  step ${rate}/s: served ${figures.rps}/s, p95 ${figures.p95} ms, ${figures.errors} errors`);
      if (figures.p95 > 1000 || figures.errors) break;
    }
    const good = steps.filter((s) => s.p95 <= 1000 && s.errors === 0);
    return {
      engine,
      main,
      rss: { first: rss[0] ?? 0, last: rss.at(-1) ?? 0, max: Math.max(0, ...rss) },
      steps,
      maxRps: Math.max(0, ...good.map((s) => s.rps)),
      cpuPerRequest,
      setupSeconds,
      load,
    };
  } finally {
    await stopServer(child);
  }
}

export async function runLoadBench(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? (options.quick ? 60 : 180);
  const size = options.quick ? { youths: 4000, years: 3 } : { youths: 50_000, years: 5 };
  const work = mkdtempSync(join(tmpdir(), 'zl-bench-load-'));
  try {
    const outDir = join(work, 'ijw');
    const manifest = await generateIjw({ outDir, ...demoLandscape(), ...size, startYear: 2021, seed: 7 });
    const messages = readdirSync(outDir)
      .filter((d) => /^\d{4}$/.test(d))
      .map((d) => join(outDir, d));
    const run = { quick: options.quick, seconds, log };
    const dataDir = join(work, 'data');
    const pglite = await measureEngine(
      'PGlite',
      { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      () => openDatabase({ dataDir, holder: 'bench load' }),
      messages,
      run,
    );
    let postgres: EngineFigures | null = null;
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'zl_bench_load');
      try {
        postgres = await measureEngine(
          'PostgreSQL',
          { ...process.env, DATABASE_URL: scratch.url, DATA_DIR: join(work, 'pg-data') },
          () => openDatabase({ databaseUrl: scratch.url }),
          messages,
          run,
        );
      } finally {
        await scratch.drop();
      }
    }
    const row = (f: EngineFigures | null, goal: number) =>
      f
        ? `| ${f.engine} | ${f.main.rps} | ${f.main.p50} | ${f.main.p95} | ${f.main.p99} | ${f.main.max} | ${f.main.errors} | ${f.rss.first} → ${f.rss.last} (max ${f.rss.max}) | ${f.maxRps} | ${f.cpuPerRequest} | ≤ ${goal} | ${f.load} |`
        : '| PostgreSQL | not measured (no DATABASE_URL) | | | | | | | | | ≤ 300 | |';
    const kinds = (f: EngineFigures) =>
      Object.entries(f.main.byKind)
        .map(([k, v]) => `${k} ${v.p95} ms (${v.n})`)
        .join(', ');
    const markdown = `## Load: fifty colleagues at once (${options.quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})

Region: ${size.youths} youths over ${size.years} years generated and imported (${manifest.records.total} records); a real server process (\`zorglandschap serve\`) on loopback, the load generator on the same machine.
Main run: 50 signed-in users (20 beleid, 20 contractmanager, 10 aanbieder), each sending its next request 1–2 s after the last answer, for ${seconds} s after a warm-up: about 60 % dashboard (overview of every KPI for the default period; one KPI by a grouping, for the default period or one of five others; periods; signals), 20 % provider list, 20 % trajectory search (beleid, which may not search, reads the dashboard instead).
Most requests/s: open-loop steps of 35, 50, 75, … requests/s (${options.quick ? 10 : 20} s each), the highest rate served with p95 ≤ 1 s and no errors.
Load average is the machine's (1, 5, 15 min) when the main run began: other work on the machine slows every figure.

| engine | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | server RSS MiB (start → end) | most requests/s with p95 ≤ 1 s | server CPU ms per request | p95 goal ms | load average |
|---|---|---|---|---|---|---|---|---|---|---|---|
${row(pglite, 1000)}
${row(postgres, 300)}

p95 per kind of request: PGlite: ${kinds(pglite)}${postgres ? `; PostgreSQL: ${kinds(postgres)}` : ''}.
`;
    return {
      load_p95_ms_pglite: pglite.main.p95,
      load_p95_ms_postgres: postgres?.main.p95 ?? null,
      load_max_rps_pglite: pglite.maxRps,
      load_max_rps_postgres: postgres?.maxRps ?? null,
      markdown,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../db/client.js';
import { buildUser, call, createTestContext, type TestContext } from '../testing/harness.js';
import { JobRunner, listJobStatus, requestJob, type JobDefinition } from './runner.js';

let ctx: TestContext;
let runners: JobRunner[] = [];
let counter = 0;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  for (const r of runners) await r.stop();
  runners = [];
});
afterAll(async () => {
  await ctx.close();
});

/** A job with its own name, so the tests of this file do not share rows. */
function job(run: JobDefinition['run'], overrides: Partial<JobDefinition> = {}): JobDefinition {
  counter += 1;
  return {
    name: `test-job-${counter}`,
    description: 'Een taak voor de test',
    everyMinutes: 60,
    runAtStart: false,
    timeoutMinutes: 5,
    run,
    ...overrides,
  };
}

async function start(jobs: JobDefinition[], options: { retryBaseMs?: number } = {}): Promise<JobRunner> {
  const runner = new JobRunner(ctx.database, jobs, { pollMs: 20, ...options });
  runners.push(runner);
  await runner.start();
  return runner;
}

/** A promise the test resolves when it lets a held run go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const status = async (j: JobDefinition) => (await listJobStatus(ctx.database.db, [j]))[0]!;

describe('JobRunner', () => {
  it('runs a job at start and again on its schedule, and keeps its last and next run', async () => {
    const runs: number[] = [];
    const every = job(async () => void runs.push(Date.now()), { runAtStart: true, everyMinutes: 0.005 });
    await start([every]);
    await vi.waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    // Each run starts about 300 ms after the one before ended, not at once.
    expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(250);
    const s = await status(every);
    expect(s.lastOutcome).toBe('succeeded');
    expect(Date.parse(s.nextRunAt!) - Date.parse(s.lastFinishedAt!)).toBe(300);
  });

  it('runs a requested job at once and one run at a time; requests during a run give one more run', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const held = gate();
    const slow = job(async () => {
      runs += 1;
      active += 1;
      most = Math.max(most, active);
      await held.opened;
      active -= 1;
    });
    // Two runners on one database, as two server processes on one PostgreSQL.
    await start([slow]);
    await start([slow]);
    expect(runs).toBe(0);
    await requestJob(ctx.database.db, slow.name);
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 10_000 });
    expect((await status(slow)).running).toBe(true);
    await requestJob(ctx.database.db, slow.name);
    await requestJob(ctx.database.db, slow.name);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toBe(1);
    held.open();
    await vi.waitFor(() => expect(runs).toBe(2), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await status(slow)).running).toBe(false), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('retries a failing job with a growing delay, keeps the error and the count, and clears them after a success', async () => {
    const seen: Array<{ failures: number; last_error: string | null; delay_ms: number | null }> = [];
    let attempt = 0;
    const flaky = job(
      async (db) => {
        attempt += 1;
        const [row] = await queryRows<(typeof seen)[number]>(
          db,
          sql`select failures, last_error, (extract(epoch from next_run_at - last_finished_at) * 1000)::int as delay_ms
            from background_jobs where name = ${flaky.name}`,
        );
        seen.push(row!);
        if (attempt <= 2) throw new Error(`Bron niet bereikbaar (${attempt})`);
      },
      { runAtStart: true },
    );
    await start([flaky], { retryBaseMs: 100 });
    await vi.waitFor(async () => expect((await status(flaky)).lastOutcome).toBe('succeeded'), { timeout: 10_000 });
    expect(seen.slice(1)).toEqual([
      { failures: 1, last_error: 'Bron niet bereikbaar (1)', delay_ms: 100 },
      { failures: 2, last_error: 'Bron niet bereikbaar (2)', delay_ms: 200 },
    ]);
    const s = await status(flaky);
    expect([s.failures, s.lastError]).toEqual([0, null]);
  });

  it('shows a failing job to the beheerder and answers requests while a job runs', async () => {
    const held = gate();
    const failing = job(async () => {
      await held.opened;
      throw new Error('De berekening liep vast');
    });
    await start([failing]);
    await requestJob(ctx.database.db, failing.name);
    await vi.waitFor(async () => expect((await status(failing)).running).toBe(true), { timeout: 10_000 });
    const { token } = await buildUser(ctx, 'beheerder');
    // The job holds no lock a request needs: the API answers while it runs.
    const list = await call(ctx, token, 'GET', '/jobs');
    expect(list.status).toBe(200);
    held.open();
    await vi.waitFor(async () => expect((await status(failing)).lastOutcome).toBe('failed'), { timeout: 10_000 });
    const s = await status(failing);
    expect(s).toMatchObject({ failures: 1, lastError: 'De berekening liep vast', running: false });
    expect(Date.parse(s.nextRunAt!)).toBeGreaterThan(Date.parse(s.lastFinishedAt!));
  });

  it('lets a running job finish when it stops, and starts no new run after', async () => {
    let finished = 0;
    const slow = job(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished += 1;
    });
    const runner = await start([slow]);
    await requestJob(ctx.database.db, slow.name);
    await vi.waitFor(async () => expect((await status(slow)).running).toBe(true), { timeout: 10_000 });
    await runner.stop();
    expect(finished).toBe(1);
    expect((await status(slow)).lastOutcome).toBe('succeeded');
    await requestJob(ctx.database.db, slow.name);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(finished).toBe(1);
  });

  it('runs a job by hand and waits for it', async () => {
    const byHand = job(async () => {
      throw new Error('kapot');
    });
    const runner = new JobRunner(ctx.database, [byHand]);
    expect(await runner.runNow(byHand.name)).toEqual({ outcome: 'failed', error: 'kapot' });
    expect((await status(byHand)).failures).toBe(1);
  });
});

describe('GET /jobs and POST /jobs/{name}/runs', () => {
  it('lists the jobs and lets only a beheerder ask for a run, without waiting for it', async () => {
    const admin = (await buildUser(ctx, 'beheerder')).token;
    const manager = (await buildUser(ctx, 'contractmanager')).token;
    expect((await call(ctx, manager, 'GET', '/jobs')).status).toBe(403);
    expect((await call(ctx, manager, 'POST', '/jobs/kpi-refresh/runs')).status).toBe(403);
    expect((await call(ctx, null, 'GET', '/jobs')).status).toBe(401);
    expect((await call(ctx, admin, 'POST', '/jobs/onbekend/runs')).status).toBe(404);
    const list = await call(ctx, admin, 'GET', '/jobs');
    expect(list.body.data.map((j: { name: string }) => j.name)).toEqual(['upload-temp-sweep', 'kpi-refresh']);
    const asked = await call(ctx, admin, 'POST', '/jobs/kpi-refresh/runs');
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ name: 'kpi-refresh', requested: true, everyMinutes: 15 });
  });
});

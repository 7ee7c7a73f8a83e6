import { EventEmitter } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../db/client.js';
import { loadConfig, type Config } from '../config.js';
import { safeErrorMessage, type Logger } from '../http/logger.js';

/** What a run gets besides the database: the installation's configuration (a mail server, say) and the log. */
export interface JobContext {
  config: Config;
  logger?: Logger | undefined;
}

/** A job the server runs in the background: on its schedule, at start, and whenever a run is requested. */
export interface JobDefinition {
  /** Stable key (URL-safe): the row in background_jobs and the path of POST /jobs/{name}/runs. */
  name: string;
  /** What the job does, in Dutch, for the beheerder's overview. */
  description: string;
  /** Runs this long after the previous run ended (or failed for good: retries come sooner). */
  everyMinutes: number;
  /** Whether a server start runs the job at once. */
  runAtStart: boolean;
  /** A run that holds the job longer than this is taken to have died (a crashed process), and may start again. */
  timeoutMinutes: number;
  run(db: Db, context: JobContext): Promise<void>;
}

export interface JobRunnerOptions {
  /** How often the runner looks for due or requested runs made by other processes (the CLI, a second server). */
  pollMs?: number;
  /** The first retry after a failure; each further failure doubles it, up to the job's interval. */
  retryBaseMs?: number;
  logger?: Logger | undefined;
  /** The configuration the jobs get; without it, the defaults (no mail server, for one). */
  config?: Config | undefined;
}

/** Requests made in this process, so a runner here starts at once instead of at its next poll. */
const requests = new EventEmitter();

/**
 * Asks for a run of job `name` as soon as a runner is free, without waiting for it: after an import commits, when a
 * read finds the data stale, or at the beheerder's request. The request is a row, so a runner in another process (a
 * server beside the CLI on PostgreSQL, or the next start of an embedded one) picks it up too. A request made while the
 * job runs leads to one more run after it.
 */
export async function requestJob(db: Db, name: string): Promise<void> {
  await db.execute(sql`
    insert into background_jobs (name, requested_at) values (${name}, now())
    on conflict (name) do update set requested_at = coalesce(background_jobs.requested_at, excluded.requested_at)`);
  requests.emit('request', db, name);
}

/**
 * Runs the given jobs in this process with their state in background_jobs: one run per job at a time (the row is
 * claimed in one statement, so two processes on one PostgreSQL never run a job twice), retries with a growing delay
 * after a failure, and each run's start, end, outcome and error kept for the beheerder. The same code on PGlite and
 * PostgreSQL (docs/decisions.md: why not pg-boss).
 */
export class JobRunner {
  private readonly byName: Map<string, JobDefinition>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private ticking: Promise<void> | undefined;
  private again = false;
  private readonly context: JobContext;
  private readonly onRequest = (db: Db) => {
    if (db === this.database.db) this.wake();
  };

  constructor(
    private readonly database: Database,
    jobs: readonly JobDefinition[],
    private readonly options: JobRunnerOptions = {},
  ) {
    this.byName = new Map(jobs.map((j) => [j.name, j]));
    this.pollMs = options.pollMs ?? 5000;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.context = { config: options.config ?? loadConfig({}), logger: options.logger };
  }

  /** Registers the jobs, schedules those that run at start for now, and begins polling. */
  async start(): Promise<void> {
    const db = this.database.db;
    // An embedded database has one process: a run still marked as running died with the process before.
    if (this.database.kind === 'pglite') await db.execute(sql`update background_jobs set running_since = null`);
    for (const job of this.byName.values()) {
      const next = job.runAtStart ? sql`now()` : sql`now() + ${minutes(job.everyMinutes)}`;
      await db.execute(sql`
        insert into background_jobs (name, next_run_at) values (${job.name}, ${next})
        on conflict (name) do update set next_run_at = ${job.runAtStart ? next : sql`coalesce(background_jobs.next_run_at, excluded.next_run_at)`}`);
    }
    this.stopped = false;
    requests.on('request', this.onRequest);
    this.wake();
  }

  /**
   * Stops taking new runs and waits for the running ones to end, at most `graceMs`; a run still going then is cut off
   * with the database connection, rolls back, and is retried by the next start.
   */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopped = true;
    requests.off('request', this.onRequest);
    clearTimeout(this.timer);
    await this.ticking;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.running.values()),
      new Promise((resolve) => (timeout = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timeout);
  }

  /**
   * Runs job `name` now and waits for it, whatever its schedule: for `zorglandschap kpi refresh` and the like. The run
   * is kept like any other; 'busy' when a run of the job is going on elsewhere.
   */
  async runNow(name: string): Promise<{ outcome: 'succeeded' | 'failed' | 'busy'; error: string | null }> {
    const job = this.byName.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    if (this.running.has(name) || !(await this.claim(job, sql`true`))) return { outcome: 'busy', error: null };
    const run = this.execute(job).finally(() => this.running.delete(name));
    this.running.set(name, run);
    await run;
    const [row] = await queryRows<{ last_outcome: 'succeeded' | 'failed'; last_error: string | null }>(
      this.database.db,
      sql`select last_outcome, last_error from background_jobs where name = ${name}`,
    );
    return { outcome: row!.last_outcome, error: row!.last_error };
  }

  /** Takes the job for a run when `due` holds and no live run holds it; one statement, so one taker wins. */
  private async claim(job: JobDefinition, due: SQL): Promise<boolean> {
    await this.database.db.execute(sql`insert into background_jobs (name) values (${job.name}) on conflict do nothing`);
    const claimed = await queryRows(
      this.database.db,
      sql`
      update background_jobs set running_since = now(), last_started_at = now(), requested_at = null
      where name = ${job.name} and (running_since is null or running_since < now() - ${minutes(job.timeoutMinutes)})
        and (${due})
      returning name`,
    );
    return claimed.length > 0;
  }

  /** Looks for due and requested runs now rather than at the next poll. */
  private wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.timer = setTimeout(() => this.wake(), this.pollMs);
    });
  }

  private async tick(): Promise<void> {
    for (const job of this.byName.values()) {
      if (this.stopped || this.running.has(job.name)) continue;
      try {
        if (!(await this.claim(job, sql`requested_at is not null or next_run_at <= now()`))) continue;
      } catch (error) {
        this.options.logger?.error({ job: job.name, err: error }, 'job claim failed');
        continue;
      }
      const run = this.execute(job).finally(() => {
        this.running.delete(job.name);
        this.wake();
      });
      this.running.set(job.name, run);
    }
  }

  /** One run: the job, then its outcome and next run in its row. Never throws: a failing job is retried later. */
  private async execute(job: JobDefinition): Promise<void> {
    const db = this.database.db;
    try {
      await job.run(db, this.context);
      await db.execute(sql`
        update background_jobs set running_since = null, last_finished_at = now(), last_outcome = 'succeeded',
          last_error = null, failures = 0, next_run_at = now() + ${minutes(job.everyMinutes)}
        where name = ${job.name}`);
    } catch (error) {
      const message = safeErrorMessage(error);
      this.options.logger?.error({ job: job.name, err: error }, 'job failed');
      const [row] = await queryRows<{ failures: number }>(
        db,
        sql`select failures from background_jobs where name = ${job.name}`,
      ).catch(() => []);
      const delayMs = Math.min(this.retryBaseMs * 2 ** (row?.failures ?? 0), job.everyMinutes * 60_000);
      await db
        .execute(
          sql`
          update background_jobs set running_since = null, last_finished_at = now(), last_outcome = 'failed',
            last_error = ${message.slice(0, 2000)}, failures = failures + 1,
            next_run_at = now() + ${milliseconds(delayMs)}
          where name = ${job.name}`,
        )
        .catch((e: unknown) => this.options.logger?.error({ job: job.name, err: e }, 'job state not saved'));
    }
  }
}

const milliseconds = (n: number) => sql`${n}::float8 * interval '1 millisecond'`;
const minutes = (n: number) => milliseconds(n * 60_000);

/** A job as the beheerder sees it (GET /api/v1/jobs). */
export interface JobStatus {
  name: string;
  description: string;
  everyMinutes: number;
  running: boolean;
  requested: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: 'succeeded' | 'failed' | null;
  lastError: string | null;
  failures: number;
  nextRunAt: string | null;
}

/** Every job with its state; a job that never ran (no runner started yet) shows empty fields. */
export async function listJobStatus(db: Db, jobs: readonly JobDefinition[]): Promise<JobStatus[]> {
  const rows = await queryRows<{
    name: string;
    next_run_at: string | null;
    requested_at: string | null;
    running_since: string | null;
    last_started_at: string | null;
    last_finished_at: string | null;
    last_outcome: 'succeeded' | 'failed' | null;
    last_error: string | null;
    failures: number;
  }>(
    db,
    sql`select name, ${iso('next_run_at')}, ${iso('requested_at')}, ${iso('running_since')}, ${iso('last_started_at')},
      ${iso('last_finished_at')}, last_outcome, last_error, failures from background_jobs`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  return jobs.map((job) => {
    const row = byName.get(job.name);
    return {
      name: job.name,
      description: job.description,
      everyMinutes: job.everyMinutes,
      running: Boolean(row?.running_since),
      requested: Boolean(row?.requested_at),
      lastStartedAt: row?.last_started_at ?? null,
      lastFinishedAt: row?.last_finished_at ?? null,
      lastOutcome: row?.last_outcome ?? null,
      lastError: row?.last_error ?? null,
      failures: row?.failures ?? 0,
      nextRunAt: row?.next_run_at ?? null,
    };
  });
}

/** A timestamp column as ISO 8601 text in UTC: the same from both drivers (pg gives a Date, PGlite a Date or text). */
export const isoTimestamp = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const iso = (column: string) => sql`${isoTimestamp(column)} as ${sql.raw(column)}`;

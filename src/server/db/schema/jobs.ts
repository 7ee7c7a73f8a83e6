import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Each background job's state (src/server/jobs): when it runs next, whether a run was asked for, whether one is
 * running, and how its last run ended. The row is the lock that keeps one run per job, across processes too.
 */
export const backgroundJobs = pgTable('background_jobs', {
  name: text().primaryKey(),
  /** The next scheduled run, or the next retry after a failure. */
  nextRunAt: timestamp({ withTimezone: true }),
  /** A run asked for (after an import, by the beheerder, by a read that found the data stale); cleared when it starts. */
  requestedAt: timestamp({ withTimezone: true }),
  /** Set while a run holds the job; a run older than the job's timeout is taken to have died. */
  runningSince: timestamp({ withTimezone: true }),
  lastStartedAt: timestamp({ withTimezone: true }),
  lastFinishedAt: timestamp({ withTimezone: true }),
  /** 'succeeded' or 'failed'. */
  lastOutcome: text(),
  lastError: text(),
  /** Failures since the last success: the retry back-off grows with it. */
  failures: integer().notNull().default(0),
});

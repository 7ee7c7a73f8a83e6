import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Unit and API tests: src/**\/*.test.ts, and bench/**\/*.test.ts (what the benchmarks build). Each file opens its own database (in-memory PGlite, ~2 s to start,
 * or a fresh database on the PostgreSQL server named by DATABASE_URL), and password hashing is deliberately
 * slow, so timeouts are generous. Two workers at most: CI and the developers' machines have two cores.
 * Browser tests live in e2e/ and have their own config (e2e/vitest.config.ts).
 *
 * When ZL_TEST_REPORT_DIR is set (.ci/run sets it), a JSON report is also written there so CI can print
 * one total line for all runs.
 */
const reportDir = process.env.ZL_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir
      ? {
          outputFile: {
            json: join(reportDir, `unit-${process.env.DATABASE_URL ? 'postgresql' : 'pglite'}-${process.pid}.json`),
          },
        }
      : {}),
  },
});

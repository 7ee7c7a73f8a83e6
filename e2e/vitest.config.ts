import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one real server (in-process, fresh PGlite, demo region) and one headless Chromium per file,
 * files one after another: two cores do not carry more. Run with `npm run e2e`, which builds dist/web first.
 * When ZL_TEST_REPORT_DIR is set (.ci/run sets it), a JSON report is also written there.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const reportDir = process.env.ZL_TEST_REPORT_DIR;

export default defineConfig({
  root,
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // useAppInBrowser() (harness.ts) relies on it: before-hooks in the order registered, after-hooks in reverse.
    sequence: { hooks: 'stack' },
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir ? { outputFile: { json: join(reportDir, `e2e-${process.pid}.json`) } } : {}),
  },
});

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../db/client.js';
import { createScratchDatabase } from '../../db/scratch.js';
import { demoLandscape, generateIjw, type GenerationManifest } from '../../../tools/ijw-generator/generate.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
// One process (node with tsx's loader), so that SIGKILL ends the import itself and not a wrapper around it.
const cli = [process.execPath, '--import', 'tsx', join(repo, 'src', 'cli', 'main.ts')];
let work: string;
let env: NodeJS.ProcessEnv;
let manifest: GenerationManifest;
let dropDatabase = async () => {};

function runCli(
  args: string[],
  onLine?: (line: string) => void,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(cli[0]!, [...cli.slice(1), ...args], {
      env: { ...env, ...extraEnv },
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => onLine?.(line));
    // 'close', not 'exit': only then has every line the child wrote before it died been read.
    child.on('close', (code) => resolve(code));
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zl-crash-'));
  env = {
    ...process.env,
    DATA_DIR: join(work, 'data'),
    ZL_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
  };
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'zl_crash');
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
  } else {
    delete env.DATABASE_URL;
  }
  manifest = await generateIjw({
    outDir: join(work, 'ijw'),
    ...demoLandscape(),
    youths: 300,
    years: 2,
    startYear: 2024,
    seed: 11,
  });
  expect(await runCli(['seed-demo'])).toBe(0);
}, 180_000);

afterAll(async () => {
  await dropDatabase();
  rmSync(work, { recursive: true, force: true });
});

describe('an import killed in the middle', () => {
  it('leaves no part of the interrupted files behind, so importing again completes the set exactly', async () => {
    // The import kills itself (SIGKILL, no clean-up) in the middle of the 350th file: its file row is written, its
    // data not yet, and the second batch of 300 files is open in one transaction.
    let seen = 0;
    const code = await runCli(
      ['import', 'ijw', join(work, 'ijw', '2024'), join(work, 'ijw', '2025'), '--json', '--batch-size', '300'],
      () => {
        seen += 1;
      },
      { ZL_FAULT_KILL_AT_FILE: '350' },
    );
    expect(code).toBeNull(); // killed by the signal, not exited
    expect(seen).toBe(300);

    const database: Database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const files = await queryRows(database.db, sql`select count(*)::int as n from ijw_files`);
      expect(files[0]!.n).toBe(300); // the first batch whole, nothing of the second
    } finally {
      await database.close();
    }

    const statuses = new Map<string, number>();
    expect(
      await runCli(['import', 'ijw', join(work, 'ijw', '2024'), join(work, 'ijw', '2025'), '--json'], (line) => {
        const status = (JSON.parse(line) as { status: string }).status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    ).toBe(0);
    expect(statuses.get('rejected') ?? 0).toBe(0);
    expect((statuses.get('accepted') ?? 0) + (statuses.get('duplicate') ?? 0)).toBe(manifest.files.total);

    const after = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const byReason = await queryRows(
        after.db,
        sql`select end_reason as k, count(*)::int as n from ijw_trajectories where end_date is not null group by 1`,
      );
      expect(Object.fromEntries(byReason.map((r) => [r.k, r.n]))).toEqual(manifest.trajectories.endedByReason);
      const starts = await queryRows(after.db, sql`select count(*)::int as n from ijw_deliveries where kind = 'start'`);
      expect(starts[0]!.n).toBe(manifest.trajectories.started);
      const declared = await queryRows(
        after.db,
        sql`select coalesce(sum(amount_cents), 0)::bigint as c from ijw_declaration_lines`,
      );
      expect(Number(declared[0]!.c)).toBe(manifest.declarations.totalAmountCents);
    } finally {
      await after.close();
    }
  });
});

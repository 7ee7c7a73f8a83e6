/**
 * Benchmark of the iJw import: generates a region's messages, imports them into PGlite and (when DATABASE_URL names a
 * PostgreSQL server) into PostgreSQL with the CLI in a child process, and validates the same files with
 * `xmllint --noout --schema` as the baseline measured in the same run. Run on its own it writes docs/benchmarks.md
 * and prints one JSON line last; `runIjwBench` gives the same figures and Markdown to a caller that reports more.
 * `--quick` uses a set that finishes within about two minutes; the full set holds over a million client records.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createScratchDatabase } from '../src/server/db/scratch.js';
import { demoLandscape, generateIjw } from '../src/tools/ijw-generator/generate.js';

export interface IjwBenchResult {
  ijw_records_per_s_postgres: number | null;
  ijw_records_per_s_pglite: number;
  ijw_peak_rss_mib: number;
  ijw_vs_xmllint_ratio: number;
}

const repo = join(import.meta.dirname, '..');
const xsdDir = join(repo, 'src', 'server', 'modules', 'exchange', 'schemas', 'ijw-3.2');
/** Quick: about 33,000 records. Full: about 1,500,000 records in 660,000 files, over 2 GB (the memory goal's input). */
const sizes = { quick: { youths: 4000, years: 2 }, full: { youths: 150_000, years: 5 } };

function listXml(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && e.name !== 'invalid') listXml(join(dir, e.name), out);
    else if (e.name.endsWith('.xml')) out.push(join(dir, e.name));
  }
  return out;
}

/** Runs the CLI import in its own process and returns wall seconds and peak RSS (GNU time). */
function timedImport(env: NodeJS.ProcessEnv, paths: string[]): { seconds: number; peakMib: number } {
  const cli = [process.execPath, '--import', 'tsx', join(repo, 'src', 'cli', 'main.ts')];
  const seed = spawnSync(cli[0]!, [...cli.slice(1), 'seed-demo'], { env, cwd: repo, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed-demo failed: ${seed.stderr}`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...cli, 'import', 'ijw', ...paths], {
    env,
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`import failed (${run.status}): ${run.stdout.slice(-2000)} ${run.stderr.slice(-2000)}`);
  const peakKib = Number(run.stderr.trim().split('\n').pop());
  return { seconds, peakMib: Math.round(peakKib / 1024) };
}

/** xmllint validating the same files against their XSDs, one call per message type and 2,000 files. */
function timeXmllint(files: string[]): number {
  const started = performance.now();
  const byType = new Map<string, string[]>();
  for (const f of files) {
    const type = f.split('/').pop()!.slice(0, 5);
    let list = byType.get(type);
    if (!list) byType.set(type, (list = []));
    list.push(f);
  }
  for (const [type, list] of byType) {
    for (let i = 0; i < list.length; i += 2000) {
      execFileSync('xmllint', ['--noout', '--schema', join(xsdDir, `${type}.xsd`), ...list.slice(i, i + 2000)], {
        stdio: 'ignore',
      });
    }
  }
  return (performance.now() - started) / 1000;
}

/**
 * Generates the set (not timed), times xmllint on it, and times the import into PGlite and, when DATABASE_URL is set,
 * into a scratch database on that PostgreSQL server. Returns the KPI object and a Markdown section.
 */
export async function runIjwBench(options: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<{ result: IjwBenchResult; markdown: string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const size = options.quick ? sizes.quick : sizes.full;
  const work = mkdtempSync(join(tmpdir(), 'zl-bench-'));
  try {
    const outDir = join(work, 'ijw');
    const genStart = performance.now();
    const manifest = await generateIjw({ outDir, ...demoLandscape(), ...size, startYear: 2021, seed: 42 });
    const genSeconds = (performance.now() - genStart) / 1000;
    const years = readdirSync(outDir)
      .filter((d) => /^\d{4}$/.test(d))
      .map((d) => join(outDir, d));
    const files = listXml(outDir);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    const records = manifest.records.total;
    log(
      `generated ${files.length} files, ${records} records, ${(bytes / 1e6).toFixed(0)} MB in ${genSeconds.toFixed(1)} s`,
    );

    const xmllintSeconds = timeXmllint(files);
    log(`xmllint validated them in ${xmllintSeconds.toFixed(1)} s`);

    const secret = randomBytes(32).toString('base64');
    const base = { ...process.env, ZL_SECRET_KEY: secret, LOG_LEVEL: 'silent' };
    const pglite = timedImport({ ...base, DATABASE_URL: '', DATA_DIR: join(work, 'pglite') }, years);
    log(`PGlite: ${pglite.seconds.toFixed(1)} s, peak ${pglite.peakMib} MiB`);
    rmSync(join(work, 'pglite'), { recursive: true, force: true });
    let postgres: { seconds: number; peakMib: number } | null = null;
    if (process.env.DATABASE_URL) {
      const server = await createScratchDatabase(process.env.DATABASE_URL, 'zl_bench');
      try {
        postgres = timedImport({ ...base, DATABASE_URL: server.url, DATA_DIR: join(work, 'pg') }, years);
        log(`PostgreSQL: ${postgres.seconds.toFixed(1)} s, peak ${postgres.peakMib} MiB`);
      } finally {
        await server.drop();
      }
    }

    const result: IjwBenchResult = {
      ijw_records_per_s_postgres: postgres ? Math.round(records / postgres.seconds) : null,
      ijw_records_per_s_pglite: Math.round(records / pglite.seconds),
      ijw_peak_rss_mib: Math.max(pglite.peakMib, postgres?.peakMib ?? 0),
      ijw_vs_xmllint_ratio: Number(((postgres ?? pglite).seconds / xmllintSeconds).toFixed(2)),
    };
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const markdown = `## iJw import (${options.quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})

Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Set: ${files.length} files, ${records} client records (${size.youths} youths over ${size.years} years), ${(bytes / 1e6).toFixed(0)} MB.
Each import runs the CLI in its own process on an empty database with the demo region, time includes start-up.

| measure | value |
|---|---|
| records/s into PGlite | ${result.ijw_records_per_s_pglite} (${pglite.seconds.toFixed(1)} s) |
| records/s into PostgreSQL | ${result.ijw_records_per_s_postgres ?? 'not measured (no DATABASE_URL)'}${postgres ? ` (${postgres.seconds.toFixed(1)} s)` : ''} |
| peak memory of the import process | ${result.ijw_peak_rss_mib} MiB |
| xmllint --noout --schema on the same files | ${xmllintSeconds.toFixed(1)} s |
| import time ÷ xmllint time | ${result.ijw_vs_xmllint_ratio} (${postgres ? 'PostgreSQL' : 'PGlite'})${postgres ? `; PGlite ${(pglite.seconds / xmllintSeconds).toFixed(2)}` : ''} |
`;
    return { result, markdown };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { result, markdown } = await runIjwBench({ quick: process.argv.includes('--quick') });
  writeFileSync(
    join(repo, 'docs', 'benchmarks.md'),
    `# Benchmarks\n\nWritten by \`npm run bench\`; goals are in the issues (iJw: ≥ 20,000 records/s into PostgreSQL, ≥ 5,000 into PGlite, < 1 GiB, ≤ 3× xmllint).\n\n${markdown}`,
  );
  console.log(JSON.stringify(result));
}

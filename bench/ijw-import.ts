/**
 * Benchmark of the iJw import: generates a region's messages, imports them into PGlite and (when DATABASE_URL names a
 * PostgreSQL server) into PostgreSQL with the CLI in a child process, and validates the same files with
 * `xmllint --noout --schema` as the baseline measured in the same run. Writes docs/benchmarks.md and prints one JSON
 * line last. `--quick` uses a set that finishes within about two minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../src/server/db/scratch.js';
import { demoLandscape, generateIjw } from '../src/server/modules/exchange/generator/generate.js';

const quick = process.argv.includes('--quick');
const repo = join(import.meta.dirname, '..');
const xsdDir = join(repo, 'src', 'server', 'modules', 'exchange', 'schemas', 'ijw-3.2');
const size = quick ? { youths: 4000, years: 2 } : { youths: 100_000, years: 5 };
const work = mkdtempSync(join(tmpdir(), 'zl-bench-'));

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
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...cli, 'import', 'ijw', ...paths], { env, cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`import failed (${run.status}): ${run.stdout.slice(-2000)} ${run.stderr.slice(-2000)}`);
  const peakKib = Number(run.stderr.trim().split('\n').pop());
  return { seconds, peakMib: Math.round(peakKib / 1024) };
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  return process.env.DATABASE_URL ? createScratchDatabase(process.env.DATABASE_URL, 'zl_bench') : null;
}

try {
  const outDir = join(work, 'ijw');
  const genStart = performance.now();
  const manifest = await generateIjw({ outDir, ...demoLandscape(), ...size, startYear: 2021, seed: 42 });
  const genSeconds = (performance.now() - genStart) / 1000;
  const years = readdirSync(outDir).filter((d) => /^\d{4}$/.test(d)).map((d) => join(outDir, d));
  const files = listXml(outDir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const records = manifest.records.total;
  console.log(`generated ${files.length} files, ${records} records, ${(bytes / 1e6).toFixed(0)} MB in ${genSeconds.toFixed(1)} s`);

  // Baseline: xmllint validating the same files against their XSDs, one call per message type in chunks.
  const xmlStart = performance.now();
  const byType = new Map<string, string[]>();
  for (const f of files) {
    const type = f.split('/').pop()!.slice(0, 5);
    byType.set(type, [...(byType.get(type) ?? []), f]);
  }
  for (const [type, list] of byType) {
    for (let i = 0; i < list.length; i += 2000) {
      execFileSync('xmllint', ['--noout', '--schema', join(xsdDir, `${type}.xsd`), ...list.slice(i, i + 2000)], { stdio: 'ignore' });
    }
  }
  const xmllintSeconds = (performance.now() - xmlStart) / 1000;
  console.log(`xmllint validated them in ${xmllintSeconds.toFixed(1)} s`);

  const secret = randomBytes(32).toString('base64');
  const pglite = timedImport({ ...process.env, DATABASE_URL: '', DATA_DIR: join(work, 'pglite'), ZL_SECRET_KEY: secret, LOG_LEVEL: 'silent' }, years);
  console.log(`PGlite: ${pglite.seconds.toFixed(1)} s, peak ${pglite.peakMib} MiB`);
  const server = await freshPostgres();
  let postgres: { seconds: number; peakMib: number } | null = null;
  if (server) {
    try {
      postgres = timedImport({ ...process.env, DATABASE_URL: server.url, DATA_DIR: join(work, 'pg'), ZL_SECRET_KEY: secret, LOG_LEVEL: 'silent' }, years);
      console.log(`PostgreSQL: ${postgres.seconds.toFixed(1)} s, peak ${postgres.peakMib} MiB`);
    } finally {
      await server.drop();
    }
  }

  const result = {
    ijw_records_per_s_postgres: postgres ? Math.round(records / postgres.seconds) : null,
    ijw_records_per_s_pglite: Math.round(records / pglite.seconds),
    ijw_peak_rss_mib: Math.max(pglite.peakMib, postgres?.peakMib ?? 0),
    ijw_vs_xmllint_ratio: Number(((postgres ?? pglite).seconds / xmllintSeconds).toFixed(2)),
  };
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const table = `## iJw import (${quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})

Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Set: ${files.length} files, ${records} client records (${size.youths} youths over ${size.years} years), ${(bytes / 1e6).toFixed(0)} MB.
Each import runs the CLI in its own process on an empty database with the demo region, time includes start-up.

| measure | value |
|---|---|
| records/s into PGlite | ${result.ijw_records_per_s_pglite} (${pglite.seconds.toFixed(1)} s) |
| records/s into PostgreSQL | ${result.ijw_records_per_s_postgres ?? 'not measured (no DATABASE_URL)'}${postgres ? ` (${postgres.seconds.toFixed(1)} s)` : ''} |
| peak memory of the import process | ${result.ijw_peak_rss_mib} MiB |
| xmllint --noout --schema on the same files | ${xmllintSeconds.toFixed(1)} s |
| import time ÷ xmllint time | ${result.ijw_vs_xmllint_ratio} |
`;
  writeFileSync(join(repo, 'docs', 'benchmarks.md'), `# Benchmarks\n\nWritten by \`npm run bench\`; goals are in the issues (iJw: ≥ 20,000 records/s into PostgreSQL, ≥ 5,000 into PGlite, < 1 GiB, ≤ 3× xmllint).\n\n${table}`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}

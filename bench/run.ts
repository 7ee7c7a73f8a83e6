/**
 * `npm run bench [-- --quick]`: the iJw import benchmark and the dashboard benchmark, one after the other (never at
 * the same time: each wants both cores). Writes docs/benchmarks.md with the machine and date and prints one JSON line
 * last with every figure. Set DATABASE_URL to a PostgreSQL server (a user with CREATEDB) for the PostgreSQL figures.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runIjwBench } from './ijw-import.js';
import { runKpiBench } from './kpi.js';

const quick = process.argv.includes('--quick');
const ijw = await runIjwBench({ quick, log: (line) => console.log(line) });
const kpi = await runKpiBench({ quick });
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
writeFileSync(join(import.meta.dirname, '..', 'docs', 'benchmarks.md'), `# Benchmarks

Written by \`npm run bench\`${quick ? ' (`--quick`)' : ''} on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.
Goals (from the issues): iJw import ≥ 20,000 records/s into PostgreSQL and ≥ 5,000 into PGlite, < 1 GiB peak memory,
≤ 3× xmllint; dashboard API p95 < 300 ms for a 50,000-youth region on PGlite and < 1 s nationally on PostgreSQL.

${ijw.markdown}
${kpi.markdown}`);
const { markdown: _ignored, ...kpiFigures } = kpi;
console.log(JSON.stringify({ ...ijw.result, ...kpiFigures }));

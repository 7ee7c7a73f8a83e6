/**
 * `npm run bench [-- --quick] [-- --only=ijw|kpi|load|availability|report|experience] [-- --load-seconds=N]`: the iJw import benchmark,
 * the dashboard benchmark, the load test (bench/load.ts), the availability search test (bench/availability.ts) and the
 * quarterly report on the demo region (bench/report.ts) and 200 respondents answering the Ervaringwijzer (bench/experience.ts), one
 * after the other (never at the same time: each wants both cores). Writes docs/benchmarks.md with the machine and date and
 * prints one JSON line last with every figure measured. `--only` runs one of the two and keeps the other's section of
 * docs/benchmarks.md as it was (each section names its own date and run). Set DATABASE_URL to a PostgreSQL server (a
 * user with CREATEDB) for the PostgreSQL figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runIjwBench } from './ijw-import.js';
import { runKpiBench } from './kpi.js';
import { runLoadBench } from './load.js';
import { runAvailabilityBench } from './availability.js';
import { runReportBench } from './report.js';
import { runExperienceBench } from './experience.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && !['ijw', 'kpi', 'load', 'availability', 'report', 'experience'].includes(only))
  throw new Error(`--only=${only}: choose ijw, kpi, load, availability, report or experience`);
/** The main load run's length in seconds (180 by default, 60 with --quick): shorter for trying. */
const loadSeconds = process.argv.find((a) => a.startsWith('--load-seconds='))?.slice('--load-seconds='.length);
const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
/** A section of the current docs/benchmarks.md, from its heading to the next. */
const kept = (title: string): string => {
  const start = before.indexOf(`## ${title}`);
  if (start < 0) return '';
  const end = before.indexOf('\n## ', start);
  return `${before.slice(start, end < 0 ? undefined : end).trimEnd()}\n`;
};

const runs = (name: string) => only === undefined || only === name;
const ijw = runs('ijw') ? await runIjwBench({ quick, log: (line) => console.log(line) }) : null;
const kpi = runs('kpi') ? await runKpiBench({ quick }) : null;
const load = runs('load')
  ? await runLoadBench({ quick, ...(loadSeconds ? { seconds: Number(loadSeconds) } : {}) })
  : null;
const availability = runs('availability') ? await runAvailabilityBench({ quick }) : null;
const report = runs('report') ? await runReportBench({ quick }) : null;
const experience = runs('experience') ? await runExperienceBench({ quick }) : null;
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
writeFileSync(
  file,
  `# Benchmarks

Written by \`npm run bench\`${quick ? ' (`--quick`)' : ''}${only ? ` (\`--only=${only}\`)` : ''} on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.
Goals (from the issues): iJw import ≥ 20,000 records/s into PostgreSQL and ≥ 5,000 into PGlite, < 1 GiB peak memory,
≤ 3× xmllint; dashboard API p95 < 300 ms for a 50,000-youth region on PGlite and < 1 s nationally on PostgreSQL;
50 users at once (about 35 requests/s) p95 ≤ 300 ms on PostgreSQL and ≤ 1 s on PGlite, no errors, memory flat;
availability search by 50 referrers at once in 180,000 entries p95 ≤ 50 ms on PGlite, no errors; the quarterly report
of a region under 3 s; 200 Ervaringwijzer respondents at once p95 ≤ 100 ms per submission on PGlite, no errors.

${ijw?.markdown ?? kept('iJw import')}
${kpi?.markdown ?? kept('Dashboard API')}
${load?.markdown ?? kept('Load')}
${availability?.markdown ?? kept('Availability search')}
${report?.markdown ?? kept('Quarterly report')}
${experience?.markdown ?? kept('Ervaringwijzer answers')}`,
);
const { markdown: _ignored, ...kpiFigures } = kpi ?? { markdown: '' };
const { markdown: _ignoredToo, ...loadFigures } = load ?? { markdown: '' };
const { markdown: _notThisEither, ...availabilityFigures } = availability ?? { markdown: '' };
const { markdown: _norThis, ...reportFigures } = report ?? { markdown: '' };
const { markdown: _norThat, ...experienceFigures } = experience ?? { markdown: '' };
console.log(
  JSON.stringify({
    ...ijw?.result,
    ...kpiFigures,
    ...loadFigures,
    ...availabilityFigures,
    ...reportFigures,
    ...experienceFigures,
  }),
);

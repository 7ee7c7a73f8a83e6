/**
 * The Ervaringwijzer under load (issue 18): 200 respondents at once, each opening an invitation, answering for 1–2 s
 * (a person takes two minutes; the pause keeps the test a load of people, not a closed loop of 200 requests in flight
 * whose latency would only be 200 ÷ throughput), sending its answers and pausing 1–2 s before the next invitation, for
 * 60 s (10 s with --quick) against a real server process on PGlite. The
 * demo region is seeded into a fresh data directory and given enough invitations up front (batches made through the
 * module's own service); the server runs with the per-address limit lifted (all respondents share 127.0.0.1).
 * Measured: p50, p95 and max per submission, errors, and afterwards the answers and used tokens counted in the
 * database against the submissions that succeeded, so none is lost or counted twice.
 * Run: `npm run bench -- --only=experience [--quick]`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client.js';
import { seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { experienceBatches, products, providers, users } from '../src/server/db/schema/index.js';
import { toActor, withScope } from '../src/server/modules/auth/auth.service.js';
import { createBatch } from '../src/server/modules/experience/invitations.service.js';
import { openSeed, tokenAt } from '../src/server/modules/experience/tokens.js';
import { secretsFromKey } from '../src/server/security/secrets.js';
import { pct, startServer, stopServer } from './load.js';

export interface ExperienceBenchOptions {
  quick: boolean;
  seconds?: number;
  respondents?: number;
}

export interface ExperienceBenchResult {
  experience_submit_p95_ms: number;
  experience_submit_errors: number;
  experience_answers_stored: number;
  markdown: string;
}

const count = async (db: Parameters<typeof queryRows>[0], query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: string }>(db, query))[0]!.n);

export async function runExperienceBench(options: ExperienceBenchOptions): Promise<ExperienceBenchResult> {
  const seconds = options.seconds ?? (options.quick ? 10 : 60);
  const respondents = options.respondents ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'zl-bench-experience-'));
  const key = randomBytes(32);
  const secrets = secretsFromKey(key);
  try {
    // Invitations for the run: more than the server can take in the time (checked afterwards: none runs out).
    const database = await openDatabase({ dataDir });
    const tokens: string[] = [];
    let answersBefore: number;
    try {
      await seedDemoRegionIfEmpty(database.db);
      const [keeper] = await database.db.select().from(users).where(eq(users.role, 'beheerder'));
      const actor = await withScope(database.db, toActor(keeper!));
      const [provider] = await database.db.select().from(providers).where(eq(providers.agbCode, '99000011'));
      const [product] = await database.db.select().from(products).where(eq(products.productCategory, '45'));
      const wanted = Math.max(2000, seconds * 200);
      for (let made = 0; made < wanted; made += 2000) {
        const batch = await database.db.transaction((tx) =>
          createBatch(tx, actor, secrets, product!.regionId, {
            providerId: provider!.id,
            productId: product!.id,
            audience: 'ouder',
            source: 'count',
            count: 2000,
          }),
        );
        const [row] = await database.db.select().from(experienceBatches).where(eq(experienceBatches.id, batch.id));
        const seed = openSeed(secrets, row!.seedEncrypted!);
        for (let i = 0; i < 2000; i++) tokens.push(tokenAt(seed, i));
      }
      answersBefore = await count(database.db, sql`select count(*) as n from experience_responses`);
    } finally {
      await database.close();
    }

    const { child, base } = await startServer({
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      ZL_SECRET_KEY: key.toString('base64'),
      ZL_ANSWER_REQUESTS_PER_MINUTE: '100000',
    });
    const samples: number[] = [];
    const errors: string[] = [];
    let next = 0;
    let stored = 0;
    const deadline = performance.now() + seconds * 1000;
    const post = (path: string, body: unknown) =>
      fetch(`${base}/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const load = loadavg()[0]!;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 1000));
    try {
      await Promise.all(
        Array.from({ length: respondents }, async (_, r) => {
          while (performance.now() < deadline) {
            const token = tokens[next++];
            if (!token) return void errors.push('ran out of invitations');
            try {
              const check = await post('/invitation-checks', { token });
              if (check.status !== 200) throw new Error(`check ${check.status}`);
              await check.arrayBuffer();
              await pause();
              const started = performance.now();
              const res = await post('/experience-responses', {
                token,
                submissionId: `bench-${r}-${next}`,
                answers: { snel_hulp: 1 + (next % 5), serieus: 4, cijfer_effect: 1 + (next % 10), open: 'Bench' },
              });
              await res.arrayBuffer();
              if (res.status !== 201) throw new Error(`submit ${res.status}`);
              samples.push(performance.now() - started);
              stored++;
              await pause();
            } catch (err) {
              errors.push(err instanceof Error ? err.message : String(err));
            }
          }
        }),
      );
    } finally {
      await stopServer(child);
    }

    const after = await openDatabase({ dataDir });
    let answers: number;
    let used: number;
    try {
      answers = (await count(after.db, sql`select count(*) as n from experience_responses`)) - answersBefore;
      used = await count(after.db, sql`select count(*) as n from experience_tokens where used_month is not null`);
    } finally {
      await after.close();
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const p50 = Math.round(pct(sorted, 0.5));
    const p95 = Math.round(pct(sorted, 0.95));
    const max = Math.round(sorted.at(-1) ?? 0);
    const lostOrDouble = answers !== stored || used !== stored;
    const markdown = `## Ervaringwijzer answers

${respondents} respondents at once for ${seconds} s against a server on PGlite (load average ${load.toFixed(1)} at the
start), each opening an invitation, answering for 1–2 s, sending its answers and pausing 1–2 s before the next: ${stored} answers sent (${(stored / seconds).toFixed(0)}/s),
per submission p50 ${p50} ms, p95 ${p95} ms, max ${max} ms; ${errors.length} errors${errors.length ? ` (${[...new Set(errors)].slice(0, 3).join('; ')})` : ''}.
Counted afterwards: ${answers} new answers and ${used} used invitations for ${stored} successful submissions${lostOrDouble ? ' — MISMATCH' : ' (none lost, none twice)'}.
Goal: p95 ≤ 100 ms, 0 errors.
`;
    return {
      experience_submit_p95_ms: p95,
      experience_submit_errors: errors.length + (lostOrDouble ? 1 : 0),
      experience_answers_stored: answers,
      markdown,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

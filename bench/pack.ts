/**
 * `npx tsx bench/pack.ts [--youths=N] [--data-dir=DIR]`: the provider pack (GET /providers/{id}/pack, the page
 * /aanbieders/:id/dossier) on the demo region seeded as `serve` seeds it (2,500 youths), as the contract manager
 * asks it: De Lekoever's pack of the last complete quarter, without and with its latest account meeting, once cold
 * (answer cache empty) and three times warm. With --data-dir the seeded PGlite is kept there and reused by a next
 * run, so a before and an after measure the same data. Wall-clock times of providerPack, the service the route calls.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client.js';
import { providers, regions, users } from '../src/server/db/schema/index.js';
import { scaleDemoBudgetsToCare, seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { scaleDemoCeilingsToCare } from '../src/server/db/seed/demo-contracts.js';
import { seedDemoRealisations } from '../src/server/db/seed/demo-money.js';
import { openSession, resolveSession } from '../src/server/modules/auth/index.js';
import { seedDemoMessages } from '../src/server/modules/exchange/index.js';
import { refreshKpiFacts } from '../src/server/modules/monitoring/index.js';
import { seedDemoGoalAttainments } from '../src/server/modules/outcomes/index.js';
import { providerPack } from '../src/server/modules/suppliers/pack.service.js';
import { secretsFromKey } from '../src/server/security/secrets.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const youths = Number(arg('youths') ?? 2500);
const kept = arg('data-dir');
const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'zl-bench-pack-'));
const seeded = kept !== undefined && existsSync(join(dataDir, 'PG_VERSION'));

/** Wall-clock milliseconds, and the process's CPU milliseconds beside them: PGlite runs in this process, so the CPU
 * time is the work done, much less disturbed than the wall clock by other work on the machine. */
const cpu: number[] = [];
const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const [start, used] = [performance.now(), process.cpuUsage()];
  const value = await run();
  const spent = process.cpuUsage(used);
  cpu.push(Math.round((spent.user + spent.system) / 1000));
  return [value, Math.round(performance.now() - start)];
};

const database = await openDatabase({ dataDir });
try {
  const db = database.db;
  if (!seeded) {
    await seedDemoRegionIfEmpty(db);
    await seedDemoMessages(db, secretsFromKey(randomBytes(32)), youths);
    await scaleDemoBudgetsToCare(db);
    await scaleDemoCeilingsToCare(db);
    await seedDemoRealisations(db);
    await seedDemoGoalAttainments(db);
    await refreshKpiFacts(db);
  }
  const [region] = await db.select().from(regions).where(eq(regions.code, 'lekstroom'));
  const [provider] = await db.select().from(providers).where(eq(providers.agbCode, '99000011'));
  const [user] = await db.select().from(users).where(eq(users.role, 'contractmanager'));
  const actor = (await resolveSession(db, (await openSession(db, user!.id)).token))!;
  const [meeting] = await queryRows<{ id: string }>(
    db,
    sql`select m.id from meetings m join meeting_providers mp on mp.meeting_id = m.id
      where mp.provider_id = ${provider!.id} and m.type = 'accountgesprek' order by m.starts_at desc limit 1`,
  );
  const options = {
    region: { id: region!.id, code: region!.code, name: region!.name },
    providerId: provider!.id,
    threshold: 10,
  };
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const [pack, coldMs] = await timed(() => providerPack(db, actor, options));
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await timed(() => providerPack(db, actor, options)))[1]);
  const [, meetingMs] = await timed(() => providerPack(db, actor, { ...options, meetingId: meeting?.id }));
  console.log(
    `provider pack, ${provider!.name}, ${pack.quarter} (${youths} youths, PGlite${seeded ? ', reused' : ''})`,
  );
  console.log(`  first (answer cache empty): ${coldMs} ms (CPU ${cpu[0]} ms)`);
  console.log(`  again: ${warm.join(', ')} ms (CPU ${cpu.slice(1, 4).join(', ')} ms)`);
  console.log(`  with its latest account meeting: ${meetingMs} ms (CPU ${cpu[4]} ms)`);
  console.log(`  KPIs ${pack.kpis.length}, quarters ${pack.kpis.map((k) => k.points.length).join('/')}`);
  console.log(`  load average when started: ${load}`);
} finally {
  await database.close();
  if (!kept) rmSync(dataDir, { recursive: true, force: true });
}

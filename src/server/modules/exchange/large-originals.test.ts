import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ijwFiles } from '../../db/schema/index.js';
import { queryRows } from '../../db/client.js';
import { buildAdmin } from '../../testing/factories.js';
import type { TestContext } from '../../testing/harness.js';
import { secretsFromKey } from '../../security/secrets.js';
import { readQuarantinedFile } from './exchange.service.js';
import { exampleRegionContext, importFiles } from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';
import { originalPartBytes, sweepOriginalParts } from './write-batch.js';

/**
 * A rejected file whose original does not pack (random text inside the XML) is kept in parts, each written in its own
 * statement, so the database answers others between the parts; the quarantine gives back the exact bytes.
 */

let ctx: TestContext;
const secrets = secretsFromKey(randomBytes(32));
beforeAll(async () => {
  ctx = await exampleRegionContext();
});
afterAll(async () => {
  await ctx.close();
});

const partCount = async () =>
  (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ijw_file_original_parts`))[0]!.n;

/** The example JW315 (rejected: an impossible date) with `megabytes` of random base64 in a comment. */
function largeRejected(megabytes: number): Buffer {
  const xml = example('JW315').toString('utf8');
  const noise = randomBytes(megabytes * 768 * 1024).toString('base64');
  return Buffer.from(xml.replace('?>', `?>\n<!-- ${noise} -->`));
}

describe('a large rejected original', () => {
  it('is kept in parts that others can read between, and comes back byte for byte', async () => {
    const file = largeRejected(3);
    let finished = false;
    const importing = importFiles(ctx, secrets, [['groot-afgekeurd.xml', file]]).finally(() => {
      finished = true;
    });
    // While the parts are being written, another statement gets its answer: it sees some parts, not all.
    const seen: number[] = [];
    while (!finished) {
      const n = await partCount();
      if (!finished) seen.push(n);
      await sleep(1);
    }
    const [result] = await importing;
    expect(result).toMatchObject({ status: 'rejected' });

    const [row] = await ctx.database.db.select().from(ijwFiles).where(eq(ijwFiles.id, result!.fileId!));
    expect(row!.contentEncrypted).toBeNull();
    expect(row!.contentParts).not.toBeNull();
    const total = await partCount();
    // Random base64 packs to about three quarters: many parts, none larger than a part.
    expect(total).toBeGreaterThan(Math.floor((file.length * 0.7) / originalPartBytes));
    expect(seen.some((n) => n > 0 && n < total)).toBe(true);
    const sizes = await queryRows<{ max: number }>(
      ctx.database.db,
      sql`select max(length(bytes))::int as max from ijw_file_original_parts`,
    );
    expect(sizes[0]!.max).toBeLessThanOrEqual(originalPartBytes);
    // Encrypted: the BSN of the example is in no part.
    const clear = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from ijw_file_original_parts where position(${Buffer.from('999900006')}::bytea in bytes) > 0`,
    );
    expect(clear[0]!.n).toBe(0);

    const { actor } = await buildAdmin(ctx);
    const back = await readQuarantinedFile(ctx.database.db, secrets, actor, result!.fileId!);
    expect(back.bytes.equals(file)).toBe(true);

    // The quarantine says the original is there.
    const listed = await queryRows<{ has: boolean }>(
      ctx.database.db,
      sql`select content_parts is not null as has from ijw_files where id = ${result!.fileId!}::uuid`,
    );
    expect(listed[0]!.has).toBe(true);
  });

  it('sweeps parts that no file refers to a day after they were written, and keeps the others', async () => {
    const db = ctx.database.db;
    const kept = await partCount();
    expect(kept).toBeGreaterThan(0);
    const orphan = '0190a5f0-0000-7000-8000-000000000001';
    const fresh = '0190a5f0-0000-7000-8000-000000000002';
    await db.execute(sql`
      insert into ijw_file_original_parts (original_id, seq, bytes, created_at) values
        (${orphan}::uuid, 0, '\\x00'::bytea, now() - interval '2 days'),
        (${orphan}::uuid, 1, '\\x01'::bytea, now() - interval '2 days'),
        (${fresh}::uuid, 0, '\\x02'::bytea, now())`);
    // The kept file's parts are older than a day too: they stay, since a file refers to them.
    await db.execute(
      sql`update ijw_file_original_parts set created_at = now() - interval '3 days' where original_id <> ${fresh}::uuid`,
    );
    expect(await sweepOriginalParts(db)).toBe(2);
    expect(await partCount()).toBe(kept + 1);
  });
});

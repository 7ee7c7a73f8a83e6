import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ijwFiles } from '../../db/schema/index.js';
import { queryRows } from '../../db/client.js';
import { buildAdmin } from '../../testing/factories.js';
import type { TestContext } from '../../testing/harness.js';
import { secretsFromKey } from '../../security/secrets.js';
import { readRetourMessage } from './exchange.service.js';
import { exampleRegionContext, importFiles } from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';
import { openOriginal } from './write-batch.js';
import { validateAgainstXsd } from './xsd.js';

/** Example messages the import refuses: each into quarantine with its reasons, its original kept, the data untouched. */

let ctx: TestContext;
const secrets = secretsFromKey(randomBytes(32));
beforeAll(async () => {
  ctx = await exampleRegionContext();
});
afterAll(async () => {
  await ctx.close();
});
const run = (files: Array<[string, Buffer]>) => importFiles(ctx, secrets, files);

describe('refusing iJw 3.2 example messages', () => {
  it('rejects a start dated after its message (TR134) with retour code 0001, and does not let it move the data', async () => {
    const ahead = Buffer.from(
      example('JW305')
        .toString('utf8')
        .replace(
          '<ijw:Identificatie>123456789012</ijw:Identificatie>',
          '<ijw:Identificatie>ZL-TR134</ijw:Identificatie>',
        )
        .replace('<jw305:Begindatum>2026-04-03</jw305:Begindatum>', '<jw305:Begindatum>2029-01-01</jw305:Begindatum>'),
    );
    const before = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ijw_deliveries`);
    const [r] = await run([['start-vooruit.xml', ahead]]);
    expect(r).toMatchObject({
      status: 'rejected',
      reasons: [
        expect.objectContaining({
          rule: 'TR134',
          code: '0001',
          message: expect.stringContaining('begindatum 2029-01-01 ligt na de dagtekening 2026-04-15'),
        }),
      ],
    });
    const { actor } = await buildAdmin(ctx);
    const retour = (await readRetourMessage(ctx.database.db, secrets, actor, r!.fileId!)).bytes;
    expect(validateAgainstXsd('JW306', retour)).toEqual([]);
    expect(retour.toString('utf8')).toContain('<jw306:RetourCode>0001</jw306:RetourCode>');
    expect(await queryRows(ctx.database.db, sql`select count(*)::int as n from ijw_deliveries`)).toEqual(before);
  });

  it('rejects the invalid JW315 (impossible date) and JW318 (misplaced RetourCode) with the reasons, into quarantine', async () => {
    const [jw315, jw318] = await run([
      ['JW315-fout.xml', example('JW315')],
      ['JW318.xml', example('JW318')],
    ]);
    expect(jw315!.status).toBe('rejected');
    expect(jw315!.reasons[0]).toMatchObject({ rule: 'XSD', code: '0001' });
    expect(jw315!.reasons[0]!.message).toContain('ToewijzingEinddatum: de waarde is geen geldige waarde van het type');
    expect(jw315!.reasons[0]!.message).not.toContain('2027-06-31');
    expect(jw318!.status).toBe('rejected');
    expect(jw318!.reasons[0]!.message).toMatch(/retourbericht|RetourCode/);
    const [row] = await ctx.database.db.select().from(ijwFiles).where(eq(ijwFiles.id, jw315!.fileId!));
    expect(row!.status).toBe('rejected');
    expect(row!.contentEncrypted!.includes(Buffer.from('999900006'))).toBe(false);
    // Kept gzipped, then encrypted: smaller than the file, and the same bytes when opened.
    expect(row!.contentEncoding).toBe('gzip');
    expect(row!.contentEncrypted!.length).toBeLessThan(example('JW315').length);
    expect(row!.contentParts).toBeNull();
    expect((await openOriginal(ctx.database.db, secrets, row!)).equals(example('JW315'))).toBe(true);

    // The same file again, under another name and twice in one import: still rejected, and said so, but the
    // quarantine keeps its one entry.
    const quarantine = async () =>
      (await ctx.database.db.select().from(ijwFiles).where(eq(ijwFiles.sha256, row!.sha256))).map((f) => f.id);
    const again = await run([
      ['JW315-nogmaals.xml', example('JW315')],
      ['JW315-derde.xml', example('JW315')],
    ]);
    for (const r of again) {
      expect(r).toMatchObject({ status: 'rejected', fileId: jw315!.fileId });
      expect(r.reasons.map((x) => x.rule)).toEqual([...jw315!.reasons.map((x) => x.rule), 'ZL013']);
    }
    expect(await quarantine()).toEqual([jw315!.fileId]);
  });
});

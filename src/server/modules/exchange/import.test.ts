import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ijwFiles, ijwTrajectories } from '../../db/schema/index.js';
import { buildAdmin } from '../../test/factories.js';
import type { TestContext } from '../../test/harness.js';
import { readRetourMessage } from './exchange.service.js';
import { importSources, type FileResult } from './import.service.js';
import { validateAgainstXsd } from './xsd.js';
import { secretsFromKey } from './secrets.js';
import type { ImportSource } from './sources.js';
import { contextAllocation, example, exampleRegionContext } from './test-fixtures.js';

let ctx: TestContext;
const secrets = secretsFromKey(randomBytes(32));
beforeAll(async () => { ctx = await exampleRegionContext(); });
afterAll(async () => { await ctx.close(); });

async function run(files: Array<[string, Buffer]>): Promise<FileResult[]> {
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const [name, bytes] of files) yield { name, bytes };
  }
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets, actor: null }, sources(), (r) => results.push(r));
  return results;
}

describe('importing the iJw 3.2 example messages', () => {
  it('accepts the valid examples, with the allocations they refer to, and links them into trajectories', async () => {
    const context: Array<[string, Buffer]> = [
      ['context-0363.xml', contextAllocation({ municipality: '0363', provider: '65656055', id: 'CTX-0363', products: [
        { number: '300201', category: '55', code: '55A11', start: '2026-04-01', end: '2026-07-14', volume: 2, unit: '04', frequency: '2' },
        { number: '300202', category: '55', code: '55A12', start: '2026-04-01', end: '2026-07-19', volume: 2, unit: '16', frequency: '2' },
      ] })],
      ['context-0384.xml', contextAllocation({ municipality: '0384', provider: '65656055', id: 'CTX-0384', products: [
        { number: '10071', category: '45', code: '45A03', start: '2026-01-01', end: '2026-12-31', volume: 4, unit: '04', frequency: '4' },
        { number: '10072', category: '45', code: '45A03', start: '2026-01-01', end: '2026-12-31', volume: 4, unit: '04', frequency: '4' },
        { number: '10073', category: '45', code: '45A04', start: '2026-01-01', end: '2026-12-31', volume: 16, unit: '04', frequency: '4' },
        { number: '10074', category: '45', code: '45A03', start: '2026-01-01', end: '2026-12-31', volume: 4, unit: '04', frequency: '4' },
      ] })],
    ];
    const contextResults = await run(context);
    expect(contextResults.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    // The twelve valid examples: seven messages and the six retours that answer them (JW315 and JW318 are invalid).
    const order = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW316', 'JW317', 'JW319', 'JW320', 'JW323', 'JW325'];
    const results = await run(order.map((t) => [`${t}.xml`, example(t)]));
    for (const r of results) expect(r, `${r.file}: ${JSON.stringify(r.reasons)}`).toMatchObject({ status: 'accepted', reasons: [] });
    expect(results).toHaveLength(12);
    expect(results.find((r) => r.messageType === 'JW323')!.records).toBe(2);

    const trajectories = await ctx.database.db.select().from(ijwTrajectories).where(eq(ijwTrajectories.municipalityCode, '0363'));
    const t = trajectories.find((x) => x.allocationNumber === '300201')!;
    expect(t).toMatchObject({ startDate: '2026-04-03', endDate: '2026-07-17', endReason: '31', productCategory: '55', birthYear: 2010 });
    const linked = await ctx.database.db.select().from(ijwTrajectories).where(eq(ijwTrajectories.allocationNumber, '300201'));
    expect(linked.find((x) => x.municipalityCode === '0384')).toMatchObject({ providerAgb: '42420001', allocationStart: '2026-04-01', startDate: null });
    const declared = await ctx.database.db.select().from(ijwTrajectories).where(eq(ijwTrajectories.allocationNumber, '10073'));
    expect(declared[0]!.declaredCents).toBe(24000 + 24000 + 21000);
  });

  it('answers an accepted message with a positive retour (header only, IV028) that validates against its XSD', async () => {
    const [row] = await ctx.database.db.select().from(ijwFiles).where(eq(ijwFiles.fileName, 'JW301.xml'));
    const { actor } = await buildAdmin(ctx);
    const { bytes } = await readRetourMessage(ctx.database.db, secrets, actor, row!.id);
    expect(validateAgainstXsd('JW302', bytes)).toEqual([]);
    const xml = bytes.toString('utf8');
    expect(xml).toContain('<jw302:IdentificatieRetour>');
    expect(xml).not.toContain('RetourCode');
    expect(xml).not.toContain('999900006');
    expect((await readRetourMessage(ctx.database.db, secrets, actor, row!.id)).bytes.equals(bytes)).toBe(true);
  });

  it('counts a file imported twice once, and says so', async () => {
    const again = await run([['JW301-opnieuw.xml', example('JW301')], ['JW305-opnieuw.xml', example('JW305')]]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.every((r) => r.records === 0)).toBe(true);
    const accepted = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(ijwFiles).where(eq(ijwFiles.messageType, 'JW301'));
    expect(accepted[0]!.n).toBe(3);
  });

  it('rejects a different message that reuses an identification (TR056)', async () => {
    const tampered = Buffer.from(example('JW301').toString('utf8').replace('<ijw:Volume>2</ijw:Volume>', '<ijw:Volume>9</ijw:Volume>'));
    const [r] = await run([['JW301-gewijzigd.xml', tampered]]);
    expect(r).toMatchObject({ status: 'rejected', reasons: [expect.objectContaining({ rule: 'TR056', code: '9056' })] });
  });

  it('refuses a start with StatusAanlevering 2 (CS058) and the withdrawal of a start (3, not supported yet), changing no trajectory', async () => {
    const before = await ctx.database.db.select().from(ijwTrajectories).orderBy(ijwTrajectories.trajectoryKey);
    const withStatus = (status: string, id: string) => Buffer.from(example('JW305').toString('utf8')
      .replace('<ijw:Identificatie>123456789012</ijw:Identificatie>', `<ijw:Identificatie>${id}</ijw:Identificatie>`)
      .replace('<jw305:StatusAanlevering>1</jw305:StatusAanlevering>', `<jw305:StatusAanlevering>${status}</jw305:StatusAanlevering>`));
    const [changed, withdrawn] = await run([['JW305-status2.xml', withStatus('2', 'ZL-STATUS-2')], ['JW305-status3.xml', withStatus('3', 'ZL-STATUS-3')]]);
    expect(changed).toMatchObject({ status: 'rejected', reasons: [expect.objectContaining({ rule: 'CS058', code: '0001' })] });
    expect(withdrawn).toMatchObject({ status: 'rejected', reasons: [expect.objectContaining({ rule: 'ZL003' })] });
    expect(withdrawn!.reasons[0]!.message).toContain('StatusAanlevering 3');
    expect(await ctx.database.db.select().from(ijwTrajectories).orderBy(ijwTrajectories.trajectoryKey)).toEqual(before);
    const { actor } = await buildAdmin(ctx);
    const retour = (await readRetourMessage(ctx.database.db, secrets, actor, withdrawn!.fileId!)).bytes;
    expect(validateAgainstXsd('JW306', retour)).toEqual([]);
  });

  it('rejects the invalid JW315 (impossible date) and JW318 (misplaced RetourCode) with the reasons, into quarantine', async () => {
    const [jw315, jw318] = await run([['JW315-fout.xml', example('JW315')], ['JW318.xml', example('JW318')]]);
    expect(jw315!.status).toBe('rejected');
    expect(jw315!.reasons[0]).toMatchObject({ rule: 'XSD', code: '0001' });
    expect(jw315!.reasons[0]!.message).toContain("ToewijzingEinddatum: '2027-06-31' is geen geldige waarde");
    expect(jw318!.status).toBe('rejected');
    expect(jw318!.reasons[0]!.message).toMatch(/retourbericht|RetourCode/);
    const [row] = await ctx.database.db.select().from(ijwFiles).where(eq(ijwFiles.id, jw315!.fileId!));
    expect(row!.status).toBe('rejected');
    expect(row!.contentEncrypted!.includes(Buffer.from('999900006'))).toBe(false);
    expect(secrets.decrypt(row!.contentEncrypted!).equals(example('JW315'))).toBe(true);
  });

  it('never stores the BSN in clear', async () => {
    const dump = await ctx.database.db.execute(sql`
      select string_agg(t::text, ' ') as all from (
        select * from ijw_clients union all select pseudonym, null from ijw_clients) t`);
    const everything = JSON.stringify(await Promise.all(['ijw_allocations', 'ijw_deliveries', 'ijw_requests', 'ijw_declaration_lines', 'ijw_trajectories', 'ijw_files']
      .map((table) => ctx.database.db.execute(sql.raw(`select * from ${table}`)))));
    expect(JSON.stringify(dump)).not.toContain('999900006');
    expect(everything).not.toContain('999900006');
    expect(everything).toContain(secrets.pseudonymise('999900006'));
  });
});

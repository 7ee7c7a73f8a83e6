import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ijwFiles, ijwTrajectories } from '../../db/schema/index.js';
import { queryRows } from '../../db/client.js';
import { buildAdmin } from '../../testing/factories.js';
import type { TestContext } from '../../testing/harness.js';
import { readRetourMessage } from './exchange.service.js';
import { declaredCents } from './trajectories.js';
import { validateAgainstXsd } from './xsd.js';
import { secretsFromKey } from '../../security/secrets.js';
import {
  allocation0363,
  allocation0384,
  contextAllocation,
  exampleRegionContext,
  importFiles,
} from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';
import { refreshKpiFacts } from '../monitoring/facts.service.js';
import { arrayParam } from './sql-arrays.js';

let ctx: TestContext;
const secrets = secretsFromKey(randomBytes(32));
beforeAll(async () => {
  ctx = await exampleRegionContext();
});
afterAll(async () => {
  await ctx.close();
});

/** Which of these trajectories the KPI facts hold, after bringing them up to date. */
async function factsOf(ids: number[]): Promise<number[]> {
  await refreshKpiFacts(ctx.database.db);
  return (
    await queryRows<{ id: number }>(
      ctx.database.db,
      sql`
    select trajectory_id::int as id from kpi_trajectory_facts where trajectory_id = any(${arrayParam(ids, 'bigint')}) order by 1`,
    )
  ).map((r) => r.id);
}

const run = (files: Array<[string, Buffer]>) => importFiles(ctx, secrets, files);

describe('importing the iJw 3.2 example messages', () => {
  it('accepts the valid examples, with the allocations they refer to, and links them into trajectories', async () => {
    const context: Array<[string, Buffer]> = [
      ['context-0363.xml', allocation0363],
      ['context-0384.xml', allocation0384],
    ];
    const contextResults = await run(context);
    expect(contextResults.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    // The twelve valid examples: seven messages and the six retours that answer them (JW315 and JW318 are invalid).
    const order = [
      'JW301',
      'JW302',
      'JW305',
      'JW306',
      'JW307',
      'JW308',
      'JW316',
      'JW317',
      'JW319',
      'JW320',
      'JW323',
      'JW325',
    ];
    const results = await run(order.map((t) => [`${t}.xml`, example(t)]));
    for (const r of results)
      expect(r, `${r.file}: ${JSON.stringify(r.reasons)}`).toMatchObject({ status: 'accepted', reasons: [] });
    expect(results).toHaveLength(12);
    expect(results.find((r) => r.messageType === 'JW323')!.records).toBe(2);

    const trajectories = await ctx.database.db
      .select()
      .from(ijwTrajectories)
      .where(eq(ijwTrajectories.municipalityCode, '0363'));
    const t = trajectories.find((x) => x.allocationNumber === '300201')!;
    expect(t).toMatchObject({
      startDate: '2026-04-03',
      endDate: '2026-07-17',
      endReason: '31',
      productCategory: '55',
      birthYear: 2010,
    });
    const linked = await ctx.database.db
      .select()
      .from(ijwTrajectories)
      .where(eq(ijwTrajectories.allocationNumber, '300201'));
    expect(linked.find((x) => x.municipalityCode === '0384')).toMatchObject({
      providerAgb: '42420001',
      allocationStart: '2026-04-01',
      startDate: null,
    });
    const declared = await queryRows<{ cents: string }>(
      ctx.database.db,
      sql`
      select ${declaredCents(sql`t`)} as cents from ijw_trajectories t where t.allocation_number = '10073'`,
    );
    expect(declared.map((r) => Number(r.cents))).toEqual([24000 + 24000 + 21000]);
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
    const again = await run([
      ['JW301-opnieuw.xml', example('JW301')],
      ['JW305-opnieuw.xml', example('JW305')],
    ]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.every((r) => r.records === 0)).toBe(true);
    const accepted = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ijwFiles)
      .where(eq(ijwFiles.messageType, 'JW301'));
    expect(accepted[0]!.n).toBe(3);
  });

  it('rejects a different message that reuses an identification (TR056)', async () => {
    const tampered = Buffer.from(
      example('JW301').toString('utf8').replace('<ijw:Volume>2</ijw:Volume>', '<ijw:Volume>9</ijw:Volume>'),
    );
    const [r] = await run([['JW301-gewijzigd.xml', tampered]]);
    expect(r).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'TR056', code: '9056' })],
    });
  });

  it('withdraws a stop and a start (StatusAanlevering 3, IV008), with a replacement start in the same message', async () => {
    const db = ctx.database.db;
    const trajectory = async () =>
      (await db.select().from(ijwTrajectories).where(eq(ijwTrajectories.trajectoryKey, 'A|0363|300201')))[0]!;
    expect(await trajectory()).toMatchObject({ startDate: '2026-04-03', endDate: '2026-07-17', endReason: '31' });
    const jw305 = example('JW305').toString('utf8');
    const jw307 = example('JW307').toString('utf8');
    const renamed = (xml: string, id: string) =>
      xml.replace(
        '<ijw:Identificatie>123456789012</ijw:Identificatie>',
        `<ijw:Identificatie>${id}</ijw:Identificatie>`,
      );
    const firstStatus = (xml: string, type: string, status: string) =>
      xml.replace(
        `<${type}:StatusAanlevering>1</${type}:StatusAanlevering>`,
        `<${type}:StatusAanlevering>${status}</${type}:StatusAanlevering>`,
      );
    const files = {
      changed: firstStatus(renamed(jw305, 'ZL-STATUS-2'), 'jw305', '2'),
      // The start of 300201 has a stop: it cannot be withdrawn before the stop is (TR071).
      startWithStop: firstStatus(renamed(jw305, 'ZL-INTREK-1'), 'jw305', '3'),
      // The stop of 300201 alone, withdrawn.
      stop: firstStatus(renamed(jw307, 'ZL-INTREK-2'), 'jw307', '3').replace(
        /<jw307:StopProduct>(?:(?!<jw307:StopProduct>)[\s\S])*?300202[\s\S]*?<\/jw307:StopProduct>\s*/,
        '',
      ),
      // Then the start, replaced in the same message by a start on 10 April.
      start: firstStatus(renamed(jw305, 'ZL-INTREK-3'), 'jw305', '3')
        .replace(
          '<jw305:ToewijzingNummer>300202</jw305:ToewijzingNummer>',
          '<jw305:ToewijzingNummer>300201</jw305:ToewijzingNummer>',
        )
        .replace('<ijw:Code>55A12</ijw:Code>', '<ijw:Code>55A11</ijw:Code>')
        .replace('<jw305:Begindatum>2026-04-15</jw305:Begindatum>', '<jw305:Begindatum>2026-04-10</jw305:Begindatum>'),
      // A start that was never delivered (TR063).
      unknown: firstStatus(renamed(jw305, 'ZL-INTREK-4'), 'jw305', '3').replace(
        '<jw305:Begindatum>2026-04-03</jw305:Begindatum>',
        '<jw305:Begindatum>2026-04-12</jw305:Begindatum>',
      ),
    };
    const [changed, startWithStop] = await run([
      ['status-2.xml', Buffer.from(files.changed)],
      ['start-met-stop.xml', Buffer.from(files.startWithStop)],
    ]);
    expect(changed).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'CS058', code: '0001' })],
    });
    expect(startWithStop).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'TR071', code: '9071' })],
    });
    const { actor } = await buildAdmin(ctx);
    const retour = (await readRetourMessage(db, secrets, actor, startWithStop!.fileId!)).bytes;
    expect(validateAgainstXsd('JW306', retour)).toEqual([]);
    expect(retour.toString('utf8')).toContain('<jw306:RetourCode>9071</jw306:RetourCode>');
    expect(await trajectory()).toMatchObject({ startDate: '2026-04-03', endDate: '2026-07-17' });

    const [stop] = await run([['stop-intrekken.xml', Buffer.from(files.stop)]]);
    expect(stop).toMatchObject({ status: 'accepted', records: 1 });
    expect(await trajectory()).toMatchObject({ startDate: '2026-04-03', endDate: null, endReason: null });
    const [start, unknown] = await run([
      ['start-vervangen.xml', Buffer.from(files.start)],
      ['onbekend.xml', Buffer.from(files.unknown)],
    ]);
    expect(start, JSON.stringify(start!.reasons)).toMatchObject({ status: 'accepted' });
    expect(unknown).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'TR063', code: '9063' })],
    });
    expect(await trajectory()).toMatchObject({ startDate: '2026-04-10', endDate: null, endReason: null });
    const deliveries = await queryRows<{ kind: string; date: string }>(
      db,
      sql`
      select kind, date::text as date from ijw_deliveries where municipality_code = '0363' and allocation_number = '300201' order by id`,
    );
    expect(deliveries).toEqual([{ kind: 'start', date: '2026-04-10' }]);
  });

  it('takes a trajectory whose only start is withdrawn out of the KPIs', async () => {
    const db = ctx.database.db;
    const [before] = await db.select().from(ijwTrajectories).where(eq(ijwTrajectories.trajectoryKey, 'A|0363|300201'));
    expect(before).toMatchObject({ startDate: '2026-04-10' });
    expect(await factsOf([before!.id])).toEqual([before!.id]);
    // The start of 10 April withdrawn, with no start in its place (the second product of the example left out).
    const withdrawal = example('JW305')
      .toString('utf8')
      .replace(
        '<ijw:Identificatie>123456789012</ijw:Identificatie>',
        '<ijw:Identificatie>ZL-INTREK-5</ijw:Identificatie>',
      )
      .replace(
        '<jw305:StatusAanlevering>1</jw305:StatusAanlevering>',
        '<jw305:StatusAanlevering>3</jw305:StatusAanlevering>',
      )
      .replace('<jw305:Begindatum>2026-04-03</jw305:Begindatum>', '<jw305:Begindatum>2026-04-10</jw305:Begindatum>')
      .replace(/<jw305:StartProduct>(?:(?!<jw305:StartProduct>)[\s\S])*?300202[\s\S]*?<\/jw305:StartProduct>\s*/, '');
    const [r] = await run([['start-intrekken.xml', Buffer.from(withdrawal)]]);
    expect(r, JSON.stringify(r!.reasons)).toMatchObject({ status: 'accepted', records: 1 });
    const [after] = await db.select().from(ijwTrajectories).where(eq(ijwTrajectories.trajectoryKey, 'A|0363|300201'));
    expect(after).toMatchObject({ id: before!.id, startDate: null });
    expect(await factsOf([before!.id])).toEqual([]);
  });

  it('withdraws a taakgericht start (no allocation) and its trajectory with it', async () => {
    const db = ctx.database.db;
    // The example's first start without its allocation number: taakgericht care, keyed on product and Begindatum.
    const taak = (id: string, status: string) =>
      Buffer.from(
        example('JW305')
          .toString('utf8')
          .replace(
            '<ijw:Identificatie>123456789012</ijw:Identificatie>',
            `<ijw:Identificatie>${id}</ijw:Identificatie>`,
          )
          .replace(
            /<jw305:StartProduct>(?:(?!<jw305:StartProduct>)[\s\S])*?300202[\s\S]*?<\/jw305:StartProduct>\s*/,
            '',
          )
          .replace('<jw305:ToewijzingNummer>300201</jw305:ToewijzingNummer>', '')
          .replace('<jw305:ToewijzingIngangsdatum>2026-04-01</jw305:ToewijzingIngangsdatum>', '')
          .replace('<jw305:Begindatum>2026-04-03</jw305:Begindatum>', '<jw305:Begindatum>2026-04-14</jw305:Begindatum>')
          .replace(
            '<jw305:StatusAanlevering>1</jw305:StatusAanlevering>',
            `<jw305:StatusAanlevering>${status}</jw305:StatusAanlevering>`,
          ),
      );
    const taakTrajectories = async () =>
      (
        await db
          .select()
          .from(ijwTrajectories)
          .where(sql`${ijwTrajectories.trajectoryKey} like 'T|0363|%|55|55A11|2026-04-14'`)
      ).map((t) => t.startDate);
    const [started] = await run([['taak-start.xml', taak('ZL-TAAK-1', '1')]]);
    expect(started, JSON.stringify(started!.reasons)).toMatchObject({ status: 'accepted', records: 1 });
    expect(await taakTrajectories()).toEqual(['2026-04-14']);
    const [{ id }] = (await db
      .select({ id: ijwTrajectories.id })
      .from(ijwTrajectories)
      .where(sql`${ijwTrajectories.trajectoryKey} like 'T|0363|%|55|55A11|2026-04-14'`)) as [{ id: number }];
    expect(await factsOf([id])).toEqual([id]);
    const [withdrawn] = await run([['taak-intrekken.xml', taak('ZL-TAAK-2', '3')]]);
    expect(withdrawn, JSON.stringify(withdrawn!.reasons)).toMatchObject({ status: 'accepted' });
    expect(await taakTrajectories()).toEqual([]);
    // The KPIs no longer count it: the import that deleted it changed no other trajectory, yet the facts follow.
    expect(await factsOf([id])).toEqual([]);
    // Delivered and withdrawn within one import (one batch): neither the start nor its trajectory is ever written.
    const both = await run([
      ['taak-start-2.xml', taak('ZL-TAAK-3', '1')],
      ['taak-intrekken-2.xml', taak('ZL-TAAK-4', '3')],
    ]);
    expect(both.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await taakTrajectories()).toEqual([]);
    const [left] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ijw_deliveries where allocation_number is null and date = '2026-04-14'`,
    );
    expect(left!.n).toBe(0);
  });

  it('gives a corrected birth year and month to every trajectory of the youth, also those the correcting message does not touch', async () => {
    const db = ctx.database.db;
    const birthYears = async () =>
      Object.fromEntries(
        (await db.select().from(ijwTrajectories).where(eq(ijwTrajectories.municipalityCode, '0363')))
          .filter((t) => t.allocationNumber)
          .map((t) => [t.allocationNumber, `${t.birthYear}-${t.birthMonth}`]),
      );
    // The year and month of the birth date, never its day.
    expect(await birthYears()).toMatchObject({ 300201: '2010-2', 300202: '2010-2' });
    // A new allocation for the same youth, whose message brings a corrected date of birth.
    const corrected = Buffer.from(
      contextAllocation({
        municipality: '0363',
        provider: '65656055',
        id: 'CTX-0363-GEB',
        products: [
          {
            number: '300209',
            category: '55',
            code: '55A11',
            start: '2026-08-01',
            end: '2026-10-31',
            volume: 2,
            unit: '04',
            frequency: '2',
          },
        ],
      })
        .toString('utf8')
        .replace('<ijw:Datum>2010-02-14</ijw:Datum>', '<ijw:Datum>2011-05-14</ijw:Datum>'),
    );
    const [r] = await run([['geboortedatum-gecorrigeerd.xml', corrected]]);
    expect(r, JSON.stringify(r!.reasons)).toMatchObject({ status: 'accepted' });
    expect(await birthYears()).toMatchObject({ 300201: '2011-5', 300202: '2011-5', 300209: '2011-5' });
  });

  it('never stores the BSN in clear', async () => {
    const dump = await ctx.database.db.execute(sql`
      select string_agg(t::text, ' ') as all from (
        select * from ijw_clients union all select pseudonym, null, null from ijw_clients) t`);
    const everything = JSON.stringify(
      await Promise.all(
        [
          'ijw_allocations',
          'ijw_deliveries',
          'ijw_requests',
          'ijw_declaration_lines',
          'ijw_trajectories',
          'ijw_files',
        ].map((table) => ctx.database.db.execute(sql.raw(`select * from ${table}`))),
      ),
    );
    expect(JSON.stringify(dump)).not.toContain('999900006');
    expect(everything).not.toContain('999900006');
    expect(everything).toContain(secrets.pseudonymise('999900006'));
  });
});

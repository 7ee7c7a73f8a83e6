import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildUser, createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw, type GenerationManifest } from '../../../tools/ijw-generator/generate.js';
import { exportRetourMessages } from './exchange.service.js';
import { importSources, type FileResult } from './import.service.js';
import { listFiles, readSources, type ImportSource, type SourceItem } from './sources.js';
import { child, children, parseXml, text, type XmlElement } from './xml.js';
import { loadXsdSupport, validateAgainstXsd } from './xsd.js';

let ctx: TestContext;
let dir: string;
let manifest: GenerationManifest;
let token: string;
const made: Record<string, FileResult> = {};

async function importAll(sources: AsyncIterable<SourceItem>): Promise<FileResult[]> {
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, sources, (r) => results.push(r));
  return results;
}

async function* bytesOf(files: Array<[string, string]>): AsyncGenerator<ImportSource> {
  for (const [name, xml] of files) yield { name, bytes: Buffer.from(xml) };
}

/**
 * A generated region with declarations, valid and invalid (a declaration above its allocation, TR321), and three
 * declarations made from a valid one: not schema-valid (0001), a BSN failing the 11-proef (CS002, 0001) and other
 * bytes under a used identification (TR056, 9056).
 */
beforeAll(async () => {
  await loadXsdSupport();
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  ({ token } = await buildUser(ctx, 'contractmanager'));
  dir = mkdtempSync(join(tmpdir(), 'zl-jw325-'));
  manifest = await generateIjw({
    outDir: dir,
    ...demoLandscape(),
    youths: 80,
    years: 1,
    startYear: 2025,
    seed: 325,
    invalidRate: 0.05,
  });
  const valid = await importAll(readSources([join(dir, '2025')]));
  expect(valid.filter((r) => r.status !== 'accepted')).toEqual([]);
  await importAll(readSources([join(dir, 'invalid')]));
  const declarations = (await listFiles(join(dir, '2025'))).filter((f) => /\/JW323_[^/]*$/.test(f));
  const xml = readFileSync(declarations[0]!, 'utf8');
  const id = /<ijw:Identificatie>([^<]+)</.exec(xml)![1]!;
  const renamed = (to: string) => xml.replace(`<ijw:Identificatie>${id}<`, `<ijw:Identificatie>${to}<`);
  const bsn = /<jw323:Bsn>(\d{9})</.exec(xml)![1]!;
  const wrongBsn = `${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`;
  const extra = await importAll(
    bytesOf([
      [
        'xsd.xml',
        renamed('ZL-XSD').replace(/(<jw323:ProductPeriode>\s*<ijw:Begindatum>)\d{4}-\d{2}-\d{2}/, '$12025-02-30'),
      ],
      ['cs002.xml', renamed('ZL-CS002').replace(`<jw323:Bsn>${bsn}<`, `<jw323:Bsn>${wrongBsn}<`)],
      ['tr056.xml', `${xml}\n`],
    ]),
  );
  for (const r of extra) made[r.file] = r;
}, 300_000);
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const codesOf = (e: XmlElement | undefined) => children(e, 'RetourCodes/RetourCode').map((c) => c.text);
const amount = (e: XmlElement | undefined) => `${text(e, 'TotaalBedrag')} ${text(e, 'DebetCredit')}`;

describe('a JW325 for every JW323', () => {
  it('answers every declaration, accepted or rejected, with a declaratie-antwoord valid against JW325.xsd', async () => {
    expect(made['xsd.xml']).toMatchObject({ status: 'rejected', reasons: [expect.objectContaining({ rule: 'XSD' })] });
    expect(made['cs002.xml']).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'CS002' })],
    });
    expect(made['tr056.xml']).toMatchObject({
      status: 'rejected',
      reasons: [expect.objectContaining({ rule: 'TR056' })],
    });
    const rows = await queryRows<{ id: string; status: string; message_id: string; reasons: Array<{ rule: string }> }>(
      ctx.database.db,
      sql`select id::text as id, status, message_id, reasons from ijw_files where message_type = 'JW323'`,
    );
    const totals = new Map(
      (
        await queryRows<{ file_id: string; total: string }>(
          ctx.database.db,
          sql`select file_id::text as file_id, total_cents::text as total from ijw_declarations`,
        )
      ).map((d) => [d.file_id, Number(d.total)]),
    );
    const accepted = rows.filter((r) => r.status === 'accepted');
    const rejected = rows.filter((r) => r.status === 'rejected');
    expect(accepted.length).toBe(manifest.files.byType.JW323);
    const tr321 = rejected.filter((r) => r.reasons.some((x) => x.rule === 'TR321'));
    expect(tr321.length).toBeGreaterThan(0);
    expect(rejected.length).toBe(tr321.length + 3);

    for (const row of rows) {
      const res = await ctx.app.request(`/api/v1/imports/${row.id}/retour`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status, row.id).toBe(200);
      const xml = Buffer.from(await res.arrayBuffer());
      expect(validateAgainstXsd('JW325', xml), row.id).toEqual([]);
      const tree = parseXml(xml.toString('utf8'));
      expect(text(tree, 'Header/DeclaratieIdentificatie/Identificatie')).toBe(row.message_id);
      const antwoord = child(tree, 'DeclaratieAntwoord');
      if (row.status === 'accepted') {
        // Granted in full (IV087): Header 0200, DeclaratieAntwoord 8001, granted = submitted, no clients.
        expect(codesOf(child(tree, 'Header'))).toEqual(['0200']);
        expect(codesOf(antwoord)).toEqual(['8001']);
        const total = totals.get(row.id)!;
        expect(amount(child(antwoord, 'TotaalIngediendBedrag'))).toBe(`${Math.abs(total)} ${total < 0 ? 'C' : 'D'}`);
        expect(amount(child(antwoord, 'TotaalToegekendBedrag'))).toBe(amount(child(antwoord, 'TotaalIngediendBedrag')));
        expect(child(antwoord, 'Clienten')).toBeUndefined();
      } else if (row.reasons.some((x) => x.rule === 'TR321')) {
        // The prestatie above its allocation comes back with 9321, under its client.
        expect(codesOf(antwoord)).toEqual(['0200']);
        const prestaties = children(antwoord, 'Clienten/Client').flatMap((c) => children(c, 'Prestaties/Prestatie'));
        expect(prestaties.flatMap(codesOf)).toContain('9321');
      } else {
        // Rejected as a whole: the Header with the rule's code and nothing else.
        expect(antwoord).toBeUndefined();
        const code = row.reasons.some((x) => x.rule === 'TR056') ? '9056' : '0001';
        expect(codesOf(child(tree, 'Header'))).toEqual([code]);
      }
    }
  });

  it('exports every retour, and one that cannot be made is reported and skipped, never stopping the others', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from ijw_files where retour_encrypted is not null or retour_header is not null`,
        )
      )[0]!.n;
    const exported = new Map<string, Buffer>();
    const first = await exportRetourMessages(ctx.database.db, ctx.secrets, null, {}, async (name, bytes) => {
      exported.set(name, bytes);
    });
    expect(first).toEqual({ written: await count(), failed: [] });
    // One file per retour: no two share a name.
    expect(exported.size).toBe(first.written);
    const declarations = [...exported].filter(([, b]) => b.includes('jw325/schema'));
    const jw323 = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id::text as id from ijw_files where message_type = 'JW323'`,
    );
    expect(declarations.length).toBe(jw323.length);
    for (const [name, bytes] of declarations) expect(validateAgainstXsd('JW325', bytes), name).toEqual([]);

    // A stored retour that can no longer be read (say, encrypted with another key): that one is named and skipped.
    const broken = made['cs002.xml']!.fileId!;
    await ctx.database.db.execute(
      sql`update ijw_files set retour_encrypted = decode('00', 'hex') where id = ${broken}`,
    );
    const names: string[] = [];
    const second = await exportRetourMessages(ctx.database.db, ctx.secrets, null, {}, async (name) => {
      names.push(name);
    });
    expect(second.written).toBe(first.written - 1);
    expect(second.failed).toEqual([{ fileId: broken, fileName: 'cs002.xml', problem: expect.any(String) }]);
    expect(names.sort()).toEqual([...exported.keys()].filter((n) => n !== `${broken}-retour-cs002.xml`).sort());
  });

  it('answers a declaration accepted before its answer values were kept, once migration 0020 has filled them in', async () => {
    const [row] = await queryRows<{ id: string; header: Record<string, unknown> }>(
      ctx.database.db,
      sql`select id::text as id, retour_header as header from ijw_files where message_type = 'JW323' and status = 'accepted' limit 1`,
    );
    const download = () =>
      ctx.app.request(`/api/v1/imports/${row!.id}/retour`, { headers: { Authorization: `Bearer ${token}` } });
    const before = await (await download()).text();
    await ctx.database.db.execute(sql`update ijw_files set retour_header = retour_header - 'd' where id = ${row!.id}`);
    // Now as an earlier release kept it: the header alone.
    const migration = readFileSync(
      join(import.meta.dirname, '../../db/migrations/0020_declaration_answers.sql'),
      'utf8',
    );
    await ctx.database.db.execute(sql.raw(migration));
    const after = await download();
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(before);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw, type GenerationManifest } from '../../../tools/ijw-generator/generate.js';
import { importSources, type FileResult } from './import.service.js';
import { listFiles, readSources } from './sources.js';
import { declaredCents, rebuildTrajectories } from './trajectories.js';
import { loadXsdSupport, validateAgainstXsd } from './xsd.js';

let ctx: TestContext;
let dir: string;
let manifest: GenerationManifest;
const counts = async () =>
  (
    await queryRows(
      ctx.database.db,
      sql`
  select (select count(*) from ijw_allocations)::int as allocations, (select count(*) from ijw_deliveries)::int as deliveries,
         (select count(*) from ijw_declaration_lines)::int as lines, (select count(*) from ijw_trajectories)::int as trajectories`,
    )
  )[0];

async function importPaths(paths: string[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources(paths), (r) =>
    results.push(r),
  );
  return results;
}

beforeAll(async () => {
  await loadXsdSupport();
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-ijw-'));
  manifest = await generateIjw({
    outDir: dir,
    ...demoLandscape(),
    youths: 400,
    years: 2,
    startYear: 2024,
    seed: 7,
    invalidRate: 0.002,
  });
}, 120_000);
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing a generated region', () => {
  it('accepts every valid file and rebuilds the trajectories the generator wrote', async () => {
    const results = await importPaths([join(dir, '2024'), join(dir, '2025')]);
    const rejected = results.filter((r) => r.status !== 'accepted');
    expect(rejected, JSON.stringify(rejected.slice(0, 3))).toEqual([]);
    expect(results).toHaveLength(manifest.files.total);
    expect(results.reduce((n, r) => n + r.records, 0)).toBe(manifest.records.total);

    const byCategory = await queryRows(
      ctx.database.db,
      sql`
      select product_category as k, count(*)::int as n from ijw_trajectories where start_date is not null group by 1`,
    );
    expect(Object.fromEntries(byCategory.map((r) => [r.k, r.n]))).toEqual(
      manifest.trajectories.startedByProductCategory,
    );
    const byReason = await queryRows(
      ctx.database.db,
      sql`
      select end_reason as k, count(*)::int as n from ijw_trajectories where end_date is not null group by 1`,
    );
    expect(Object.fromEntries(byReason.map((r) => [r.k, r.n]))).toEqual(manifest.trajectories.endedByReason);
    // Every declared euro is found through a trajectory: each line's allocation has one.
    const declared = await queryRows(
      ctx.database.db,
      sql`select coalesce(sum(${declaredCents(sql`t`)}), 0)::bigint as cents from ijw_trajectories t`,
    );
    expect(Number(declared[0]!.cents)).toBe(manifest.declarations.totalAmountCents);

    // Batches after an allocation's own update its trajectory in place (start, stop): the same as rebuilding it.
    const snapshot = () =>
      queryRows(
        ctx.database.db,
        sql`
      select trajectory_key, provider_agb, client_pseudonym, birth_year, product_category, product_code, referrer_type, request_date::text,
        allocation_date::text, allocation_start::text, allocation_end::text, volume, unit, frequency, start_date::text, end_date::text, end_reason
      from ijw_trajectories order by trajectory_key`,
      );
    const updated = await snapshot();
    const keys = await queryRows<{ k: string }>(
      ctx.database.db,
      sql`select municipality_code || '|' || allocation_number as k from ijw_allocations`,
    );
    expect(keys.length).toBeGreaterThan(300);
    await ctx.database.db.transaction((tx) =>
      rebuildTrajectories(tx, {
        allocations: new Set(keys.map((r) => r.k)),
        starts: new Map(),
        stops: new Map(),
        taak: new Set(),
      }),
    );
    expect(await snapshot()).toEqual(updated);
  });

  it('imports the same folder a second time as duplicates, changing nothing', async () => {
    const before = await counts();
    const again = await importPaths([join(dir, '2024', '2024-03')]);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('rejects each invalid file with its reason and leaves the database as it was', async () => {
    const expected = JSON.parse(readFileSync(join(dir, 'invalid', 'expected.json'), 'utf8')) as {
      files: Array<{ file: string; kind: string }>;
    };
    const before = await counts();
    const ruleFor: Record<string, RegExp> = {
      'malformed-xml': /^XML$/,
      'wrong-namespace': /^ZL011$/,
      'xsd-impossible-date': /^XSD$/,
      'xsd-agb-7-digits': /^XSD$/,
      'stop-without-start': /^TR382$/,
      'declaration-volume-above-allocation': /^TR321$/,
      'allocation-end-before-start': /^TR018$/,
    };
    for (const f of expected.files) {
      const [r] = await importPaths([join(dir, f.file)]);
      expect(r!.status, `${f.kind} ${f.file}`).toBe('rejected');
      expect(r!.reasons.map((x) => x.rule).join(','), f.kind).toMatch(
        new RegExp(ruleFor[f.kind]!.source.replace(/^\^|\$$/g, '')),
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses external entities, entity expansion, truncated archives and oversized files, keeping each in quarantine', async () => {
    const evil = join(dir, 'evil');
    rmSync(evil, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(evil);
    writeFileSync(
      join(evil, 'xxe.xml'),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    );
    writeFileSync(
      join(evil, 'lol.xml'),
      `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]><l>&bbbbbbbb;</l>`,
    );
    writeFileSync(join(evil, 'kapot.zip'), Buffer.from('504b0304140000000800', 'hex'));
    writeFileSync(join(evil, 'groot.xml'), Buffer.alloc(26 * 1024 * 1024, 0x20));
    const results = await importPaths([evil]);
    const byName = Object.fromEntries(results.map((r) => [r.file.split('/').pop(), r]));
    expect(byName['xxe.xml']!.reasons[0]!.message).toContain('DOCTYPE is niet toegestaan');
    expect(byName['lol.xml']!.reasons[0]!.message).toContain('DOCTYPE is niet toegestaan');
    expect(byName['kapot.zip']!.reasons[0]!.message).toContain('zip-bestand is beschadigd');
    expect(byName['groot.xml']!.reasons[0]!.message).toContain('OP179');
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const quarantined = await queryRows(
      ctx.database.db,
      sql`select count(*)::int as n from ijw_files where status = 'rejected' and file_name like '%.xml' and file_name in ('xxe.xml', 'lol.xml')`,
    );
    expect(quarantined[0]!.n).toBe(2);
  });
});

describe('the import API', () => {
  it('takes a multipart upload, reports per file, and serves a retour message that validates against its XSD', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    const file = readFileSync(
      join(
        dir,
        'invalid',
        JSON.parse(readFileSync(join(dir, 'invalid', 'expected.json'), 'utf8'))
          .files.find((f: { kind: string }) => f.kind === 'stop-without-start')
          .file.replace(/^invalid\//, ''),
      ),
    );
    const form = new FormData();
    form.append('files', new File([new Uint8Array(file)], 'stop.xml', { type: 'application/xml' }));
    const res = await ctx.app.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: FileResult[]; summary: { rejected: number } };
    expect(body.summary.rejected).toBe(1);
    const fileId = body.results[0]!.fileId!;
    const quarantine = await call(ctx, token, 'GET', '/imports?status=rejected&pageSize=100');
    expect(quarantine.body.data.map((f: { id: string }) => f.id)).toContain(fileId);
    const retour = await ctx.app.request(`/api/v1/imports/${fileId}/retour`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(retour.headers.get('Content-Type')).toContain('application/xml');
    const xml = Buffer.from(await retour.arrayBuffer());
    expect(validateAgainstXsd('JW308', xml)).toEqual([]);
    expect(xml.toString('utf8')).toContain('<jw308:RetourCode>9069</jw308:RetourCode>');
    const audit = await queryRows(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where action = 'read' and entity = 'ijw-retour' and entity_id = ${fileId}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('keeps uploads to the backoffice and shows an aanbieder only its own trajectories', async () => {
    const [provider] = (await queryRows(
      ctx.database.db,
      sql`select id, agb_code from providers where agb_code = '99000011'`,
    )) as Array<{ id: string; agb_code: string }>;
    const { token } = await buildUser(ctx, 'aanbieder', provider!.id);
    const form = new FormData();
    form.append('files', new File(['<x/>'], 'x.xml'));
    expect(
      (
        await ctx.app.request('/api/v1/imports', {
          method: 'POST',
          body: form,
          headers: { Authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(403);
    const own = await call(ctx, token, 'GET', '/trajectories?pageSize=100');
    expect(own.status).toBe(200);
    expect(own.body.data.length).toBeGreaterThan(0);
    expect(own.body.data.every((t: { providerAgb: string }) => t.providerAgb === '99000011')).toBe(true);
    // Each trajectory's money as its allocation's declaration lines sum it.
    const [first] = own.body.data.filter((t: { declaredCents: number }) => t.declaredCents > 0) as Array<{
      municipalityCode: string;
      allocationNumber: string;
      declaredCents: number;
    }>;
    const [lines] = await queryRows<{ cents: string }>(
      ctx.database.db,
      sql`select sum(amount_cents)::text as cents from ijw_declaration_lines
      where municipality_code = ${first!.municipalityCode} and allocation_number = ${first!.allocationNumber}`,
    );
    expect(first!.declaredCents).toBe(Number(lines!.cents));
    const asked = await call(ctx, token, 'GET', '/trajectories?providerAgb=99000022');
    expect(asked.body.data).toHaveLength(0);
  });

  it('refuses a trajectory period that ends before it begins, naming the end date', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    const reversed = await call(ctx, token, 'GET', '/trajectories?from=2025-12-31&to=2025-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.headers.get('Content-Type')).toBe('application/problem+json');
    expect(reversed.body.invalidParams).toEqual([
      { name: 'to', code: 'custom', reason: 'einddatum ligt voor de begindatum' },
    ]);
    // One day is a period too, and either end alone is no period to check.
    for (const query of ['from=2025-03-01&to=2025-03-01', 'from=2025-12-31', 'to=2025-01-01']) {
      expect((await call(ctx, token, 'GET', `/trajectories?${query}`)).status).toBe(200);
    }
  });

  it('lists exactly the trajectories that ended in a period with the reasons asked for, as the JW307 files report them', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    const [from, to] = ['2025-01-01', '2025-06-30'];
    type Item = {
      municipalityCode: string;
      allocationNumber: string | null;
      productCode: string | null;
      endDate: string | null;
      endReason: string | null;
    };
    /** Every page of a search. */
    const search = async (query: string) => {
      const items: Item[] = [];
      for (let page = 1; ; page++) {
        const res = await call(ctx, token, 'GET', `/trajectories?${query}&pageSize=100&page=${page}`);
        expect(res.status).toBe(200);
        items.push(...(res.body.data as Item[]));
        if (page >= res.body.page.totalPages) return { items, total: res.body.page.totalElements as number };
      }
    };
    // The endings as the generated stop messages (JW307) state them, read from the files, not from the database:
    // municipality (the receiver), allocation number (none for taakgericht care), product, end date and reason.
    const stops: string[] = [];
    for (const file of (await Promise.all([join(dir, '2024'), join(dir, '2025')].map((d) => listFiles(d))))
      .flat()
      .filter((f) => /\/JW307_[^/]*$/.test(f))) {
      const xml = readFileSync(file, 'utf8');
      const municipality = /<jw307:Ontvanger>(\d{4})</.exec(xml)![1];
      for (const [product] of xml.matchAll(/<jw307:StopProduct>[\s\S]*?<\/jw307:StopProduct>/g)) {
        const field = (name: string) => new RegExp(`<(?:jw307|ijw):${name}>([^<]*)<`).exec(product)?.[1] ?? '';
        stops.push(
          [municipality, field('ToewijzingNummer'), field('Code'), field('Einddatum'), field('RedenBeeindiging')].join(
            '|',
          ),
        );
      }
    }
    const key = (t: Item) =>
      [t.municipalityCode, t.allocationNumber ?? '', t.productCode ?? '', t.endDate, t.endReason].join('|');
    const endedWith = (reasons: string[]) =>
      stops
        .filter((s) => {
          const [, , , end, reason] = s.split('|');
          return end! >= from && end! <= to && reasons.includes(reason!);
        })
        .sort();

    for (const reasons of [['32', '33', '34', '35'], ['31', '39'], ['33']]) {
      const expected = endedWith(reasons);
      const found = await search(`endReason=${reasons.join(',')}&ended=true&from=${from}&to=${to}`);
      expect(found.total, reasons.join(',')).toBe(expected.length);
      expect(found.items.map(key).sort(), reasons.join(',')).toEqual(expected);
    }
    expect(endedWith(['32', '33', '34', '35']).length).toBeGreaterThan(5);
    // Without ended=true the period keeps its meaning: the trajectories running in it, ended with those reasons at any time.
    const running = await search(`endReason=32,33,34,35&from=${from}&to=${to}`);
    expect(running.total).toBeGreaterThan(endedWith(['32', '33', '34', '35']).length);
    expect(running.items.every((t) => ['32', '33', '34', '35'].includes(t.endReason!) && t.endDate! >= from)).toBe(
      true,
    );
    // ended=true alone: every ending in the period, whatever its reason.
    const allEndings = stops.filter((s) => s.split('|')[3]! >= from && s.split('|')[3]! <= to).length;
    expect(
      (await call(ctx, token, 'GET', `/trajectories?ended=true&from=${from}&to=${to}&pageSize=1`)).body.page
        .totalElements,
    ).toBe(allEndings);

    // The search is logged with its filters.
    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      ctx.database.db,
      sql`
      select after from audit_events where entity = 'trajectories' and entity_id = 'search' order by id desc limit 1`,
    );
    expect(audit!.after).toMatchObject({ ended: 'true', from, to });
  });

  it('refuses an end reason that is not a list of two-digit codes, and an ended that is not true or false, naming the parameter', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    for (const [query, name] of [
      ['endReason=3', 'endReason'],
      ['endReason=abc', 'endReason'],
      ['endReason=32,', 'endReason'],
      ['ended=ja', 'ended'],
    ] as const) {
      const res = await call(ctx, token, 'GET', `/trajectories?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(
        res.body.invalidParams.map((p: { name: string }) => p.name),
        query,
      ).toEqual([name]);
    }
    expect((await call(ctx, token, 'GET', '/trajectories?endReason=32,33,34,35&ended=false')).status).toBe(200);
  });
});

describe('files imported out of their usual order', () => {
  it('links requests imported after their allocations: the trajectories equal those of the import in order', async () => {
    // The same generated region into a second database: first every file but the requests (JW315) and their answers
    // (JW319, which must follow the request they answer), then those. As when a municipality's and a provider's files
    // come in separately.
    const other = await createTestContext();
    try {
      await seedDemoRegionIfEmpty(other.database.db);
      const all = (await Promise.all([join(dir, '2024'), join(dir, '2025')].map((d) => listFiles(d)))).flat();
      const late = (f: string) => /(^|\/)JW31[59]_[^/]*$/.test(f);
      expect(all.filter(late).length).toBeGreaterThan(100);
      const results: FileResult[] = [];
      await importSources(
        { db: other.database.db, secrets: ctx.secrets, actor: null },
        readSources([...all.filter((f) => !late(f)), ...all.filter(late)]),
        (r) => results.push(r),
      );
      const rejected = results.filter((r) => r.status !== 'accepted');
      expect(rejected, JSON.stringify(rejected.slice(0, 3))).toEqual([]);
      const trajectories = (db: TestContext['database']['db']) =>
        queryRows(
          db,
          sql`
        select trajectory_key, provider_agb, birth_year, product_category, product_code, referrer_type, request_date::text, allocation_date::text,
          volume, start_date::text, end_date::text, end_reason, ${declaredCents(sql`t`)}::text as declared from ijw_trajectories t order by trajectory_key`,
        );
      const inOrder = await trajectories(ctx.database.db);
      expect(inOrder.filter((t) => t.referrer_type !== null).length).toBeGreaterThan(100);
      const outOfOrder = await trajectories(other.database.db);
      expect(outOfOrder).toEqual(inOrder);
    } finally {
      await other.close();
    }
  }, 120_000);
});

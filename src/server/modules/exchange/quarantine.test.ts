import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildUser, call, type TestContext } from '../../testing/harness.js';
import { allocation0363, exampleRegionContext } from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';
import { sniffKind } from './upload.js';
import type { FileResult } from './import.service.js';

let ctx: TestContext;
let manager: string;
let policy: string;

const brokenAllocation = Buffer.from(
  example('JW301')
    .toString('utf8')
    .replace('<ijw:Identificatie>123456789012</ijw:Identificatie>', '<ijw:Identificatie>Q-XSD</ijw:Identificatie>')
    .replace(/<ijw:Volume>\d+<\/ijw:Volume>/, '<ijw:Volume>vier</ijw:Volume>'),
);
const truncated = example('JW305').subarray(0, 700);

async function upload(token: string, files: Array<[string, Buffer]>) {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('files', new File([new Uint8Array(bytes)], name));
  const res = await ctx.app.request('/api/v1/imports', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}
const results = (r: { body: Record<string, unknown> }) => r.body.results as FileResult[];
type Listed = {
  id: string;
  messageType: string | null;
  reasons: Array<{ rule: string; message: string; advice: string }>;
  quarantine: { state: string; note: string | null; handledBy: string | null; resolvedBy: string | null } | null;
};
const list = async (query: string) =>
  (await call(ctx, manager, 'GET', `/imports?status=rejected&${query}`)).body as { data: Listed[] };

let start305: string;
let xsd301: string;

beforeAll(async () => {
  ctx = await exampleRegionContext();
  manager = (await buildUser(ctx, 'contractmanager')).token;
  policy = (await buildUser(ctx, 'beleid')).token;
  const first = await upload(manager, [
    ['start.xml', example('JW305')],
    ['toewijzing.xml', brokenAllocation],
    ['afgebroken.xml', truncated],
  ]);
  expect(results(first).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  [start305, xsd301] = results(first).map((r) => r.fileId!) as [string, string];
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('the quarantine: filters, groups and reasons in plain Dutch', () => {
  it('filters by reason, message type, sender and received date', async () => {
    expect((await list('reason=TR019')).data.map((f) => f.id)).toEqual([start305]);
    expect((await list('reason=XSD')).data.map((f) => f.id)).toEqual([xsd301]);
    expect((await list('messageType=JW301')).data.map((f) => f.id)).toEqual([xsd301]);
    expect((await list('sender=65656055&messageType=JW305')).data.map((f) => f.id)).toEqual([start305]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`receivedFrom=2020-01-01&receivedTo=2100-01-01`)).data).toHaveLength(3);
    expect((await list(`receivedFrom=2099-01-01`)).data).toHaveLength(0);
    expect((await list(`receivedTo=2020-01-01`)).data).toHaveLength(0);
    const wrong = await call(ctx, manager, 'GET', `/imports?receivedFrom=${today}&receivedTo=2020-01-01`);
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
  });

  it('groups the files by the rule of their reasons, with counts and what the sender should do', async () => {
    const { status, body } = await call(ctx, manager, 'GET', '/quarantine/reasons');
    expect(status).toBe(200);
    const groups = body.data as Array<{ rule: string; files: number; title: string; advice: string }>;
    expect(Object.fromEntries(groups.map((g) => [g.rule, g.files]))).toEqual({ TR019: 1, XSD: 1, XML: 1 });
    expect(groups.find((g) => g.rule === 'TR019')!.title).toBe('Toewijzing niet bekend');
    // The groups follow the other filters.
    const only301 = await call(ctx, manager, 'GET', '/quarantine/reasons?messageType=JW301');
    expect(only301.body.data.map((g: { rule: string }) => g.rule)).toEqual(['XSD']);
  });

  it("says parser errors in Dutch with advice, never in the parser's English", async () => {
    const [broken] = (await list('reason=XML')).data;
    const text = JSON.stringify(broken!.reasons);
    expect(text).not.toMatch(/unclosed|unexpected|tag|expected|the /i);
    expect(broken!.reasons[0]!.message).toMatch(/^geen geldige XML \(regel \d+\): /);
    expect(broken!.reasons[0]!.advice).toContain('opnieuw');
    // A reason stored before the translation is said in Dutch when read.
    await ctx.database.db.execute(
      sql`update ijw_files set reasons = '[{"code":"0001","rule":"XML","message":"geen geldige XML (regel 3): unclosed tag: jw305:Header"}]'::jsonb where id = ${broken!.id}`,
    );
    const [again] = (await list('reason=XML')).data;
    expect(again!.reasons[0]!.message).toBe(
      'geen geldige XML (regel 3): een element is geopend maar niet gesloten; het bestand is waarschijnlijk niet helemaal verstuurd',
    );
  });
});

describe('handling a quarantined file', () => {
  it('refuses to mark a file handled without a note (400, in Dutch), and lets only back office roles do it', async () => {
    const none = await call(ctx, manager, 'PUT', `/imports/${xsd301}/handling`, { state: 'handled' });
    expect(none.status).toBe(400);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(none.body)).toContain('schrijf in een notitie');
    const blank = await call(ctx, manager, 'PUT', `/imports/${xsd301}/handling`, { state: 'handled', note: '   ' });
    expect(blank.status).toBe(400);
    const bsn = await call(ctx, manager, 'PUT', `/imports/${xsd301}/handling`, {
      state: 'handled',
      note: 'cliënt 999900006',
    });
    expect(bsn.status).toBe(400);
    const byPolicy = await call(ctx, policy, 'PUT', `/imports/${xsd301}/handling`, { state: 'handled', note: 'x' });
    expect(byPolicy.status).toBe(403);
    expect((await list('quarantineState=open')).data.map((f) => f.id)).toContain(xsd301);
  });

  it('marks a file handled with its note, writes the audit log, and counts it no longer as open', async () => {
    const done = await call(ctx, manager, 'PUT', `/imports/${xsd301}/handling`, {
      state: 'handled',
      note: 'Aanbieder gebeld; stuurt het bericht verbeterd opnieuw.',
    });
    expect(done.status).toBe(200);
    expect(done.body.quarantine).toMatchObject({
      state: 'handled',
      note: 'Aanbieder gebeld; stuurt het bericht verbeterd opnieuw.',
      handledBy: 'Test contractmanager',
    });
    expect((await list('quarantineState=open')).data.map((f) => f.id)).not.toContain(xsd301);
    expect((await list('quarantineState=handled')).data.map((f) => f.id)).toEqual([xsd301]);
    const audit = await queryRows<{ action: string; after: { quarantineState: string } }>(
      ctx.database.db,
      sql`select action, after from audit_events where entity = 'ijw-file' and entity_id = ${xsd301}`,
    );
    expect(audit).toEqual([
      {
        action: 'update',
        after: { quarantineState: 'handled', note: 'Aanbieder gebeld; stuurt het bericht verbeterd opnieuw.' },
      },
    ]);
    const reopened = await call(ctx, manager, 'PUT', `/imports/${xsd301}/handling`, { state: 'open' });
    expect(reopened.body.quarantine).toMatchObject({ state: 'open', note: null, handledBy: null });
  });

  it('resolves an open entry by itself when the same message is accepted later', async () => {
    expect(results(await upload(manager, [['toewijzing-0363.xml', allocation0363]]))[0]!.status).toBe('accepted');
    const again = await upload(manager, [['start-opnieuw.xml', example('JW305')]]);
    const [accepted] = results(again);
    expect(accepted!.status).toBe('accepted');
    const entry = (await call(ctx, manager, 'GET', `/imports/${start305}`)).body as Listed;
    expect(entry.quarantine).toMatchObject({ state: 'resolved', resolvedBy: accepted!.fileId });
    expect((await list('quarantineState=open')).data.map((f) => f.id)).not.toContain(start305);
    const handle = await call(ctx, manager, 'PUT', `/imports/${start305}/handling`, { state: 'handled', note: 'x' });
    expect(handle.status).toBe(409);
  });

  it('makes existing data consistent in its migration: an entry whose message was accepted since is resolved', async () => {
    const [q] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`insert into ijw_files (file_name, sha256, size_bytes, status, message_type, sender, message_id, quarantine_state, received_at)
        values ('oud.xml', 'oud', 1, 'rejected', 'JW315', '42420001', 'OUD-1', 'open', now() - interval '2 days') returning id::text as id`,
    );
    const [a] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`insert into ijw_files (file_name, sha256, size_bytes, status, message_type, sender, message_id)
        values ('nieuw.xml', 'nieuw', 1, 'accepted', 'JW315', '42420001', 'OUD-1') returning id::text as id`,
    );
    const migration = readFileSync(
      join(import.meta.dirname, '../../db/migrations/0028_quarantine_handling.sql'),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n\s*)*UPDATE/.test(s)))
      await ctx.database.db.execute(sql.raw(statement));
    const [after] = await queryRows<{ state: string; by: string }>(
      ctx.database.db,
      sql`select quarantine_state as state, resolved_by::text as by from ijw_files where id = ${q!.id}`,
    );
    expect(after).toEqual({ state: 'resolved', by: a!.id });
  });
});

describe('the retours of a selection, and what an upload refuses', () => {
  it('downloads the retour messages of the filtered quarantine as one zip, and logs it', async () => {
    const res = await ctx.app.request('/api/v1/quarantine/retours?reason=XSD', {
      headers: { Authorization: `Bearer ${manager}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).toEqual([`${xsd301}-retour-toewijzing.xml`]);
    expect(await zip.file(names[0]!)!.async('string')).toMatch(/<jw302:RetourCode>0001</);
    const none = await call(ctx, manager, 'GET', '/quarantine/retours?receivedTo=2020-01-01');
    expect(none.status).toBe(404);
    const policyZip = await call(ctx, policy, 'GET', '/quarantine/retours');
    expect(policyZip.status).toBe(403);
    const [logged] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where entity = 'ijw-retour' and entity_id = 'quarantine-zip'`,
    );
    expect(logged!.n).toBe(1);
  });

  it('refuses a file that is neither XML nor zip, by its content, with a clear 400 and nothing imported', async () => {
    const [before] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ijw_files`);
    const txt = await upload(manager, [
      ['notities.txt', Buffer.from('Dit is geen bericht.\n')],
      ['goed.xml', example('JW315')],
    ]);
    expect(txt.status).toBe(400);
    expect(txt.type).toContain('application/problem+json');
    expect(txt.body.detail).toMatch(/Alleen iJw-berichten \(XML\) en zip-bestanden .* notities\.txt/);
    const pdf = await upload(manager, [['bericht.xml', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')]]);
    expect(pdf.status).toBe(400);
    const empty = await upload(manager, [['leeg.xml', Buffer.alloc(0)]]);
    expect(empty.status).toBe(400);
    const [after] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ijw_files`);
    expect(after!.n).toBe(before!.n);
    // A zip is known by its bytes, whatever its name.
    const zip = new JSZip();
    zip.file('JW301.xml', allocation0363);
    const named = await upload(manager, [['archief.dat', await zip.generateAsync({ type: 'nodebuffer' })]]);
    expect(named.status).toBe(200);
    expect(results(named).map((r) => r.status)).toEqual(['duplicate']);
  });

  it('knows XML by its first bytes: a byte order mark and white space may come before the first <', () => {
    expect(sniffKind(Buffer.from('\uFEFF\n  <?xml version="1.0"?><a/>'))).toBe('xml');
    expect(sniffKind(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toBe('xml');
    expect(sniffKind(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(sniffKind(Buffer.from('BSN;naam\n'))).toBe(null);
    expect(sniffKind(Buffer.from('   \n'))).toBe(null);
  });
});

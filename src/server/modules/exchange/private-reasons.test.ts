import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { buildUser, call, type TestContext } from '../../testing/harness.js';
import { isValidBsn } from '../../../shared/bsn.js';
import { child, children, parseXml, text } from './xml.js';
import { validateAgainstXsd } from './xsd.js';
import { exampleRegionContext } from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';
import type { FileResult } from './import.service.js';

let ctx: TestContext;
let token: string;
beforeAll(async () => {
  ctx = await exampleRegionContext();
  ({ token } = await buildUser(ctx, 'contractmanager'));
});
afterAll(async () => {
  await ctx.close();
});

/** An example message with one value replaced and an identification of its own. */
function variant(type: 'JW301' | 'JW323', id: string, from: string, to: string): Buffer {
  const xml = example(type).toString('utf8');
  const ownId = type === 'JW301' ? '123456789012' : '765432198';
  expect(xml).toContain(from);
  return Buffer.from(
    xml
      .replace(`<ijw:Identificatie>${ownId}</ijw:Identificatie>`, `<ijw:Identificatie>${id}</ijw:Identificatie>`)
      .replace(from, to),
  );
}

const bsn = (v: string) => ['<jw301:Bsn>999900006</jw301:Bsn>', `<jw301:Bsn>${v}</jw301:Bsn>`] as const;
/**
 * Personal data made invalid, each with the value that must never come back: a BSN with a trailing space, an extra
 * digit, a letter, one failing the 11-proef and all zeros; a name, first names and a street too long; impossible and
 * misshapen birth dates; a house number and a phone number with letters; in a declaration, the second client's BSN.
 */
const cases: Array<{
  name: string;
  said: RegExp;
  type: 'JW301' | 'JW323';
  replace: readonly [string, string];
  secret: string;
}> = [
  {
    name: 'bsn-spatie',
    said: /Client\/Bsn: de waarde (is te lang|past niet)/,
    type: 'JW301',
    replace: bsn('123456782 '),
    secret: '123456782',
  },
  {
    name: 'bsn-cijfer-te-veel',
    said: /Client\/Bsn: de waarde is te lang: 10 tekens/,
    type: 'JW301',
    replace: bsn('9876543210'),
    secret: '9876543210',
  },
  {
    name: 'bsn-letter',
    said: /Client\/Bsn: de waarde past niet in het patroon/,
    type: 'JW301',
    replace: bsn('48151623X'),
    secret: '48151623',
  },
  {
    name: 'bsn-elfproef',
    said: /CS002 het BSN van de cliënt voldoet niet aan de 11-proef/,
    type: 'JW301',
    replace: bsn('123456789'),
    secret: '123456789',
  },
  {
    name: 'bsn-nullen',
    said: /CS002 het BSN van de cliënt voldoet niet aan de 11-proef/,
    type: 'JW301',
    replace: bsn('000000000'),
    secret: '000000000',
  },
  {
    name: 'achternaam-te-lang',
    said: /Client\/Naam\/Geslachtsnaam\/Achternaam: de waarde is te lang/,
    type: 'JW301',
    replace: ['<ijw:Achternaam>Wit</ijw:Achternaam>', `<ijw:Achternaam>Geheimenaam${'x'.repeat(200)}</ijw:Achternaam>`],
    secret: 'Geheimenaam',
  },
  {
    name: 'voornamen-te-lang',
    said: /Client\/Naam\/Voornamen: de waarde is te lang/,
    type: 'JW301',
    replace: [
      '<ijw:Voornamen>Tom</ijw:Voornamen>',
      `<ijw:Voornamen>Verborgenvoornaam${'y'.repeat(200)}</ijw:Voornamen>`,
    ],
    secret: 'Verborgenvoornaam',
  },
  {
    name: 'straat-te-lang',
    said: /Relatie\[1\]\/Contact\/Adres\/Straatnaam: de waarde is te lang/,
    type: 'JW301',
    replace: [
      '<ijw:Straatnaam>Van Woustraat</ijw:Straatnaam>',
      `<ijw:Straatnaam>${'Geheimstraat'.repeat(5)}</ijw:Straatnaam>`,
    ],
    secret: 'Geheimstraat',
  },
  {
    name: 'geboortedatum-bestaat-niet',
    said: /Client\/Geboortedatum\/Datum: de waarde is geen geldige waarde van het type LDT_Datum/,
    type: 'JW301',
    replace: ['<ijw:Datum>2010-02-14</ijw:Datum>', '<ijw:Datum>2010-02-31</ijw:Datum>'],
    secret: '2010-02-31',
  },
  {
    name: 'geboortedatum-vorm',
    said: /Client\/Geboortedatum\/Datum: de waarde is geen geldige waarde/,
    type: 'JW301',
    replace: ['<ijw:Datum>2010-02-14</ijw:Datum>', '<ijw:Datum>14-02-2010</ijw:Datum>'],
    secret: '14-02-2010',
  },
  {
    name: 'huisnummer-letter',
    said: /Adres\/Huis\/Huisnummer: de waarde is geen geldige waarde/,
    type: 'JW301',
    replace: ['<ijw:Huisnummer>9</ijw:Huisnummer>', '<ijw:Huisnummer>77q</ijw:Huisnummer>'],
    secret: '77q',
  },
  {
    name: 'telefoon-letters',
    said: /Telefoonnummer: de waarde past niet in het patroon/,
    type: 'JW301',
    replace: [
      '<ijw:Telefoonnummer>0201234567</ijw:Telefoonnummer>',
      '<ijw:Telefoonnummer>0612Geheim</ijw:Telefoonnummer>',
    ],
    secret: '0612Geheim',
  },
  {
    name: 'declaratie-bsn-elfproef',
    said: /CS002 het BSN van cliënt 2 van de declaratie voldoet niet aan de 11-proef/,
    type: 'JW323',
    replace: ['<jw323:Bsn>999900018</jw323:Bsn>', '<jw323:Bsn>999900019</jw323:Bsn>'],
    secret: '999900019',
  },
];

async function upload(
  files: Array<[string, Buffer]>,
): Promise<{ status: number; text: string; results: FileResult[] }> {
  const form = new FormData();
  for (const [name, bytes] of files)
    form.append('files', new File([new Uint8Array(bytes)], name, { type: 'application/xml' }));
  const res = await ctx.app.request('/api/v1/imports', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { status: res.status, text, results: (JSON.parse(text) as { results: FileResult[] }).results };
}

const clients = async () =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(distinct client_pseudonym)::int as n from ijw_allocations`,
    )
  )[0]!.n;

describe('reasons never quote personal data', () => {
  it('rejects each invalid value saying what is wrong, and no reason, answer, quarantine entry or retour holds it', async () => {
    expect(isValidBsn('123456782')).toBe(true);
    for (const wrong of ['123456789', '000000000', '999900019']) expect(isValidBsn(wrong)).toBe(false);
    const posted = await upload(cases.map((c, i) => [`${c.name}.xml`, variant(c.type, `PRIV-${i}`, ...c.replace)]));
    expect(posted.status).toBe(200);
    for (const c of cases) {
      const r = posted.results.find((x) => x.file === `${c.name}.xml`)!;
      expect(r.status, c.name).toBe('rejected');
      // What is wrong is said: the element by its path (or the rule), and the kind of problem.
      expect(r.reasons.map((x) => `${x.rule} ${x.message}`).join(' | '), c.name).toMatch(c.said);
    }
    // Everywhere a reason or a retour can be read: the upload's answer, the table, the import history and quarantine
    // (list and single file) and the retour messages.
    const places: Array<[string, string]> = [['POST /imports', posted.text]];
    const rows = await queryRows<{ id: string; reasons: string; header: string | null }>(
      ctx.database.db,
      sql`select id::text as id, reasons::text as reasons, retour_header::text as header from ijw_files`,
    );
    expect(rows).toHaveLength(cases.length);
    for (const row of rows) places.push([`ijw_files ${row.id}`, `${row.reasons} ${row.header ?? ''}`]);
    for (const query of ['/imports?pageSize=100', '/imports?status=rejected&pageSize=100']) {
      const list = await call(ctx, token, 'GET', query);
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(cases.length);
      places.push([query, JSON.stringify(list.body)]);
    }
    for (const row of rows) {
      const one = await call(ctx, token, 'GET', `/imports/${row.id}`);
      places.push([`/imports/${row.id}`, JSON.stringify(one.body)]);
      const retour = await ctx.app.request(`/api/v1/imports/${row.id}/retour`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(retour.status).toBe(200);
      places.push([`/imports/${row.id}/retour`, await retour.text()]);
    }
    for (const c of cases)
      for (const [where, content] of places) expect(content, `${c.name} in ${where}`).not.toContain(c.secret);
    // The check can fail: the quarantined original does hold the value.
    const original = await ctx.app.request(`/api/v1/imports/${posted.results[0]!.fileId}/original`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await original.text()).toContain(cases[0]!.secret);
  });
});

describe('CS002: the 11-proef on the BSN', () => {
  it('rejects a BSN that fails it (and all zeros) with retour code 0001 before it becomes a client; a valid one is accepted', async () => {
    const before = await clients();
    const valid = await upload([
      [
        'geldig.xml',
        variant('JW301', 'CS002-OK', '<jw301:Bsn>999900006</jw301:Bsn>', '<jw301:Bsn>123456782</jw301:Bsn>'),
      ],
    ]);
    expect(valid.results[0]!.status, valid.text).toBe('accepted');
    expect(await clients()).toBe(before + 1);
    const wrong = await upload([
      ['elfproef.xml', variant('JW301', 'CS002-1', ...bsn('123456781'))],
      ['nullen.xml', variant('JW301', 'CS002-2', ...bsn('000000000'))],
      [
        'declaratie.xml',
        variant('JW323', 'CS002-3', '<jw323:Bsn>999900006</jw323:Bsn>', '<jw323:Bsn>999900007</jw323:Bsn>'),
      ],
    ]);
    expect(await clients()).toBe(before + 1);
    const paths = ['Client', 'Client', 'Declaratie/Clienten/Client[1]'];
    for (const [i, r] of wrong.results.entries()) {
      expect(r.status, r.file).toBe('rejected');
      expect(r.reasons, r.file).toEqual([
        { rule: 'CS002', code: '0001', message: expect.stringContaining(`voldoet niet aan de 11-proef [${paths[i]}]`) },
      ]);
      // The retour answers with the rule's code, 0001: a technical rejection, so the Header alone (IV028/IV032).
      const res = await ctx.app.request(`/api/v1/imports/${r.fileId}/retour`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const xml = Buffer.from(await res.arrayBuffer());
      const type = r.messageType === 'JW323' ? 'JW325' : 'JW302';
      expect(validateAgainstXsd(type, xml), r.file).toEqual([]);
      const tree = parseXml(xml.toString('utf8'));
      expect(tree.children.map((e) => e.name)).toEqual(['Header']);
      expect(children(child(tree, 'Header'), 'RetourCodes/RetourCode').map((e) => e.text)).toEqual(['0001']);
      expect(text(tree, 'Header/BerichtCode')).toBe(type === 'JW325' ? '491' : '437');
    }
  });
});

describe('reasons stored by an earlier release', () => {
  it('lose the values they quoted (migration 0021), keeping the message type, line and element', async () => {
    const old = [
      {
        code: '0001',
        rule: 'XSD',
        message: "voldoet niet aan JW301.xsd (regel 19): element Bsn: '12345678 9' past niet in het patroon [0-9]{9}.",
      },
      {
        code: '0001',
        rule: 'XSD',
        message: "voldoet niet aan JW301.xsd (regel 21): Element 'Datum': [facet 'x'] The value 'O''Geheim' is wrong.",
      },
      {
        code: '0001',
        rule: 'XSD',
        message: 'voldoet niet aan JW301.xsd (regel 23): element Foo hoort hier niet; verwacht: Naam.',
      },
      { code: '9056', rule: 'TR056', message: 'identificatie X is al gebruikt' },
    ];
    const [row] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`insert into ijw_files (file_name, sha256, size_bytes, status, reasons, quarantine_state)
        values ('oud.xml', 'oud', 1, 'rejected', ${JSON.stringify(old)}::jsonb, 'open') returning id::text as id`,
    );
    const migration = readFileSync(
      join(import.meta.dirname, '../../db/migrations/0021_reasons_without_values.sql'),
      'utf8',
    );
    await ctx.database.db.execute(sql.raw(migration));
    const [after] = await queryRows<{ reasons: typeof old }>(
      ctx.database.db,
      sql`select reasons from ijw_files where id = ${row!.id}`,
    );
    expect(after!.reasons).toEqual([
      {
        code: '0001',
        rule: 'XSD',
        message: 'voldoet niet aan JW301.xsd (regel 19): element Bsn: de waarde voldoet niet aan het schema.',
      },
      {
        code: '0001',
        rule: 'XSD',
        message: 'voldoet niet aan JW301.xsd (regel 21): element Datum: de waarde voldoet niet aan het schema.',
      },
      old[2],
      old[3],
    ]);
  });
});

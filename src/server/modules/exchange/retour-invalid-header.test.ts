import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { importSources, type FileResult } from './import.service.js';
import { example } from './testing/ijw-examples.js';
import { child, children, parseXml, text, type XmlElement } from './xml.js';
import { xsdVersieOf } from './retour/schema-info.js';
import { loadXsdSupport, validateAgainstXsd } from './xsd.js';

/**
 * A declaration whose own Header breaks the schema is rejected as a whole (0001) and answered with a JW325 of the
 * Header alone, as long as the Header still says who sent it, to whom, and under which identification: without those
 * an answer could not be addressed or matched to its declaration.
 */
let ctx: TestContext;
let token: string;
const declaration = example('JW323').toString('utf8');

beforeAll(async () => {
  await loadXsdSupport();
  ctx = await createTestContext();
  ({ token } = await buildUser(ctx, 'beheerder'));
});
afterAll(async () => {
  await ctx?.close();
});

async function importOne(name: string, xml: string): Promise<FileResult> {
  const results: FileResult[] = [];
  await importSources(
    { db: ctx.database.db, secrets: ctx.secrets, actor: null },
    (async function* () {
      yield { name, bytes: Buffer.from(xml) };
    })(),
    (r) => results.push(r),
  );
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** The declaration with one part of its Header replaced (and a fresh identification, so no two are the same file). */
function withHeader(id: string, from: RegExp | string, to: string): string {
  return declaration.replace('<ijw:Identificatie>765432198<', `<ijw:Identificatie>${id}<`).replace(from, to);
}

async function retourOf(r: FileResult): Promise<{ status: number; xml: Buffer }> {
  const res = await ctx.app.request(`/api/v1/imports/${r.fileId}/retour`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, xml: Buffer.from(await res.arrayBuffer()) };
}

const codesOf = (e: XmlElement | undefined) => children(e, 'RetourCodes/RetourCode').map((c) => c.text);

/** The declaration's own XsdVersie when readable, else the JW323 schema's it was checked against (TR371). */
const own = '1.0.0';
const schemaVersion = xsdVersieOf('JW323').bericht;
const answerable: Array<[string, string, RegExp | string, string, string]> = [
  ['a wrong BerichtVersie', 'ZL-VERSIE', '<jw323:BerichtVersie>3<', '<jw323:BerichtVersie>4<', own],
  [
    'an XsdVersie that is no version',
    'ZL-XSDV',
    '<ijw:BerichtXsdVersie>1.0.0<',
    '<ijw:BerichtXsdVersie>een<',
    schemaVersion,
  ],
  ['no XsdVersie', 'ZL-GEENXSDV', /<jw323:XsdVersie>[\s\S]*?<\/jw323:XsdVersie>/, '', schemaVersion],
  [
    'an element the Header does not have',
    'ZL-EXTRA',
    '</jw323:Header>',
    '<jw323:Extra>x</jw323:Extra></jw323:Header>',
    own,
  ],
];

describe('a JW325 for a declaration whose Header is invalid', () => {
  it.each(answerable)(
    'answers a declaration with %s: the Header alone, with 0001',
    async (_what, id, from, to, version) => {
      const r = await importOne(`${id}.xml`, withHeader(id, from, to));
      expect(r.status).toBe('rejected');
      expect(r.reasons[0]).toMatchObject({ rule: 'XSD' });
      const kept = await call(ctx, token, 'GET', `/imports/${r.fileId}`);
      expect(kept.body).toMatchObject({ hasRetour: true });
      const { status, xml } = await retourOf(r);
      expect(status).toBe(200);
      expect(validateAgainstXsd('JW325', xml)).toEqual([]);
      const tree = parseXml(xml.toString('utf8'));
      const header = child(tree, 'Header');
      expect(codesOf(header)).toEqual(['0001']);
      expect(child(tree, 'DeclaratieAntwoord')).toBeUndefined();
      // Addressed back to the sender, under the declaration's identification.
      expect(text(header, 'Afzender')).toBe('0384');
      expect(text(header, 'Ontvanger')).toBe('65656055');
      expect(text(header, 'DeclaratieIdentificatie/Identificatie')).toBe(id);
      expect(text(header, 'DeclaratieIdentificatie/Dagtekening')).toBe('2026-05-06');
      expect(text(header, 'XsdVersieDeclaratie/BerichtXsdVersie')).toBe(version);
    },
  );

  const unanswerable: Array<[string, string, RegExp | string, string]> = [
    ['a sender that is no AGB code', 'ZL-AFZ', '<jw323:Afzender>65656055<', '<jw323:Afzender>ABC<'],
    ['no receiver', 'ZL-ONTV', '<jw323:Ontvanger>0384</jw323:Ontvanger>', ''],
    ['a message date that is no date', 'ZL-DAG', '<ijw:Dagtekening>2026-05-06<', '<ijw:Dagtekening>2026-02-30<'],
  ];
  it.each(unanswerable)('cannot answer a declaration with %s, and says so', async (_what, id, from, to) => {
    const r = await importOne(`${id}.xml`, withHeader(id, from, to));
    expect(r.status).toBe('rejected');
    const kept = await call(ctx, token, 'GET', `/imports/${r.fileId}`);
    expect(kept.body).toMatchObject({ hasRetour: false });
    expect((await retourOf(r)).status).toBe(404);
  });
});

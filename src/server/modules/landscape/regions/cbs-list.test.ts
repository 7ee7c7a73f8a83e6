import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegion, freshMunicipalityCodes } from '../../../testing/factories.js';
import { cbsExcerptName, cbsExcerptPath } from '../testing/cbs-excerpt.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';

let ctx: TestContext;
let keeper: string;
beforeAll(async () => {
  ctx = await createTestContext();
  keeper = (await buildUser(ctx, 'beheerder')).token;
});
afterAll(async () => {
  await ctx.close();
});

const fixtureName = cbsExcerptName; // the file name carries the list's year
const fixture = readFileSync(cbsExcerptPath, 'utf8');
const header = fixture.split('\n')[0]!;

async function upload(token: string, name: string, bytes: Uint8Array<ArrayBuffer>, query = '') {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await ctx.app.request(`/api/v1/municipality-list/import${query}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}
const text = (value: string) => new TextEncoder().encode(value);

/** CBS's file as Excel writes it: the codes are numbers (344), the GM codes text. */
async function cbsWorkbook(rows: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Gemeenten alfabetisch 2026');
  for (const [i, line] of rows.entries()) {
    const cells = line.split(';');
    sheet.addRow(i === 0 ? cells : [Number(cells[0]), ...cells.slice(1, 3), Number(cells[3]), ...cells.slice(4)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const listed = async () => (await call(ctx, keeper, 'GET', '/municipality-list')).body;
const addTo = (regionId: string, body: object) =>
  call(ctx, keeper, 'POST', `/regions/${regionId}/municipalities`, body);

// One database for the file: the steps run in order, from no list to a list replaced by the next import.
describe('the official CBS list of municipalities', () => {
  it('checks codes for form only while no list is loaded', async () => {
    expect(await listed()).toMatchObject({ loaded: false, year: null, municipalities: [] });
    const region = await buildRegion(ctx);
    const [code] = freshMunicipalityCodes();
    expect((await addTo(region.id, { cbsCode: code, name: 'Testgemeente' })).status).toBe(201);
    const malformed = await addTo(region.id, { cbsCode: '344', name: 'Utrecht' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.invalidParams[0].name).toBe('cbsCode');
  });

  it('refuses a wrong header or a bad code, naming row and column, and stores nothing', async () => {
    const wrongHeader = await upload(
      keeper,
      'gemeenten-2026.csv',
      text(fixture.replace('Gemeentecode;GemeentecodeGM;Gemeentenaam', 'Code;GemeentecodeGM;Naam')),
    );
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.type).toContain('application/problem+json');
    expect(wrongHeader.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'A1', reason: 'rij 1, kolom A: kolomkop moet "Gemeentecode" zijn, niet "Code"' }),
      expect.objectContaining({ name: 'C1', reason: 'rij 1, kolom C: kolomkop moet "Gemeentenaam" zijn, niet "Naam"' }),
    ]);

    const badCodes = `${fixture.trimEnd()}\n12345;GM2345;Te lang;26;PV26;Utrecht\nGM12;GM0012;Te kort;26;PV26;Utrecht\n9356;GM9357;Verkeerde GM;26;PV26;Utrecht\n`;
    const bad = await upload(keeper, 'gemeenten-2026.csv', text(badCodes));
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['A10', 'A11', 'B12']);
    expect(bad.body.invalidParams[0].reason).toBe(
      'rij 10, Gemeentecode: "12345" is geen gemeentecode (1 tot 4 cijfers, of GM met 4 cijfers)',
    );
    expect(bad.body.invalidParams[2].reason).toBe('rij 12, GemeentecodeGM: GM9357 hoort niet bij gemeentecode 9356');
    const twice = await upload(keeper, 'gemeenten-2026.csv', text(`${fixture.trimEnd()}\n0344;GM0344;Utrecht;;;\n`));
    expect(twice.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'A10', reason: 'rij 10, Gemeentecode: gemeentecode 0344 staat ook al op rij 6' }),
    ]);
    const noYear = await upload(keeper, 'gemeenten.csv', text(fixture));
    expect(noYear.status).toBe(400);
    expect(noYear.body.invalidParams[0].name).toBe('year');
    expect((await listed()).loaded).toBe(false);
  });

  it('imports CBS’s XLSX, and the same list again (also as CSV) leaves it as it was', async () => {
    const rows = fixture.trimEnd().split('\n');
    const first = await upload(keeper, 'Gemeenten alfabetisch 2026.xlsx', await cbsWorkbook(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ loaded: true, year: 2026, sourceFile: 'Gemeenten alfabetisch 2026.xlsx' });
    expect(first.body.municipalities).toHaveLength(rows.length - 1);
    expect(first.body.municipalities).toContainEqual({ code: '0344', name: 'Utrecht' });
    expect(first.body.municipalities).toContainEqual({ code: '0518', name: "'s-Gravenhage" });

    const again = await upload(keeper, fixtureName, text(fixture));
    expect(again.status).toBe(200);
    expect(again.body.municipalities).toEqual(first.body.municipalities);
    expect(again.body.sourceFile).toBe(fixtureName);
    const commaSeparated = await upload(keeper, fixtureName, text(fixture.replaceAll(';', ',')));
    expect(commaSeparated.body.municipalities).toEqual(first.body.municipalities);
    expect((await listed()).municipalities).toEqual(first.body.municipalities);
    // A file renamed without its year says it in the request.
    const withYear = await upload(keeper, 'gemeenten.csv', text(fixture), '?year=2026');
    expect(withYear.status).toBe(200);
    expect(withYear.body).toMatchObject({ year: 2026, sourceFile: 'gemeenten.csv' });

    // The newest list wins: an older year does not replace it.
    const older = await upload(
      keeper,
      'gemeenten-alfabetisch-2025.csv',
      text(`${header}\n344;GM0344;Utrecht;26;PV26;Utrecht\n`),
    );
    expect(older.status).toBe(409);
    expect(older.body.invalidParams[0].reason).toContain('er is al een lijst van 2026 ingelezen');
    expect((await listed()).municipalities).toHaveLength(rows.length - 1);
  });

  it('is imported by the installation’s keeper only', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'beheerder', undefined, region.id);
    expect((await upload(token, fixtureName, text(fixture))).status).toBe(403);
    const { token: cm } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    expect((await call(ctx, cm, 'GET', '/municipality-list')).body.year).toBe(2026);
  });

  it('refuses a code that is not on the list, unless the request says it is new to the list', async () => {
    const region = await buildRegion(ctx);
    const refused = await addTo(region.id, { cbsCode: '1999', name: 'Nieuwe Gemeente' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain('gemeentecode 1999 staat niet op de CBS-lijst van 2026');
    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'cbsCode', code: 'unlisted' })]);

    const accepted = await addTo(region.id, { cbsCode: '1999', name: 'Nieuwe Gemeente', unlisted: true });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ cbsCode: '1999', name: 'Nieuwe Gemeente' });
    const onList = await addTo(region.id, { cbsCode: '0331', name: 'Lopik' });
    expect(onList.status).toBe(201);

    // A new region with an unlisted municipality is not created at all.
    const newRegion = (municipality: object) =>
      call(ctx, keeper, 'POST', '/regions', {
        code: 'utrecht-west',
        name: 'Utrecht West',
        municipalities: [municipality],
      });
    const notCreated = await newRegion({ cbsCode: '1998', name: 'Nog een nieuwe' });
    expect(notCreated.status).toBe(400);
    expect(notCreated.body.detail).toContain('1998');
    expect((await newRegion({ cbsCode: '0356', name: 'Nieuwegein' })).status).toBe(201);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildProvider, buildRegion, uniqueAgb } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

async function upload(token: string, path: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append('file', new File([bytes], 'aanbieders.xlsx'));
  const res = await ctx.app.request(`/api/v1${path}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

async function setup() {
  const region = await buildRegion(ctx);
  const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
  return { region, token };
}

describe('list exports', () => {
  it('exports the providers and contracts a list shows, all pages, with locations and extensions', async () => {
    const { region, token } = await setup();
    const provider = await buildProvider(ctx, {
      name: 'Export Zorg',
      locations: [{ name: 'Hoofdlocatie', postcode: '3511AB', city: 'Utrecht' }],
    });
    await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: provider.id,
      reference: 'EXP-1',
      extensions: [{ newEndDate: '2026-12-31', decidedOn: '2025-06-01', note: null, status: 'decided' }],
    });
    const get = async (path: string, as = token) =>
      (await ctx.app.request(`/api/v1${path}`, { headers: { Authorization: `Bearer ${as}` } })).text();
    const providers = await get(`/providers/export?q=${provider.agbCode}&format=csv`);
    expect(providers.split('\r\n')[1]).toBe(`${provider.agbCode};;Export Zorg;JO;;;ja;Hoofdlocatie (3511 AB Utrecht)`);
    const contracts = await get(`/contracts/export?regionId=${region.id}&format=csv`);
    expect(contracts).toContain('EXP-1;Export Zorg;');
    expect(contracts).toContain('tot 2026-12-31 (besloten)');
    // An aanbieder exports its own provider only.
    const other = await buildProvider(ctx);
    const { token: aanbieder } = await buildUser(ctx, 'aanbieder', other.id, region.id);
    const own = (await get('/providers/export?format=csv', aanbieder)).trim().split('\r\n');
    expect(own).toHaveLength(2);
    expect(own[1]).toContain(other.agbCode);
  });
});

describe('providers import', () => {
  async function workbook(providers: unknown[][], locations: unknown[][]) {
    const book = new ExcelJS.Workbook();
    const a = book.addWorksheet('Aanbieders');
    a.addRow(['AGB-code', 'KvK-nummer', 'Naam', 'Domeinen', 'Specialisaties', 'Website', 'Actief']);
    for (const row of providers) a.addRow(row);
    const l = book.addWorksheet('Locaties');
    l.addRow(['AGB-code', 'Naam', 'Postcode', 'Plaats']);
    for (const row of locations) l.addRow(row);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('refuses a duplicate AGB code, an unknown domain and a bad postcode, then creates providers with locations', async () => {
    const { token } = await buildUser(ctx, 'contractmanager', undefined, (await buildRegion(ctx)).id);
    const [agb1, agb2] = [uniqueAgb(), uniqueAgb()];
    const bad = await workbook(
      [
        [agb1, null, 'Eerste Zorg', 'JO, XX', null, null, 'ja'],
        [agb1, null, 'Dubbel', 'JO', null, null, 'ja'],
      ],
      [
        [agb1, 'Hoofdlocatie', '12345', 'Utrecht'],
        ['99999999', 'Elders', '3511 AB', null],
      ],
    );
    const refused = await upload(token, '/providers/import?apply=true', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((p: { name: string; reason: string }) => `${p.name} ${p.reason}`)).toEqual([
      `A3 rij 3, AGB-code: AGB-code ${agb1} staat er twee keer in (ook rij 2)`,
      'D2 rij 2, Domeinen: kies J&O (JO), jeugd-ggz (JGGZ) of LVB',
      'Locaties!A3 rij 3, AGB-code: aanbieder 99999999 staat niet op het blad Aanbieders',
      'Locaties!C2 rij 2, Postcode: moet een postcode zijn als 3431 AB',
    ]);
    const good = await workbook(
      [
        [agb1, null, 'Eerste Zorg', 'JO, JGGZ', 'autisme', 'https://eerste.example.nl', 'ja'],
        [agb2, null, 'Tweede Zorg', 'LVB', null, null, 'nee'],
      ],
      [[agb1, 'Hoofdlocatie', '3511ab', 'Utrecht']],
    );
    const preview = await upload(token, '/providers/import', good);
    expect(preview.body.rows.map((r: { key: string; action: string }) => [r.key, r.action])).toEqual([
      [agb1, 'create'],
      [agb2, 'create'],
    ]);
    expect((await call(ctx, token, 'GET', `/providers?q=${agb1}`)).body.data).toEqual([]);
    expect((await upload(token, '/providers/import?apply=true', good)).body.applied).toBe(true);
    const [first] = (await call(ctx, token, 'GET', `/providers?q=${agb1}`)).body.data;
    expect(first).toMatchObject({ name: 'Eerste Zorg', domains: ['JO', 'JGGZ'], specialisations: ['autisme'] });
    expect(first.locations).toMatchObject([{ name: 'Hoofdlocatie', postcode: '3511 AB', city: 'Utrecht' }]);
    // The same file again changes nothing; a new name is an update of that column.
    const again = await upload(token, '/providers/import', good);
    expect(again.body.rows.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged']);
  });
});

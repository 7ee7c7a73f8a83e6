import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.js';
import { buildAdmin, buildContract, buildProvider, buildRegion } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { allocation, importOne, start } from '../../../testing/matrix-world.js';
import { refreshKpiFacts } from '../../monitoring/facts.service.js';
import { createProduct } from '../products/products.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const newId = () => String(100_000_000_000 + Math.floor(Math.random() * 800_000_000_000));

/**
 * A region where provider P holds a contract for lot AMB from 2024 to mid-2027 (so it is on the contract calendar,
 * on the NZa list of 2025 and contracted today), product 45A01 of that lot, and one youth allocated and started
 * under it in January 2025 (JW301 and JW305 imported as a region receives them).
 */
async function regionWithCare() {
  const region = await buildRegion(ctx);
  const provider = await buildProvider(ctx, { name: `Intrekzorg ${newId().slice(-5)}`, kvkNumber: '12345678' });
  const contract = await buildContract(ctx, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    providerId: provider.id,
    startDate: '2024-01-01',
    endDate: '2027-06-30',
  });
  const { actor } = await buildAdmin(ctx);
  const product = await createProduct(ctx.database.db, actor, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    productCategory: '45',
    productCode: '45A01',
    name: 'Ambulante jeugdhulp',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    validFrom: '2025-01-01',
    tariffs: [
      { year: 2025, tariff: 80 },
      { year: 2026, tariff: 82 },
    ],
  });
  const municipality = region.municipalities[0]!.cbsCode;
  const id = newId();
  for (const [name, bytes] of [
    [`jw301-${id}.xml`, allocation(municipality, provider.agbCode, id)],
    [`jw305-${id}.xml`, start(municipality, provider.agbCode, id)],
  ] as const) {
    const result = await importOne(ctx, actor, name, bytes);
    expect(result.status).toBe('accepted');
  }
  const [trajectory] = await queryRows<{ id: number }>(
    ctx.database.db,
    sql`select id::int as id from ijw_trajectories where provider_agb = ${provider.agbCode} and municipality_code = ${municipality}`,
  );
  const manager = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const own = await buildUser(ctx, 'aanbieder', provider.id, region.id);
  return { region, provider, contract, product, municipality, trajectoryId: trajectory!.id, manager, own, actor };
}

/** Whether the contract calendar, the NZa list of 2025, availability and the KPI facts count the contract. */
async function contractedFigures(w: Awaited<ReturnType<typeof regionWithCare>>) {
  const token = w.manager.token;
  const calendar = await call(ctx, token, 'GET', `/contract-calendar?region=${w.region.code}`);
  const nza = await ctx.app.request(`/api/v1/contract-calendar/nza-list?year=2025&region=${w.region.code}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await nza.arrayBuffer());
  const offered = await call(ctx, w.own.token, 'GET', '/availability/contracted-products');
  await refreshKpiFacts(ctx.database.db);
  const [fact] = await queryRows<{ contracted_from: string | null }>(
    ctx.database.db,
    sql`select contracted_from::text from kpi_trajectory_facts where trajectory_id = ${w.trajectoryId}`,
  );
  return {
    onCalendar: JSON.stringify(calendar.body.events).includes(w.contract.reference),
    onNzaList: JSON.stringify(workbook.worksheets[0]!.getSheetValues()).includes(w.provider.agbCode),
    offered: (offered.body.data as Array<{ code: string }>).map((p) => p.code),
    contractedFrom: fact!.contracted_from,
  };
}

describe('withdrawing a contract made by mistake', () => {
  it('needs a reason, in Dutch, and is not for a provider', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const contract = await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: provider.id,
    });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    for (const body of [{}, { reason: '   ' }]) {
      const res = await call(ctx, token, 'POST', `/contracts/${contract.id}/withdrawal`, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.invalidParams).toContainEqual(
        expect.objectContaining({ name: 'reason', reason: 'geef een reden waarom dit wordt ingetrokken' }),
      );
    }
    const withBsn = await call(ctx, token, 'POST', `/contracts/${contract.id}/withdrawal`, {
      reason: 'Dubbel ingevoerd voor cliënt 123456782',
    });
    expect(withBsn.status).toBe(400);
    const holder = await buildUser(ctx, 'aanbieder', provider.id, region.id);
    const refused = await call(ctx, holder.token, 'POST', `/contracts/${contract.id}/withdrawal`, { reason: 'Fout' });
    expect(refused.status).toBe(403);
    const listed = await call(ctx, token, 'GET', `/contracts?q=${contract.reference}`);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([contract.id]);
    expect(listed.body.data[0].withdrawn).toBeNull();
  });

  it('asks for confirmation naming the trajectories under it, then leaves lists and contracted figures but keeps its history', async () => {
    const w = await regionWithCare();
    const token = w.manager.token;
    const before = await contractedFigures(w);
    expect(before).toEqual({ onCalendar: true, onNzaList: true, offered: ['45A01'], contractedFrom: '2025-01-13' });

    const asked = await call(ctx, token, 'POST', `/contracts/${w.contract.id}/withdrawal`, {
      reason: 'Dubbel ingevoerd',
    });
    expect(asked.status).toBe(409);
    expect(asked.body.detail).toContain(`Onder contract ${w.contract.reference} vallen 1 traject.`);
    expect(asked.body.invalidParams).toEqual([expect.objectContaining({ name: 'confirm', code: 'trajectories' })]);
    expect((await call(ctx, token, 'GET', `/contracts/${w.contract.id}`)).body.withdrawn).toBeNull();

    const done = await call(ctx, token, 'POST', `/contracts/${w.contract.id}/withdrawal`, {
      reason: 'Dubbel ingevoerd',
      confirm: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.withdrawn).toMatchObject({ by: w.manager.user.name, reason: 'Dubbel ingevoerd' });
    const again = await call(ctx, token, 'POST', `/contracts/${w.contract.id}/withdrawal`, {
      reason: 'Nog eens',
      confirm: true,
    });
    expect(again.status).toBe(409);
    // History does not change: an edit waits until it is restored.
    const edit = await call(ctx, token, 'PATCH', `/contracts/${w.contract.id}`, { budgetCeiling: 1000 });
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toBe('Dit contract is ingetrokken. Herstel het eerst als u het wilt wijzigen.');

    // Gone from the list unless asked for ("ingetrokken tonen"), and from every figure that counts contracts.
    expect((await call(ctx, token, 'GET', `/contracts?q=${w.contract.reference}`)).body.data).toEqual([]);
    const shown = await call(ctx, token, 'GET', `/contracts?q=${w.contract.reference}&includeWithdrawn=true`);
    expect(shown.body.data.map((c: { withdrawn: { reason: string } }) => c.withdrawn.reason)).toEqual([
      'Dubbel ingevoerd',
    ]);
    expect(await contractedFigures(w)).toEqual({
      onCalendar: false,
      onNzaList: false,
      offered: [],
      contractedFrom: null,
    });

    // History: the contract still opens, the trajectory still names it (as withdrawn), the audit log has the step.
    expect((await call(ctx, token, 'GET', `/contracts/${w.contract.id}`)).status).toBe(200);
    const trajectory = await call(ctx, token, 'GET', `/trajectories/${w.trajectoryId}`);
    expect(trajectory.body.contract).toMatchObject({
      reference: w.contract.reference,
      withdrawn: { reason: 'Dubbel ingevoerd' },
    });
    const { token: head } = await buildUser(ctx, 'beheerder', undefined, w.region.id);
    const audit = await call(ctx, head, 'GET', `/audit-events?entity=contract&entityId=${w.contract.id}`);
    expect(audit.body.data).toContainEqual(
      expect.objectContaining({ action: 'update', after: expect.objectContaining({ withdrawn: expect.anything() }) }),
    );

    // Undone by the same role: every figure counts it again.
    const restored = await call(ctx, token, 'DELETE', `/contracts/${w.contract.id}/withdrawal`);
    expect(restored.status).toBe(200);
    expect(restored.body.withdrawn).toBeNull();
    expect(await contractedFigures(w)).toEqual(before);
  });

  it('lets a corrected contract take the place of a withdrawn one, and then refuses to restore the overlap', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const wrong = await buildContract(ctx, { regionId: region.id, lotId: region.lots[0]!.id, providerId: provider.id });
    const { token } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const res = await call(ctx, token, 'POST', `/contracts/${wrong.id}/withdrawal`, { reason: 'Verkeerde einddatum' });
    expect(res.status).toBe(200);
    await buildContract(ctx, { regionId: region.id, lotId: region.lots[0]!.id, providerId: provider.id });
    const restore = await call(ctx, token, 'DELETE', `/contracts/${wrong.id}/withdrawal`);
    expect(restore.status).toBe(409);
    expect(restore.body.invalidParams[0]).toMatchObject({ code: 'overlap' });
  });
});

describe('withdrawing a product made by mistake', () => {
  it('leaves the product book with a reason, keeps it in history, and makes its code unknown to later messages', async () => {
    const w = await regionWithCare();
    const token = w.manager.token;
    const listed = async (extra = '') =>
      (await call(ctx, token, 'GET', `/products?regionId=${w.region.id}${extra}`)).body.data.map(
        (p: { productCode: string }) => p.productCode,
      );
    expect(await listed()).toEqual(['45A01']);
    const missing = await call(ctx, token, 'POST', `/products/${w.product.id}/withdrawal`, { reason: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams[0]).toMatchObject({ name: 'reason' });
    const refused = await call(ctx, w.own.token, 'POST', `/products/${w.product.id}/withdrawal`, { reason: 'Fout' });
    expect(refused.status).toBe(403);

    const done = await call(ctx, token, 'POST', `/products/${w.product.id}/withdrawal`, {
      reason: 'Code bestaat niet',
    });
    expect(done.status).toBe(200);
    expect(done.body.withdrawn).toMatchObject({ reason: 'Code bestaat niet', by: w.manager.user.name });
    expect(await listed()).toEqual([]);
    expect(await listed('&includeWithdrawn=true')).toEqual(['45A01']);
    expect((await call(ctx, w.own.token, 'GET', '/availability/contracted-products')).body.data).toEqual([]);
    const invitations = await call(ctx, token, 'POST', `/invitation-batches?region=${w.region.code}`, {
      providerId: w.provider.id,
      productId: w.product.id,
      audience: 'ouder',
      source: 'count',
      count: 3,
    });
    expect(invitations.status).toBe(400);
    expect(invitations.body.invalidParams[0]).toMatchObject({
      name: 'productId',
      reason: expect.stringContaining('ingetrokken'),
    });

    // The youth's trajectory still names the product, as withdrawn; a new allocation under its code is warned about.
    const trajectory = await call(ctx, token, 'GET', `/trajectories/${w.trajectoryId}`);
    expect(trajectory.body.product).toMatchObject({ code: '45A01', withdrawn: { reason: 'Code bestaat niet' } });
    const id = newId();
    const later = await importOne(ctx, w.actor, `jw301-${id}.xml`, allocation(w.municipality, w.provider.agbCode, id));
    expect(later.status).toBe('accepted');
    expect(later.warnings).toEqual([expect.objectContaining({ rule: 'ZL020' })]);

    // Its code stays taken: a new product or an imported row with it is told to restore the withdrawn one.
    const anew = await call(ctx, token, 'POST', '/products', {
      regionId: w.region.id,
      lotId: w.product.lotId,
      productCategory: '45',
      productCode: '45A01',
      name: 'Opnieuw',
      unit: '04',
      fundingVariant: 'inspanningsgericht',
      validFrom: '2025-01-01',
      tariffs: [
        { year: 2025, tariff: 80 },
        { year: 2026, tariff: 82 },
      ],
    });
    expect(anew.status).toBe(409);
    expect(anew.body.invalidParams[0].reason).toContain('ingetrokken product Ambulante jeugdhulp');
    const exported = await ctx.app.request(
      `/api/v1/products/export?regionId=${w.region.id}&includeWithdrawn=true&format=xlsx`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await exported.arrayBuffer())], 'producten.xlsx'));
    const imported = await ctx.app.request(`/api/v1/products/import?regionId=${w.region.id}`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(imported.status).toBe(400);
    expect(((await imported.json()) as { invalidParams: Array<{ reason: string }> }).invalidParams).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('productcode 45A01 is ingetrokken') }),
    ]);

    const restored = await call(ctx, token, 'DELETE', `/products/${w.product.id}/withdrawal`);
    expect(restored.status).toBe(200);
    expect(await listed()).toEqual(['45A01']);
    expect((await call(ctx, token, 'DELETE', `/products/${w.product.id}/withdrawal`)).status).toBe(409);
  });
});

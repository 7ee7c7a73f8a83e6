import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { buildContract, buildProvider, buildRegion } from '../../../testing/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

function contractInput(regionId: string, lotId: string, providerId: string, extra: Record<string, unknown> = {}) {
  return {
    regionId,
    lotId,
    providerId,
    reference: `LEK-${Math.random().toString(36).slice(2, 8)}`,
    startDate: '2023-08-01',
    endDate: '2026-07-31',
    procedure: 'open-house',
    fundingVariant: 'inspanningsgericht',
    ...extra,
  };
}

describe('contracts API', () => {
  it('creates a contract that a contractmanager then finds by reference and by provider name', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx, { name: 'Contractzoek Jeugdzorg' });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const input = contractInput(region.id, region.lots[0]!.id, provider.id, { budgetCeiling: 250000.5 });
    const res = await call(ctx, token, 'POST', '/contracts', input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: input.reference,
      providerName: 'Contractzoek Jeugdzorg',
      lotCode: 'AMB',
      budgetCeiling: 250000.5,
    });
    const found = await call(ctx, token, 'GET', '/contracts?q=Contractzoek');
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    const byRef = await call(ctx, token, 'GET', `/contracts?q=${input.reference}`);
    expect(byRef.body.data).toHaveLength(1);
  });

  it('refuses an end date before the start date on the endDate field', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[0]!.id, provider.id, { startDate: '2025-01-01', endDate: '2024-12-31' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'endDate', reason: 'einddatum ligt voor de startdatum' }),
    );
  });

  it('refuses a date that does not exist', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[0]!.id, provider.id, { endDate: '2027-06-31' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'endDate', reason: 'einddatum bestaat niet' });
  });

  it('refuses an overlapping contract for the same provider and lot, counting extensions, and keeps the first intact', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const first = await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: provider.id,
      startDate: '2023-08-01',
      endDate: '2024-07-31',
      extensions: [{ newEndDate: '2026-07-31', decidedOn: null, note: null, status: 'decided' }],
    });
    expect(first.effectiveEndDate).toBe('2026-07-31');
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const clash = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[0]!.id, provider.id, { startDate: '2025-01-01', endDate: '2027-12-31' }),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.invalidParams[0].reason).toContain(first.reference);
    // Another lot, or after the extended end, is fine.
    const otherLot = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[1]!.id, provider.id, { startDate: '2025-01-01', endDate: '2027-12-31' }),
    );
    expect(otherLot.status).toBe(201);
    const after = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[0]!.id, provider.id, { startDate: '2026-08-01', endDate: '2029-07-31' }),
    );
    expect(after.status).toBe(201);
    const list = await call(ctx, token, 'GET', `/contracts?providerId=${provider.id}`);
    expect(list.body.page.totalElements).toBe(3);
  });

  it('extends a contract and reports the effective end date, refusing an extension before the end', async () => {
    const contract = await buildContract(ctx, { startDate: '2024-01-01', endDate: '2025-12-31' });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, contract.regionId);
    const bad = await call(ctx, token, 'PATCH', `/contracts/${contract.id}`, {
      extensions: [{ newEndDate: '2025-06-30' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe('extensions.0.newEndDate');
    const ok = await call(ctx, token, 'PATCH', `/contracts/${contract.id}`, {
      extensions: [{ newEndDate: '2027-12-31', decidedOn: '2025-10-01' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.effectiveEndDate).toBe('2027-12-31');
    const running = await call(ctx, token, 'GET', `/contracts?providerId=${contract.providerId}&activeOn=2027-06-01`);
    expect(running.body.data.map((c: { id: string }) => c.id)).toEqual([contract.id]);
  });

  it('requires the lead provider to hold a combination contract', async () => {
    const region = await buildRegion(ctx);
    const lead = await buildProvider(ctx);
    const sub = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const combination = await call(ctx, token, 'POST', '/combinations', {
      regionId: region.id,
      name: `Combi ${lead.agbCode}`,
      leadProviderId: lead.id,
      subcontractorIds: [sub.id],
    });
    expect(combination.status).toBe(201);
    expect(combination.body.members).toHaveLength(2);
    const wrong = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[1]!.id, sub.id, { combinationId: combination.body.id }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams[0]).toMatchObject({ name: 'providerId', code: 'lead-provider' });
    const right = await call(
      ctx,
      token,
      'POST',
      '/contracts',
      contractInput(region.id, region.lots[1]!.id, lead.id, { combinationId: combination.body.id }),
    );
    expect(right.status).toBe(201);
    // The subcontractor sees the combination's contract; an outsider does not.
    const { token: subToken } = await buildUser(ctx, 'aanbieder', sub.id, region.id);
    expect((await call(ctx, subToken, 'GET', `/contracts/${right.body.id}`)).status).toBe(200);
    const outsider = await buildProvider(ctx);
    const { token: outsiderToken } = await buildUser(ctx, 'aanbieder', outsider.id, region.id);
    expect((await call(ctx, outsiderToken, 'GET', `/contracts/${right.body.id}`)).status).toBe(403);
    expect((await call(ctx, outsiderToken, 'GET', `/contracts?providerId=${lead.id}`)).body.data).toHaveLength(0);
  });

  it('does not let an aanbieder create or change contracts', async () => {
    const contract = await buildContract(ctx);
    const { token } = await buildUser(ctx, 'aanbieder', contract.providerId, contract.regionId);
    expect((await call(ctx, token, 'PATCH', `/contracts/${contract.id}`, { notes: 'eigen wijziging' })).status).toBe(
      403,
    );
  });

  it('keeps a contractmanager of one region out of another region: its contracts and lots do not exist for them', async () => {
    const contract = await buildContract(ctx);
    const other = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, other.id);
    const patch = await call(ctx, token, 'PATCH', `/contracts/${contract.id}`, { notes: 'van een andere regio' });
    expect(patch.status).toBe(404);
    expect((await call(ctx, token, 'GET', `/contracts/${contract.id}`)).status).toBe(404);
    expect((await call(ctx, token, 'GET', `/contracts?providerId=${contract.providerId}`)).body.data).toHaveLength(0);
    const lot = await call(ctx, token, 'POST', `/regions/${contract.regionId}/lots`, { code: 'XR', name: 'Indringer' });
    expect(lot.status).toBe(404);
    const copy = await call(ctx, token, 'POST', '/contracts', {
      ...contractInput(contract.regionId, contract.lotId, contract.providerId),
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
    expect(copy.status).toBe(400);
    expect(copy.body.invalidParams[0].name).toBe('regionId');
    const { token: own } = await buildUser(ctx, 'contractmanager', undefined, contract.regionId);
    const unchanged = await call(ctx, own, 'GET', `/contracts/${contract.id}`);
    expect(unchanged.body.notes).not.toBe('van een andere regio');
    expect((await call(ctx, own, 'PATCH', `/contracts/${contract.id}`, { notes: 'eigen regio' })).status).toBe(200);
  });

  it('shows budget ceilings and notes to contract management and beleid only: a verwijzer or aanbieder gets neither', async () => {
    const contract = await buildContract(ctx, { startDate: '2024-01-01', endDate: '2025-12-31' });
    const { token: manager } = await buildUser(ctx, 'contractmanager', undefined, contract.regionId);
    const terms = {
      budgetCeiling: 1_250_000,
      notes: 'Plafond onder voorbehoud van de raad',
      extensions: [{ newEndDate: '2026-12-31', note: 'Verlengd na evaluatie' }],
    };
    expect((await call(ctx, manager, 'PATCH', `/contracts/${contract.id}`, terms)).status).toBe(200);
    const secrets = [String(terms.budgetCeiling), terms.notes, terms.extensions[0]!.note];
    const readers = [
      ['contractmanager', manager],
      ['beleid', (await buildUser(ctx, 'beleid', undefined, contract.regionId)).token],
      ['verwijzer', (await buildUser(ctx, 'verwijzer', undefined, contract.regionId)).token],
      ['aanbieder', (await buildUser(ctx, 'aanbieder', contract.providerId, contract.regionId)).token],
    ] as const;
    for (const [role, token] of readers) {
      const one = await call(ctx, token, 'GET', `/contracts/${contract.id}`);
      const list = await call(ctx, token, 'GET', `/contracts?providerId=${contract.providerId}`);
      expect([one.status, list.status], role).toEqual([200, 200]);
      const listed = list.body.data.find((c: { id: string }) => c.id === contract.id);
      expect(listed, role).toBeDefined();
      const seen = JSON.stringify([one.body, listed]);
      if (role === 'verwijzer' || role === 'aanbieder') {
        for (const secret of secrets) expect(seen, `${role} sees ${secret}`).not.toContain(secret);
        expect(Object.keys(one.body), role).not.toContain('budgetCeiling');
        expect(one.body.extensions[0], role).not.toHaveProperty('note');
      } else {
        expect(one.body, role).toMatchObject({ budgetCeiling: terms.budgetCeiling, notes: terms.notes });
        expect(one.body.extensions[0].note, role).toBe(terms.extensions[0]!.note);
        expect(listed.notes, role).toBe(terms.notes);
      }
    }
  });
});

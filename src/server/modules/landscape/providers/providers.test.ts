import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { buildAdmin, buildProvider, buildRegion, uniqueAgb } from '../../../testing/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('providers API', () => {
  it('lets a contractmanager create a provider with locations and tiers, and find it by name and AGB', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager');
    const agbCode = uniqueAgb();
    const hoog = region.tierLevels.find((t) => t.code === 'hoog')!;
    const created = await call(ctx, token, 'POST', '/providers', {
      agbCode,
      kvkNumber: '12345678',
      name: 'Jeugdhulp Zoektest',
      domains: ['JO', 'LVB'],
      specialisations: ['Gezinsbehandeling'],
      locations: [{ name: 'Hoofdlocatie', postcode: '3431ab', city: 'Nieuwegein' }],
      tierLevelIds: [hoog.id],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('Location')).toBe(`/api/v1/providers/${created.body.id}`);
    expect(created.body.locations[0].postcode).toBe('3431 AB');
    expect(created.body.tiers.map((t: { code: string }) => t.code)).toEqual(['hoog']);

    const byName = await call(ctx, token, 'GET', '/providers?q=zoektest');
    expect(byName.body.data.map((p: { agbCode: string }) => p.agbCode)).toEqual([agbCode]);
    const byAgb = await call(ctx, token, 'GET', `/providers?q=${agbCode}`);
    expect(byAgb.body.data).toHaveLength(1);
    expect(byAgb.headers.get('X-Total-Count')).toBe('1');
  });

  it('rejects an AGB code that is not 8 digits with a Dutch field message as problem+json, and saves nothing', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    const res = await call(ctx, token, 'POST', '/providers', { agbCode: '1234', name: 'Foutje BV' });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'agbCode', reason: 'moet 8 cijfers zijn' }),
    );
    const search = await call(ctx, token, 'GET', '/providers?q=Foutje');
    expect(search.body.data).toHaveLength(0);
  });

  it('refuses a duplicate AGB code with 409 naming the field', async () => {
    const existing = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await call(ctx, token, 'POST', '/providers', { agbCode: existing.agbCode, name: 'Tweede' });
    expect(res.status).toBe(409);
    expect(res.body.invalidParams[0].name).toBe('agbCode');
    expect(res.body.invalidParams[0].reason).toContain(existing.name);
  });

  it('refuses holding both A systeemaanbieder and C flexaanbieder', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager');
    const a = region.tierLevels.find((t) => t.code === 'A')!;
    const c = region.tierLevels.find((t) => t.code === 'C')!;
    const res = await call(ctx, token, 'POST', '/providers', {
      agbCode: uniqueAgb(),
      name: 'Alles-in-een',
      tierLevelIds: [a.id, c.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'tierLevelIds', code: 'exclusive-tiers' });
  });

  it('shows an aanbieder only its own provider and answers 403 for another one', async () => {
    const own = await buildProvider(ctx);
    const other = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'aanbieder', own.id);
    const list = await call(ctx, token, 'GET', '/providers?pageSize=100');
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect((await call(ctx, token, 'GET', `/providers/${other.id}`)).status).toBe(403);
    const edit = await call(ctx, token, 'PATCH', `/providers/${other.id}`, { specialisations: ['Overname'] });
    expect(edit.status).toBe(403);
    expect(edit.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('lets an aanbieder keep its own specialisations current, but not its name or AGB code', async () => {
    const own = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'aanbieder', own.id);
    const ok = await call(ctx, token, 'PATCH', `/providers/${own.id}`, { specialisations: ['Traumabehandeling'] });
    expect(ok.status).toBe(200);
    expect(ok.body.specialisations).toEqual(['Traumabehandeling']);
    const rename = await call(ctx, token, 'PATCH', `/providers/${own.id}`, { name: 'Nieuwe naam' });
    expect(rename.status).toBe(403);
    expect(rename.body.detail).toContain('name');
  });

  it('keeps beleid read-only', async () => {
    const provider = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'beleid');
    expect((await call(ctx, token, 'GET', `/providers/${provider.id}`)).status).toBe(200);
    expect((await call(ctx, token, 'PATCH', `/providers/${provider.id}`, { name: 'X' })).status).toBe(403);
    expect((await call(ctx, token, 'POST', '/providers', { agbCode: uniqueAgb(), name: 'X' })).status).toBe(403);
  });

  it('writes every change to the audit log with before and after', async () => {
    const provider = await buildProvider(ctx);
    const { token } = await buildAdmin(ctx);
    await call(ctx, token, 'PATCH', `/providers/${provider.id}`, { name: 'Nieuwe Naam Jeugdhulp' });
    const audit = await call(ctx, token, 'GET', `/audit-events?entity=provider&entityId=${provider.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].before.name).toBe(provider.name);
    expect(audit.body.data[0].after.name).toBe('Nieuwe Naam Jeugdhulp');
  });

  it('pages lists with links and headers', async () => {
    const { token } = await buildUser(ctx, 'contractmanager');
    for (let i = 0; i < 3; i++) await buildProvider(ctx, { name: `Paginatest ${i}` });
    const first = await call(ctx, token, 'GET', '/providers?q=Paginatest&pageSize=2');
    expect(first.body.page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    expect(first.body._links.next.href).toContain('page=2');
    const second = await call(ctx, token, 'GET', first.body._links.next.href.replace('/api/v1', ''));
    expect(second.body.data.map((p: { name: string }) => p.name)).toEqual(['Paginatest 2']);
  });

  it('accepts only http(s) websites: javascript:, data: and file: addresses are refused on the website field', async () => {
    const provider = await buildProvider(ctx);
    const { token } = await buildUser(ctx, 'contractmanager');
    for (const website of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://bestanden.example.nl',
      'https://',
    ]) {
      const res = await call(ctx, token, 'PATCH', `/providers/${provider.id}`, { website });
      expect(res.status, website).toBe(400);
      expect(
        res.body.invalidParams.map((p: { name: string }) => p.name),
        website,
      ).toEqual(['website']);
    }
    expect((await call(ctx, token, 'GET', `/providers/${provider.id}`)).body.website ?? null).toBeNull();
    for (const website of ['https://www.jeugdhulp.example.nl/over-ons', 'http://jeugdhulp.example.nl']) {
      const res = await call(ctx, token, 'PATCH', `/providers/${provider.id}`, { website });
      expect([res.status, res.body.website], website).toEqual([200, website]);
    }
  });
});

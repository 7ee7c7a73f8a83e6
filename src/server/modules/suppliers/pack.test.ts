import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTo } from '../../../shared/kpi-disclosure.js';
import { addDays, addMonths, dutchToday } from '../../../shared/period.js';
import { providers, regions } from '../../db/schema/index.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { importSources, type ImportSource } from '../exchange/index.js';
import { refreshKpiFacts } from '../monitoring/index.js';
import { begeleidingLicht, Stories } from '../monitoring/testing/care-stories.js';
import { inspectPdf } from '../monitoring/testing/pdf-check.js';
import type { ProviderPack } from './pack.service.js';

/**
 * The provider pack on the demo region: De Lekoever (P: AMB, FOR and, in the combination, GZV) and Zorggroep Vaart (Q, also AMB) declare care
 * in one quarter as real iJw messages; P and Q each have an account meeting yesterday with decisions, an escalation
 * and an action. P's pack holds P's contracts with their ceilings and P's own spend, P's meeting and action, none of Q's.
 */
let ctx: TestContext;
let regionId: string;
let cm: string;
let ownToken: string;
const ids = { p: '', q: '' };
const today = dutchToday();
// A complete quarter of care some months back, and the euros each month declared for P.
const anchor = addMonths(today, -6);
const year = Number(anchor.slice(0, 4));
const lastMonth = Math.ceil(Number(anchor.slice(5, 7)) / 3) * 3;
const quarter = `${year}Q${lastMonth / 3}`;
const months = [lastMonth - 2, lastMonth - 1, lastMonth].map((m) => `${year}-${String(m).padStart(2, '0')}`);
const perMonthP = 10 * begeleidingLicht.tariff;

async function meetingWith(providerId: string, tag: string, days: number, status: 'held' | 'planned') {
  const day = addDays(today, days);
  const made = await call(ctx, cm, 'POST', '/meetings', {
    regionId,
    type: 'accountgesprek',
    title: `Accountgesprek ${tag}`,
    startsAt: `${day}T10:00:00+01:00`,
    endsAt: `${day}T11:00:00+01:00`,
    providerIds: [providerId],
    agenda: [],
    invitees: [],
  });
  expect(made.status).toBe(201);
  const id = made.body.id as string;
  if (status === 'held') {
    const held = await call(ctx, cm, 'PATCH', `/meetings/${id}`, {
      status: 'held',
      decisions: [`Besluit ${tag}: wachtlijst halveren`],
      escalations: [{ reference: `ESC-${tag}`, summary: 'Geen plek na 12 weken' }],
    });
    expect(held.status).toBe(200);
    const action = await call(ctx, cm, 'POST', `/meetings/${id}/actions`, {
      title: `Actie ${tag}: wachtlijst aanleveren`,
      ownerSide: 'provider',
      ownerProviderId: providerId,
      dueDate: addDays(today, 20),
    });
    expect(action.status).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  await seedDemoRegionIfEmpty(db);
  const [region] = await db.select().from(regions).where(eq(regions.code, 'lekstroom'));
  regionId = region!.id;
  const idOf = async (agb: string) =>
    (await db.select({ id: providers.id }).from(providers).where(eq(providers.agbCode, agb)))[0]!.id;
  [ids.p, ids.q] = [await idOf('99000011'), await idOf('99000022')];

  const stories = new Stories();
  const [start, end] = [`${months[0]}-01`, addDays(addMonths(`${months[0]}-01`, 3), -1)];
  for (const [agb, volume] of [
    ['99000011', 10],
    ['99000022', 25],
  ] as const) {
    const t = stories.care({
      youth: stories.youth('2012-03-01'),
      provider: agb,
      product: begeleidingLicht,
      begin: start,
      allocation: { start, end, decided: start },
    });
    for (const m of months) stories.declare(t, m, volume);
  }
  const files = stories.files();
  async function* sources(): AsyncGenerator<ImportSource> {
    yield* files;
  }
  await importSources({ db, secrets: ctx.secrets, actor: null }, sources(), () => {});
  await refreshKpiFacts(db);

  cm = (await buildUser(ctx, 'contractmanager', undefined, regionId)).token;
  ownToken = (await buildUser(ctx, 'aanbieder', ids.p, regionId)).token;
  await meetingWith(ids.p, 'P', -1, 'held');
  await meetingWith(ids.q, 'Q', -1, 'held');
}, 180_000);
afterAll(async () => {
  await ctx?.close();
});

describe('GET /providers/{id}/pack', () => {
  it("holds the provider's contracts with ceilings and its own spend, its meeting's decisions and its open action", async () => {
    const res = await call(ctx, cm, 'GET', `/providers/${ids.p}/pack?quarter=${quarter}`);
    expect(res.status).toBe(200);
    const pack = res.body;
    expect(pack.provider).toMatchObject({ agbCode: '99000011', name: 'Jeugdhulp De Lekoever' });
    expect(pack.period).toMatchObject({ label: quarter, from: `${months[0]}-01` });
    // Its two lots and the Gezinsvormen contract of the combination it is in, each with the demo's yearly ceiling.
    const rows = pack.contracts.rows as ProviderPack['contracts']['rows'];
    expect(rows.map((r) => [r.lotCode, r.money.ceiling]).sort()).toEqual([
      ['AMB', 1_500_000],
      ['FOR', 2_000_000],
      ['GZV', 4_800_000],
    ]);
    expect(rows.find((r) => r.lotCode === 'GZV')!.combinationName).toBe('de Combinatie Gezinsvormen');
    expect(rows.filter((r) => r.lotCode !== 'GZV').every((r) => r.providerId === ids.p)).toBe(true);
    // Spend of the year through the quarter: P's three months on AMB only (Q declared on AMB as well, not counted).
    const amb = rows.find((r) => r.lotCode === 'AMB')!;
    expect(amb.effectiveEndDate >= `${year}-12-31`).toBe(true);
    expect(amb.money.spent).toBeCloseTo(3 * perMonthP, 2);
    expect(amb.money.knownThrough).toBe(`${months[2]}-01`);
    expect(amb.money.forecast).toBeCloseTo(3 * perMonthP + (12 - lastMonth) * perMonthP, 2);
    expect(rows.find((r) => r.lotCode === 'FOR')!.money.spent).toBe(0);
    // One youth on AMB: withheld, never a number.
    expect(amb.youths).toEqual({ value: null, suppressed: true });
    const youths = pack.kpis.find((k: { id: string }) => k.id === 'youths_in_care');
    expect(youths.points.at(-1)).toMatchObject({ label: quarter, value: null, suppressed: true });

    expect(pack.previousMeeting).toMatchObject({
      title: 'Accountgesprek P',
      decisions: ['Besluit P: wachtlijst halveren'],
    });
    // The newest first: this account meeting's escalation before the demo's earlier ones.
    expect(pack.escalations[0]).toMatchObject({ reference: 'ESC-P', meetingTitle: 'Accountgesprek P' });
    const titles = pack.actions.map((a: { title: string }) => a.title);
    expect(titles).toContain('Actie P: wachtlijst aanleveren');
    expect(JSON.stringify(pack)).not.toContain('Q:');
    expect(JSON.stringify(pack)).not.toContain('ESC-Q');
    // The summary of an escalation stays in the meeting: the pack names the reference only.
    expect(JSON.stringify(pack)).not.toContain('Geen plek na 12 weken');
  });

  it('for a meeting, takes the account meeting before it as the previous one', async () => {
    const next = await meetingWith(ids.p, 'P-volgend', 7, 'planned');
    const res = await call(ctx, cm, 'GET', `/providers/${ids.p}/pack?meeting=${next}`);
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ id: next, title: 'Accountgesprek P-volgend' });
    expect(res.body.referenceDay).toBe(addDays(today, 7));
    expect(res.body.previousMeeting.title).toBe('Accountgesprek P');
    // A meeting with another provider is no meeting for this pack.
    const other = await meetingWith(ids.q, 'Q-volgend', 8, 'planned');
    const bad = await call(ctx, cm, 'GET', `/providers/${ids.p}/pack?meeting=${other}`);
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'meeting' });
  });

  it("gives the provider its own pack and refuses another provider's, and refuses a bad quarter", async () => {
    const own = await call(ctx, ownToken, 'GET', `/providers/${ids.p}/pack?quarter=${quarter}`);
    expect(own.status).toBe(200);
    expect(own.body.actions.map((a: { title: string }) => a.title)).toContain('Actie P: wachtlijst aanleveren');
    const other = await call(ctx, ownToken, 'GET', `/providers/${ids.q}/pack?quarter=${quarter}`);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    const verwijzer = (await buildUser(ctx, 'verwijzer', undefined, regionId)).token;
    expect((await call(ctx, verwijzer, 'GET', `/providers/${ids.p}/pack`)).status).toBe(403);
    const bad = await call(ctx, cm, 'GET', `/providers/${ids.p}/pack?quarter=2025Q5`);
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'quarter' });
  });
});

describe('GET /providers/{id}/pack/pdf', () => {
  it('is a tagged PDF in Dutch with the same contracts, decisions and actions', async () => {
    const res = await ctx.app.request(`/api/v1/providers/${ids.p}/pack/pdf?quarter=${quarter}`, {
      headers: { Authorization: `Bearer ${ownToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`dossier-99000011-${quarter}.pdf`);
    const pdf = inspectPdf(Buffer.from(await res.arrayBuffer()));
    try {
      expect(pdf.info.Tagged).toBe('yes');
      expect(pdf.info.Title).toContain('Dossier Jeugdhulp De Lekoever');
      expect(pdf.structure).toMatch(/H1[\s\S]*Table[\s\S]*TH/);
      const text = pdf.text.replace(/\s+/g, ' ');
      for (const part of [
        '1. Contracten en percelen',
        '2. Kerncijfers en hun ontwikkeling',
        '4. Beschikbaarheid bijhouden',
        '6. Besluiten van het vorige accountgesprek',
        'Besluit P: wachtlijst halveren',
        'Actie P: wachtlijst aanleveren',
        'ESC-P',
        '€ 1.500.000',
        'in de kolom Regio het cijfer van de hele regio (alle aanbieders samen)',
        'een percentage is berekend uit die afgeronde aantallen',
      ])
        expect(text).toContain(part);
      expect(text).not.toContain('ESC-Q');
      expect(text).not.toMatch(/\d{4}Q\d/);
    } finally {
      pdf.dispose();
    }
  });
});

describe("the pack's region column", () => {
  it("shows in its region column the region's published figure of the quarter, as GET /kpis answers it", async () => {
    // Twelve more youths at a third provider, so the region has a count of youths that published figures round.
    const stories = new Stories();
    const [start, end] = [`${months[0]}-01`, addDays(addMonths(`${months[0]}-01`, 3), -1)];
    for (let i = 0; i < 12; i++) {
      const t = stories.care({
        youth: stories.youth(`2011-0${1 + (i % 9)}-1${i % 10}`),
        provider: '99000033',
        product: begeleidingLicht,
        begin: start,
        allocation: { start, end, decided: start },
      });
      stories.declare(t, months[0]!, 2);
    }
    const files = stories.files();
    async function* sources(): AsyncGenerator<ImportSource> {
      yield* files;
    }
    await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, sources(), () => {});
    await refreshKpiFacts(ctx.database.db);

    // The pack is passed on, so all its figures are published ones (counts rounded to fives, a percentage from the
    // rounded counts): the region column is what the dashboard's API answers a reader of published figures, for the
    // whole region (no provider or lot filter) and the same quarter. The contract manager's dashboard is exact.
    const pack = (await call(ctx, cm, 'GET', `/providers/${ids.p}/pack?quarter=${quarter}`)).body as ProviderPack;
    const policy = (await buildUser(ctx, 'beleid', undefined, regionId)).token;
    const published = await call(ctx, policy, 'GET', `/kpis?period=${quarter}`);
    expect(published.body.rounding).toEqual({ count: 5, euro: 1000 });
    type Answer = { kpi: { id: string }; available: boolean; total: { value: number | null; suppressed: boolean } };
    const region = new Map((published.body.data as Answer[]).map((r) => [r.kpi.id, r]));
    expect(pack.kpis.length).toBeGreaterThan(0);
    for (const k of pack.kpis) {
      const answer = region.get(k.id)!;
      const expected = answer.available
        ? { value: answer.total.suppressed ? null : answer.total.value, suppressed: answer.total.suppressed }
        : null;
      expect([k.id, k.region]).toEqual([k.id, expected]);
    }
    const youths = (body: { data: Answer[] }) => body.data.find((r) => r.kpi.id === 'youths_in_care')!.total.value;
    // The contract manager's dashboard shows the exact count, which the pack rounds.
    const exact = youths((await call(ctx, cm, 'GET', `/kpis?period=${quarter}`)).body)!;
    expect(exact % 5).not.toBe(0);
    expect(pack.kpis.find((k) => k.id === 'youths_in_care')?.region).toEqual({
      value: roundTo(exact, 5),
      suppressed: false,
    });
  });
});

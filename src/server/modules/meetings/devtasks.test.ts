import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchToday } from '../../../shared/period.js';
import { buildProvider, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { refreshKpiFacts } from '../monitoring/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const today = dutchToday();

/** A region with providers P (member of the task) and Q (not), a contract manager, a policy officer and their accounts. */
async function world() {
  const region = await buildRegion(ctx);
  const [p, q] = [await buildProvider(ctx), await buildProvider(ctx)];
  const cm = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const beleid = await buildUser(ctx, 'beleid', undefined, region.id);
  const pUser = await buildUser(ctx, 'aanbieder', p.id, region.id);
  const qUser = await buildUser(ctx, 'aanbieder', q.id, region.id);
  return { region, p, q, cm, beleid, pUser, qUser };
}
type World = Awaited<ReturnType<typeof world>>;

const task = (w: World, extra: Record<string, unknown> = {}) => ({
  regionId: w.region.id,
  theme: 'Crisis',
  title: 'Crisisplaatsingen terugdringen',
  goal: 'Minder jeugdigen in een crisisplaatsing langer dan vier weken',
  measure: 'Jeugdigen in zorg per kwartaal',
  kpiId: 'youths_in_care',
  regionMembers: [{ name: 'Cas Contractmanager', email: 'cas@regio.example.nl' }],
  providerIds: [w.p.id],
  milestones: [
    { title: 'Projectplan vastgesteld', dueDate: addDays(today, 30) },
    { title: 'Nulmeting', dueDate: addDays(today, -10), done: true },
  ],
  ...extra,
});

async function created(w: World, extra: Record<string, unknown> = {}) {
  const res = await call(ctx, w.cm.token, 'POST', '/development-tasks', task(w, extra));
  expect(res.status).toBe(201);
  return res.body as { id: string; [k: string]: unknown };
}

const listOf = async (w: World, token: string) =>
  (await call(ctx, token, 'GET', `/development-tasks?region=${w.region.code}`)).body as Array<{ id: string }>;

describe('development tasks: bad input is refused with a Dutch message and nothing is saved', () => {
  it('refuses a milestone without a date', async () => {
    const w = await world();
    const res = await call(
      ctx,
      w.cm.token,
      'POST',
      '/development-tasks',
      task(w, { milestones: [{ title: 'Projectplan vastgesteld' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'milestones.0.dueDate', reason: 'Mijlpaal, datum: vul een datum in' }),
    ]);
    expect(await listOf(w, w.cm.token)).toEqual([]);
  });

  it('refuses a measure linked to an unknown KPI, also when changing a task', async () => {
    const w = await world();
    const res = await call(ctx, w.cm.token, 'POST', '/development-tasks', task(w, { kpiId: 'happiness' }));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({
      name: 'kpiId',
      reason: 'KPI: onbekende KPI; kies een KPI uit de stuurinformatie of laat de koppeling leeg',
    });
    expect(await listOf(w, w.cm.token)).toEqual([]);
    const t = await created(w);
    const patch = await call(ctx, w.cm.token, 'PATCH', `/development-tasks/${t.id}`, {
      kpiId: 'happiness',
      title: 'Andere titel',
    });
    expect(patch.status).toBe(400);
    const after = (await call(ctx, w.cm.token, 'GET', `/development-tasks/${t.id}`)).body;
    expect([after.title, after.kpi.id]).toEqual(['Crisisplaatsingen terugdringen', 'youths_in_care']);
  });

  it('refuses a theme that is not one of the region’s transformatietafels', async () => {
    const w = await world();
    const res = await call(ctx, w.cm.token, 'POST', '/development-tasks', task(w, { theme: 'Wonen' }));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].reason).toMatch(/^Thema: kies een thema van de regio \(Crisis, /);
    expect(await listOf(w, w.cm.token)).toEqual([]);
  });

  it('refuses a progress note on a closed task (409), keeping the notes as they were', async () => {
    const w = await world();
    const t = await created(w);
    expect(
      (await call(ctx, w.pUser.token, 'POST', `/development-tasks/${t.id}/notes`, { text: 'Eerste' })).status,
    ).toBe(201);
    expect((await call(ctx, w.cm.token, 'PATCH', `/development-tasks/${t.id}`, { status: 'completed' })).status).toBe(
      200,
    );
    const late = await call(ctx, w.pUser.token, 'POST', `/development-tasks/${t.id}/notes`, { text: 'Te laat' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('Deze ontwikkelopgave is afgerond; er kunnen geen voortgangsnotities meer bij.');
    const notes = (await call(ctx, w.cm.token, 'GET', `/development-tasks/${t.id}`)).body.notes;
    expect(notes.map((n: { text: string }) => n.text)).toEqual(['Eerste']);
  });

  it('refuses a note dated in the future and one with a BSN-like number', async () => {
    const w = await world();
    const t = await created(w);
    const future = await call(ctx, w.cm.token, 'POST', `/development-tasks/${t.id}/notes`, {
      text: 'Vooruitgelopen',
      date: addDays(today, 2),
    });
    expect(future.status).toBe(400);
    const bsn = await call(ctx, w.cm.token, 'POST', `/development-tasks/${t.id}/notes`, {
      text: 'Jeugdige 111222333 is geplaatst',
    });
    expect(bsn.status).toBe(400);
    expect((await call(ctx, w.cm.token, 'GET', `/development-tasks/${t.id}`)).body.notes).toEqual([]);
  });
});

describe('development tasks: who sees and writes what', () => {
  it('lets a member provider read its task and add a dated note; a provider that is no member sees nothing', async () => {
    const w = await world();
    const t = await created(w);
    await created(w, { title: 'Alleen Q', providerIds: [w.q.id] });
    expect((await listOf(w, w.pUser.token)).map((x) => x.id)).toEqual([t.id]);
    const note = await call(ctx, w.pUser.token, 'POST', `/development-tasks/${t.id}/notes`, {
      text: 'Eerste casusbespreking gehouden met de crisisdienst.',
      date: addDays(today, -1),
    });
    expect(note.status).toBe(201);
    expect(note.body.notes[0]).toMatchObject({
      date: addDays(today, -1),
      providerId: w.p.id,
      authorName: 'Test aanbieder',
      text: 'Eerste casusbespreking gehouden met de crisisdienst.',
    });
    // Q is not a member: refused the task, its notes and a note of its own; its list leaves P's task out.
    expect((await call(ctx, w.qUser.token, 'GET', `/development-tasks/${t.id}`)).status).toBe(403);
    expect(
      (await call(ctx, w.qUser.token, 'POST', `/development-tasks/${t.id}/notes`, { text: 'Ook wij' })).status,
    ).toBe(403);
    expect((await listOf(w, w.qUser.token)).map((x) => (x as { title?: string }).title)).toEqual(['Alleen Q']);
    // A provider edits nothing; the policy officer reads but writes no notes.
    expect((await call(ctx, w.pUser.token, 'PATCH', `/development-tasks/${t.id}`, { status: 'stopped' })).status).toBe(
      403,
    );
    expect((await call(ctx, w.beleid.token, 'GET', `/development-tasks/${t.id}`)).status).toBe(200);
    expect(
      (await call(ctx, w.beleid.token, 'POST', `/development-tasks/${t.id}/notes`, { text: 'Beleid' })).status,
    ).toBe(403);
    // Another region's contract manager: as if it does not exist.
    const other = await world();
    expect((await call(ctx, other.cm.token, 'GET', `/development-tasks/${t.id}`)).status).toBe(404);
  });

  it('keeps milestones in date order with what is overdue, and replaces them as a whole on change', async () => {
    const w = await world();
    const t = await created(w);
    const body = (await call(ctx, w.cm.token, 'GET', `/development-tasks/${t.id}`)).body;
    expect(
      body.milestones.map((m: { title: string; done: boolean; overdue: boolean }) => [m.title, m.done, m.overdue]),
    ).toEqual([
      ['Nulmeting', true, false],
      ['Projectplan vastgesteld', false, false],
    ]);
    const changed = await call(ctx, w.cm.token, 'PATCH', `/development-tasks/${t.id}`, {
      milestones: [{ title: 'Projectplan vastgesteld', dueDate: addDays(today, -3) }],
      providerIds: [w.p.id, w.q.id],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.milestones).toEqual([
      expect.objectContaining({ title: 'Projectplan vastgesteld', done: false, overdue: true }),
    ]);
    expect((await listOf(w, w.qUser.token)).map((x) => x.id)).toEqual([t.id]);
  });

  it('shows the linked KPI with the region’s current value, as the dashboard publishes it', async () => {
    const w = await world();
    const t = await created(w, { kpiId: 'spend' });
    await refreshKpiFacts(ctx.database.db);
    const shown = (await call(ctx, w.pUser.token, 'GET', `/development-tasks/${t.id}`)).body.kpi;
    const dashboard = (await call(ctx, w.cm.token, 'GET', `/kpis?region=${w.region.code}&kpi=spend`)).body;
    expect(shown).toMatchObject({ id: 'spend', name: dashboard.data[0].kpi.name, unit: 'euro' });
    expect(shown.regionValue).toEqual({
      value: dashboard.data[0].total.value,
      suppressed: dashboard.data[0].total.suppressed,
      period: dashboard.period.label,
      provisional: dashboard.period.provisional ?? false,
    });
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchToday } from '../../../shared/period.js';
import { mailOutbox, meetingComments, meetings } from '../../db/schema/index.js';
import { buildContract, buildProvider, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { actionReminderKind, minutesReminderKind, remindActionsDue, remindMinutesToFinalise } from './reminders.job.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const year = Number(dutchToday().slice(0, 4));

/** A region with providers P (tier hoog) and Q under contract this year, a contract manager and an account of each. */
async function world() {
  const region = await buildRegion(ctx);
  const hoog = region.tierLevels.find((t) => t.code === 'hoog')!.id;
  const [p, q] = [await buildProvider(ctx, { tierLevelIds: [hoog] }), await buildProvider(ctx)];
  for (const provider of [p, q])
    await buildContract(ctx, {
      regionId: region.id,
      lotId: region.lots[0]!.id,
      providerId: provider.id,
      startDate: `${year - 1}-01-01`,
      endDate: `${year + 1}-12-31`,
    });
  const cm = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const pUser = await buildUser(ctx, 'aanbieder', p.id, region.id);
  const qUser = await buildUser(ctx, 'aanbieder', q.id, region.id);
  return { region, p, q, cm, pUser, qUser };
}

type World = Awaited<ReturnType<typeof world>>;
const meeting = (w: World, providerId: string, extra: Record<string, unknown> = {}) => ({
  regionId: w.region.id,
  type: 'accountgesprek',
  title: 'Accountgesprek',
  startsAt: `${year}-03-10T10:00:00+01:00`,
  endsAt: `${year}-03-10T11:30:00+01:00`,
  providerIds: [providerId],
  agenda: [{ title: 'Wachttijden', documentsRequested: ['Wachtlijst per product'] }],
  invitees: [
    { name: 'Cas', email: 'cas@regio.example.nl', side: 'region' },
    { name: 'Piet', email: 'piet@p.example.nl', side: 'provider', providerId },
  ],
  ...extra,
});

async function held(w: World, providerId: string) {
  const created = await call(ctx, w.cm.token, 'POST', '/meetings', meeting(w, providerId));
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe('meetings: bad input is refused with a Dutch message and nothing is saved', () => {
  it('refuses a meeting that ends before it starts', async () => {
    const w = await world();
    const res = await call(
      ctx,
      w.cm.token,
      'POST',
      '/meetings',
      meeting(w, w.p.id, { endsAt: `${year}-03-10T09:00:00+01:00` }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'endsAt', code: 'invalid', reason: 'Einde: het overleg moet eindigen na het begin' },
    ]);
    expect((await call(ctx, w.cm.token, 'GET', `/meetings?region=${w.region.code}`)).body).toEqual([]);
  });

  it('refuses an escalation with a name field or a BSN-like number, keeping what was there', async () => {
    const w = await world();
    const id = await held(w, w.p.id);
    const escalation = { reference: 'ESC-2026-7', summary: 'Geen passende plek na 14 weken' };
    expect((await call(ctx, w.cm.token, 'PATCH', `/meetings/${id}`, { escalations: [escalation] })).status).toBe(200);
    const withName = await call(ctx, w.cm.token, 'PATCH', `/meetings/${id}`, {
      escalations: [{ ...escalation, name: 'Jan Jansen' }],
    });
    expect(withName.status).toBe(400);
    const withBsn = await call(ctx, w.cm.token, 'PATCH', `/meetings/${id}`, {
      escalations: [{ reference: 'ESC-2026-8', summary: 'Jeugdige 111222333 wacht' }],
    });
    expect(withBsn.status).toBe(400);
    expect(withBsn.body.invalidParams[0].reason).toContain('11-proef');
    expect((await call(ctx, w.cm.token, 'GET', `/meetings/${id}`)).body.escalations).toEqual([escalation]);
  });

  it('refuses an action without owner, or owned by a provider that is not in the meeting', async () => {
    const w = await world();
    const id = await held(w, w.p.id);
    const noOwner = await call(ctx, w.cm.token, 'POST', `/meetings/${id}/actions`, {
      title: 'X',
      dueDate: `${year}-12-01`,
    });
    expect(noOwner.status).toBe(400);
    const notIn = await call(ctx, w.cm.token, 'POST', `/meetings/${id}/actions`, {
      title: 'X',
      ownerSide: 'provider',
      ownerProviderId: w.q.id,
      dueDate: `${year}-12-01`,
    });
    expect(notIn.status).toBe(400);
    expect((await call(ctx, w.cm.token, 'GET', `/meetings/${id}`)).body.actions).toEqual([]);
  });
});

describe('the provider’s side of meetings', () => {
  it('shows a provider its own meetings and actions only, and lets it close its own action with a note', async () => {
    const w = await world();
    const ofP = await held(w, w.p.id);
    const ofQ = await held(w, w.q.id);
    const action = (id: string, providerId: string) =>
      call(ctx, w.cm.token, 'POST', `/meetings/${id}/actions`, {
        title: 'Wachtlijst opschonen',
        ownerSide: 'provider',
        ownerProviderId: providerId,
        dueDate: `${year}-12-31`,
      });
    const pAction = (await action(ofP, w.p.id)).body;
    const qAction = (await action(ofQ, w.q.id)).body;
    await call(ctx, w.cm.token, 'POST', `/meetings/${ofP}/actions`, {
      title: 'Regio levert cijfers',
      ownerSide: 'region',
      dueDate: `${year}-12-31`,
    });

    const list = await call(ctx, w.pUser.token, 'GET', '/meetings');
    expect(list.body.map((m: { id: string }) => m.id)).toEqual([ofP]);
    expect((await call(ctx, w.pUser.token, 'GET', `/meetings/${ofQ}`)).status).toBe(403);
    const detail = (await call(ctx, w.pUser.token, 'GET', `/meetings/${ofP}`)).body;
    expect(detail.actions.map((a: { title: string }) => a.title)).toEqual(['Wachtlijst opschonen']);
    expect(detail.minutes).toBeNull();

    // At an overlegtafel with both, P reads neither Q's name nor its people, on the page or in the invitation.
    const table = await call(
      ctx,
      w.cm.token,
      'POST',
      '/meetings',
      meeting(w, w.p.id, {
        type: 'overlegtafel',
        title: 'Overlegtafel voorjaar',
        providerIds: [w.p.id, w.q.id],
        invitees: [
          { name: 'Piet', email: 'piet@p.example.nl', side: 'provider', providerId: w.p.id },
          { name: 'Quinten', email: 'quinten@q.example.nl', side: 'provider', providerId: w.q.id },
        ],
      }),
    );
    const seenByP = await call(ctx, w.pUser.token, 'GET', `/meetings/${table.body.id}`);
    expect(seenByP.body.providers).toEqual([{ id: w.p.id, name: w.p.name }]);
    expect(JSON.stringify(seenByP.body)).not.toContain('Quinten');
    const ics = await ctx.app.request(`/api/v1/meetings/${table.body.id}/invitation`, {
      headers: { Authorization: `Bearer ${w.pUser.token}` },
    });
    const invitation = await ics.text();
    expect(invitation).toContain('piet@p.example.nl');
    expect(invitation).not.toContain('quinten@q.example.nl');

    const actions = await call(ctx, w.pUser.token, 'GET', '/meeting-actions');
    expect(actions.body.map((a: { id: string }) => a.id)).toEqual([pAction.id]);
    expect(
      (await call(ctx, w.pUser.token, 'POST', `/meeting-actions/${qAction.id}/completion`, { note: 'x' })).status,
    ).toBe(403);
    const done = await call(ctx, w.pUser.token, 'POST', `/meeting-actions/${pAction.id}/completion`, {
      note: 'Lijst opgeschoond, 12 aanmeldingen vervallen',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', note: 'Lijst opgeschoond, 12 aanmeldingen vervallen' });
    expect(
      (await call(ctx, w.pUser.token, 'POST', `/meeting-actions/${pAction.id}/completion`, { note: 'x' })).status,
    ).toBe(409);
    // A provider does not edit actions, nor plan meetings.
    expect((await call(ctx, w.pUser.token, 'PATCH', `/meeting-actions/${pAction.id}`, { status: 'open' })).status).toBe(
      403,
    );
  });

  it('lets an invited provider comment on draft minutes while the window is open, not after it or once final', async () => {
    const w = await world();
    const id = await held(w, w.p.id);
    const draft = await call(ctx, w.cm.token, 'PUT', `/meetings/${id}/minutes`, { minutes: 'Besproken: wachttijden.' });
    expect(draft.body.minutesStatus).toBe('draft');
    // The region's default window is one week.
    const until = Date.parse(draft.body.commentUntil) - Date.now();
    expect(until).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(until).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    const seen = (await call(ctx, w.pUser.token, 'GET', `/meetings/${id}`)).body;
    expect(seen).toMatchObject({ minutes: 'Besproken: wachttijden.', commentOpen: true });
    expect(
      (await call(ctx, w.pUser.token, 'POST', `/meetings/${id}/comments`, { text: 'Graag ook de JiO-cijfers' })).status,
    ).toBe(201);
    expect((await call(ctx, w.qUser.token, 'POST', `/meetings/${id}/comments`, { text: 'Wij ook' })).status).toBe(403);

    await ctx.database.db
      .update(meetings)
      .set({ commentUntil: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, id));
    const late = await call(ctx, w.pUser.token, 'POST', `/meetings/${id}/comments`, { text: 'Nog iets' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('De reactietermijn op deze notulen is gesloten; reageren kan niet meer.');
    const stored = await ctx.database.db.select().from(meetingComments).where(eq(meetingComments.meetingId, id));
    expect(stored.map((c) => c.text)).toEqual(['Graag ook de JiO-cijfers']);

    expect((await call(ctx, w.cm.token, 'POST', `/meetings/${id}/minutes/finalisation`)).body.minutesStatus).toBe(
      'final',
    );
    expect((await call(ctx, w.cm.token, 'PUT', `/meetings/${id}/minutes`, { minutes: 'Anders' })).status).toBe(409);
    expect((await call(ctx, w.pUser.token, 'GET', `/meetings/${id}`)).body.minutes).toBe('Besproken: wachttijden.');
  });
});

describe('the year planner', () => {
  it('proposes the tier’s account meetings, plans accepted proposals once and exports them as iCalendar', async () => {
    const w = await world();
    const next = year + 1;
    const plan = (await call(ctx, w.cm.token, 'GET', `/meeting-planner?year=${next}&region=${w.region.code}`)).body;
    const ofP = plan.providers.find((p: { providerId: string }) => p.providerId === w.p.id);
    const ofQ = plan.providers.find((p: { providerId: string }) => p.providerId === w.q.id);
    expect([ofP.required, ofP.toPlan, ofQ.required]).toEqual([3, 3, 2]);
    const keys = [`account:${w.p.id}:${next}:1`, `overleg:${next}:voorjaar`];
    const accepted = await call(ctx, w.cm.token, 'POST', '/meeting-planner/accepted-proposals', {
      regionId: w.region.id,
      year: next,
      keys,
    });
    expect(accepted.body.created).toBe(2);
    const again = await call(ctx, w.cm.token, 'POST', '/meeting-planner/accepted-proposals', {
      regionId: w.region.id,
      year: next,
      keys,
    });
    expect(again.status).toBe(400);
    const after = (await call(ctx, w.cm.token, 'GET', `/meeting-planner?year=${next}&region=${w.region.code}`)).body;
    expect(after.providers.find((p: { providerId: string }) => p.providerId === w.p.id)).toMatchObject({
      planned: 1,
      toPlan: 2,
    });

    const res = await ctx.app.request(`/api/v1/meeting-planner/invitations?year=${next}&region=${w.region.code}`, {
      headers: { Authorization: `Bearer ${w.cm.token}` },
    });
    expect(res.headers.get('Content-Type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`SUMMARY:Overlegtafel voorjaar ${next}: transformatiedialoog`);
    expect(ics).toContain(`UID:${accepted.body.meetingIds[0]}@zorglandschap`);
  });
});

describe('reminders', () => {
  it('mails the provider about its action due within a week and the contract manager about minutes to finalise', async () => {
    const w = await world();
    const id = await held(w, w.p.id);
    await call(ctx, w.cm.token, 'POST', `/meetings/${id}/actions`, {
      title: 'Plan van aanpak wachttijd',
      ownerSide: 'provider',
      ownerProviderId: w.p.id,
      dueDate: addDays(dutchToday(), 3),
    });
    await call(ctx, w.cm.token, 'PUT', `/meetings/${id}/minutes`, { minutes: 'Concept' });
    await ctx.database.db
      .update(meetings)
      .set({ commentUntil: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, id));
    const db = ctx.database.db;
    expect(await remindActionsDue(db)).toBeGreaterThanOrEqual(1);
    expect(await remindMinutesToFinalise(db)).toBeGreaterThanOrEqual(1);
    // Within the week, nothing again.
    expect(await remindActionsDue(db)).toBe(0);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.regionId, w.region.id));
    const toP = mails.filter((m) => m.kind === actionReminderKind && m.recipient === w.pUser.user.email);
    expect(toP).toHaveLength(1);
    expect(toP[0]!.body).toContain('Plan van aanpak wachttijd');
    expect(mails.some((m) => m.kind === actionReminderKind && m.recipient === w.qUser.user.email)).toBe(false);
    const minutes = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, minutesReminderKind), eq(mailOutbox.recipient, w.cm.user.email)));
    expect(minutes.map((m) => m.subject)).toEqual(['Notulen vaststellen: Accountgesprek']);
  });
});

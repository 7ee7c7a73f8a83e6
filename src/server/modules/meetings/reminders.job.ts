import { and, asc, eq, inArray, isNotNull, lt, lte } from 'drizzle-orm';
import { addDays, dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { meetingActions, meetings, providers, users } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { queueMail } from '../../mail/index.js';

export const actionReminderKind = 'meeting-action-reminder';
export const minutesReminderKind = 'meeting-minutes-reminder';
/** An action is announced this many days before its due date. */
const aheadDays = 7;
/** A person gets at most one reminder of each kind a week. */
const intervalMs = 7 * 24 * 60 * 60 * 1000;

type Receiver = { email: string; name: string };

async function regionManagers(db: Db, regionId: string): Promise<Receiver[]> {
  return db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.regionId, regionId), eq(users.role, 'contractmanager'), eq(users.active, true)));
}

/**
 * Mails the owners of open action items due within a week or overdue: a provider's active accounts for its actions,
 * the region's contract managers for the region's. One mail per person and region listing them, at most weekly.
 */
export async function remindActionsDue(db: Db, now = new Date()): Promise<number> {
  const today = dutchToday(now);
  const due = await db
    .select({ action: meetingActions, meetingTitle: meetings.title, providerName: providers.name })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .leftJoin(providers, eq(providers.id, meetingActions.ownerProviderId))
    .where(and(eq(meetingActions.status, 'open'), lte(meetingActions.dueDate, addDays(today, aheadDays))))
    .orderBy(asc(meetingActions.dueDate));
  const groups = new Map<string, typeof due>();
  for (const d of due) {
    const key = `${d.action.regionId}|${d.action.ownerProviderId ?? 'regio'}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const providerIds = [...new Set(due.flatMap((d) => (d.action.ownerProviderId ? [d.action.ownerProviderId] : [])))];
  const accounts = providerIds.length
    ? await db
        .select({ providerId: users.providerId, email: users.email, name: users.name })
        .from(users)
        .where(and(inArray(users.providerId, providerIds), eq(users.role, 'aanbieder'), eq(users.active, true)))
    : [];
  let queued = 0;
  for (const [key, list] of groups) {
    const { regionId, ownerProviderId } = list[0]!.action;
    const receivers = ownerProviderId
      ? accounts.filter((a) => a.providerId === ownerProviderId)
      : await regionManagers(db, regionId);
    const lines = list.map(
      (d) =>
        `- ${d.action.title} (uit ${d.meetingTitle}): ${d.action.dueDate < today ? 'te laat, was' : 'uiterlijk'} ${d.action.dueDate}`,
    );
    const who = list[0]!.providerName ?? 'de regio';
    for (const r of receivers) {
      const mail = await queueMail(db, {
        regionId,
        to: r.email,
        subject: `Acties uit overleg voor ${who}`.slice(0, 200),
        text: [
          `Beste ${r.name},`,
          '',
          `Deze acties uit overleggen met de regio staan open en zijn binnen een week of al eerder aan de beurt:`,
          '',
          ...lines,
          '',
          'Log in op Zorglandschap en kies Overleggen om een actie af te ronden met een toelichting.',
          '',
          'Dit bericht is automatisch verstuurd door Zorglandschap.',
        ].join('\n'),
        kind: actionReminderKind,
        reference: `${key}|${r.email}`,
        unlessQueuedSince: new Date(now.getTime() - intervalMs),
      });
      if (mail) queued += 1;
    }
  }
  return queued;
}

/** Mails the region's contract managers about draft minutes whose comment window has closed: time to finalise. */
export async function remindMinutesToFinalise(db: Db, now = new Date()): Promise<number> {
  const drafts = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.minutesStatus, 'draft'), isNotNull(meetings.commentUntil), lt(meetings.commentUntil, now)));
  let queued = 0;
  for (const m of drafts)
    for (const r of await regionManagers(db, m.regionId)) {
      const mail = await queueMail(db, {
        regionId: m.regionId,
        to: r.email,
        subject: `Notulen vaststellen: ${m.title}`.slice(0, 200),
        text: [
          `Beste ${r.name},`,
          '',
          `De reactietermijn op de conceptnotulen van "${m.title}" is gesloten. Verwerk de reacties en stel de notulen vast, zodat de aanbieders de definitieve versie zien.`,
          '',
          'Dit bericht is automatisch verstuurd door Zorglandschap.',
        ].join('\n'),
        kind: minutesReminderKind,
        reference: `${m.id}|${r.email}`,
        unlessQueuedSince: new Date(now.getTime() - intervalMs),
      });
      if (mail) queued += 1;
    }
  return queued;
}

export const meetingRemindersJob: JobDefinition = {
  name: 'meeting-reminders',
  description:
    'Herinneringen mailen voor acties uit overleggen die bijna of te laat zijn en notulen die vastgesteld moeten worden',
  everyMinutes: 60,
  runAtStart: true,
  timeoutMinutes: 30,
  run: async (db) => {
    await remindActionsDue(db);
    await remindMinutesToFinalise(db);
  },
};

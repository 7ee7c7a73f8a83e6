import { addDays, addMonths, dutchToday } from '../../../shared/period.js';
import type { Actor } from '../../modules/auth/index.js';
import {
  addAction,
  amsterdamInstant,
  createMeeting,
  draftMinutes,
  finaliseMinutes,
  updateAction,
  updateMeeting,
  yearPlan,
} from '../../modules/meetings/index.js';
import type { Db } from '../client.js';

/** The account manager of each demo provider, who attends its meetings (fictional names). */
const providerContacts: Record<string, string> = {
  '99000011': 'Sanne de Vries',
  '99000022': 'Joris Bakker',
  '99000033': 'Fatima El Amrani',
  '99000044': 'Maarten Visser',
  '99000055': 'Lotte Jansen',
  '99000066': 'Ricardo Martis',
  '99000077': 'Eva Smit',
  '99000088': 'Daan Mulder',
  '99000099': 'Noor Hendriks',
};

/** Minutes are made final some days after the meeting, as a secretary does: a week after, and never after today. */
const finalisedAfter = (endsAt: string) => new Date(Math.min(Date.parse(endsAt) + 7 * 24 * 3600 * 1000, Date.now()));

/** Providers that missed their first account meeting of each year: the year planner's overdue list shows them. */
const missed = new Set(['99000033', '99000055']);

const agendaOf = (type: string) =>
  type === 'accountgesprek'
    ? [
        {
          title: 'Zorggebruik, wachttijden en uitgaven tegen het plafond',
          documentsRequested: ['Wachtlijst per product'],
        },
        { title: 'Open acties van het vorige gesprek', documentsRequested: [] },
        { title: 'Ontwikkelingen en signalen', documentsRequested: ['Kwartaalcijfers uitstroom'] },
      ]
    : type === 'overlegtafel'
      ? [
          { title: 'Stand van het zorglandschap', documentsRequested: [] },
          { title: 'Inbreng van de aanbieders', documentsRequested: ['Korte notitie per aanbieder (1 A4)'] },
        ]
      : [
          { title: 'Voortgang van de ontwikkelopgave', documentsRequested: ['Voortgangsnotitie'] },
          { title: 'Casuïstiek', documentsRequested: [] },
        ];

/**
 * A year of meetings in the demo region: every account meeting, overlegtafel and transformatietafel session the year
 * planner asked for in the last twelve months, held, with final minutes, decisions and actions (the recent ones
 * open) — except the first account meeting of each year with two providers, which the planner shows as overdue, and one meeting
 * planned three weeks ago that was never recorded as held. The latest account meeting with De Lekoever (the demo
 * aanbieder) has draft minutes open for its comments and open actions.
 */
export async function seedDemoMeetings(
  db: Db,
  actor: Actor,
  regionId: string,
  providerIds: Map<string, string>,
): Promise<void> {
  const today = dutchToday();
  const yearAgo = addMonths(today, -12);
  const agbOf = new Map([...providerIds].map(([agb, id]) => [id, agb]));
  const invitees = (providerIds: string[]) => [
    {
      name: 'Cas Contractmanager',
      email: 'contractmanager@lekstroom.example.nl',
      side: 'region' as const,
      attended: true,
    },
    ...providerIds.slice(0, 3).map((id) => ({
      name: providerContacts[agbOf.get(id) ?? ''] ?? 'Accountmanager',
      email: null,
      side: 'provider' as const,
      providerId: id,
      attended: true,
    })),
  ];
  const seenMissed = new Set<string>();
  for (const year of [Number(yearAgo.slice(0, 4)), Number(today.slice(0, 4))]) {
    const plan = await yearPlan(db, regionId, year);
    for (const slot of plan.slots) {
      if (!slot.proposal || slot.to >= today || slot.to < yearAgo) continue;
      const agb = agbOf.get(slot.providerIds[0] ?? '');
      if (slot.type === 'accountgesprek' && agb && missed.has(agb) && !seenMissed.has(`${agb}|${year}`)) {
        seenMissed.add(`${agb}|${year}`);
        continue;
      }
      const meeting = await createMeeting(db, actor, {
        regionId,
        type: slot.type,
        theme: slot.theme,
        title: slot.proposal.title,
        startsAt: slot.proposal.startsAt,
        endsAt: slot.proposal.endsAt,
        location: 'Stadshuis Nieuwegein',
        providerIds: slot.providerIds,
        agenda: agendaOf(slot.type),
        invitees: invitees(slot.providerIds),
        proposalKey: slot.key,
      });
      await hold(db, actor, meeting.id, slot.type, slot.providerIds, agb === '99000022' ? year : null);
      await draftMinutes(db, actor, meeting.id, {
        minutes: `Besproken volgens de agenda. ${slot.type === 'accountgesprek' ? 'De cijfers van het afgelopen kwartaal zijn toegelicht; de wachttijd blijft een aandachtspunt.' : 'De deelnemers hebben de voortgang besproken.'}`,
      });
      await finaliseMinutes(db, actor, meeting.id, { at: finalisedAfter(slot.proposal.endsAt) });
      if (slot.type === 'accountgesprek' && slot.providerIds[0]) {
        const started = slot.proposal.startsAt.slice(0, 10);
        const action = await addAction(db, actor, meeting.id, {
          title: 'Wachtlijst per product opschonen en aanleveren',
          ownerSide: 'provider',
          ownerProviderId: slot.providerIds[0],
          dueDate: addDays(started, 42),
        });
        // Actions of meetings older than about half a year were done; the recent ones stay open (some past due).
        if (addDays(started, 200) < today)
          await updateAction(db, actor, action.id, { status: 'done', note: 'Aangeleverd en besproken' });
      }
    }
  }
  await recentMeetings(db, actor, regionId, providerIds, invitees);
}

async function hold(
  db: Db,
  actor: Actor,
  id: string,
  type: string,
  providerIds: string[],
  escalationYear: number | null,
) {
  await updateMeeting(db, actor, id, {
    status: 'held',
    decisions:
      type === 'accountgesprek'
        ? ['De aanbieder levert voortaan maandelijks de wachtlijst per product aan.']
        : ['De regio werkt de gesprekspunten uit in een voorstel voor de volgende bijeenkomst.'],
    ...(escalationYear && providerIds.length === 1
      ? {
          escalations: [
            {
              reference: `ESC-${escalationYear}-03`,
              summary: 'Geen passende plek na 14 weken; matching met de crisisdienst gevraagd.',
            },
          ],
        }
      : {}),
  });
}

/** The demo aanbieder's latest account meeting (draft minutes open for comment) and one planned, never held. */
async function recentMeetings(
  db: Db,
  actor: Actor,
  regionId: string,
  providerIds: Map<string, string>,
  invitees: (ids: string[]) => Parameters<typeof createMeeting>[2]['invitees'],
) {
  const lekoever = providerIds.get('99000011')!;
  // At 10:00 Dutch time that many days ago (plus `hours`), as meetings are held; not at the minute the seed ran.
  const at = (daysAgo: number, hours: number) =>
    new Date(
      Date.parse(amsterdamInstant(addDays(dutchToday(), -daysAgo), '10:00')) + hours * 3600 * 1000,
    ).toISOString();
  const latest = await createMeeting(db, actor, {
    regionId,
    type: 'accountgesprek',
    theme: null,
    title: 'Accountgesprek Jeugdhulp De Lekoever',
    startsAt: at(3, 0),
    endsAt: at(3, 1.5),
    location: 'Stadshuis Nieuwegein',
    providerIds: [lekoever],
    agenda: agendaOf('accountgesprek'),
    invitees: invitees([lekoever]),
  });
  await hold(db, actor, latest.id, 'accountgesprek', [lekoever], null);
  await draftMinutes(db, actor, latest.id, {
    minutes:
      'De Lekoever lichtte de gestegen wachttijd voor ambulante jeugd-GGZ toe. Afgesproken is dat de aanbieder een plan van aanpak maakt en de regio de cijfers per gemeente levert.',
  });
  const today = dutchToday();
  await addAction(db, actor, latest.id, {
    title: 'Plan van aanpak wachttijd ambulante jeugd-GGZ',
    ownerSide: 'provider',
    ownerProviderId: lekoever,
    dueDate: addDays(today, 5),
  });
  await addAction(db, actor, latest.id, {
    title: 'Cijfers instroom per gemeente aanleveren',
    ownerSide: 'region',
    ownerName: 'Cas Contractmanager',
    dueDate: addDays(today, 14),
  });
  const anker = providerIds.get('99000055')!;
  await createMeeting(db, actor, {
    regionId,
    type: 'accountgesprek',
    theme: null,
    title: 'Accountgesprek Gezinshuis Het Anker',
    startsAt: at(21, 0),
    endsAt: at(21, 1),
    location: null,
    providerIds: [anker],
    agenda: agendaOf('accountgesprek'),
    invitees: invitees([anker]),
  });
}

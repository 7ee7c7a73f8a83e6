import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { availabilityEntries, availabilityEntryEvents, providerLocations } from '../schema/index.js';
import type { Actor } from '../../modules/auth/index.js';
import { createEntry } from '../../modules/availability/index.js';
import { addDays, dutchToday } from '../../../shared/period.js';

/**
 * The demo's Beschikbaarheidswijzer: what Lekstroom's providers report on their contracted products. Ambulant
 * jeugd-GGZ (54B01) has four entries with autism expertise that serve a 9-year-old in Houten, with different waits,
 * two of them stale; one ambulant begeleiding has a client stop running now; care with stay has open places.
 * `weeksAgo` is when the entry was last confirmed: beyond the region's 4 weeks it is stale.
 */
interface DemoEntry {
  agb: string;
  location?: string;
  product: string;
  intake: number;
  treatment: number;
  waitingList: number;
  openPlaces?: number;
  specialisations: string[];
  ages: [number, number];
  offerForms: Array<'individueel' | 'groep' | 'e-health'>;
  languages?: string[];
  phone: string;
  email: string;
  how: string;
  note?: string;
  weeksAgo: number;
  /** A client stop that started `startedDaysAgo` days ago (announced well ahead) and runs for `days` days. */
  stop?: { reason: string; startedDaysAgo: number; days: number };
}

const lekoever = { phone: '030 600 11 00', email: 'aanmelden@lekoever.example.nl' };
export const demoEntries: DemoEntry[] = [
  {
    agb: '99000011',
    location: 'Hoofdlocatie',
    product: '54B01',
    intake: 3,
    treatment: 5,
    waitingList: 14,
    specialisations: ['autisme', 'trauma', 'hechting'],
    ages: [4, 18],
    offerForms: ['individueel', 'groep'],
    languages: ['nl', 'en'],
    ...lekoever,
    how: 'Aanmelden met verwijzing via het aanmeldformulier op de website of telefonisch, op werkdagen 9–12 uur.',
    weeksAgo: 1,
  },
  {
    agb: '99000011',
    location: 'Locatie Houten',
    product: '54B01',
    intake: 2,
    treatment: 4,
    waitingList: 6,
    specialisations: ['autisme', 'angst', 'ADHD'],
    ages: [6, 18],
    offerForms: ['individueel', 'e-health'],
    ...lekoever,
    how: 'Aanmelden via het aanmeldformulier; de intake is in Houten.',
    weeksAgo: 7,
  },
  {
    agb: '99000011',
    location: 'Hoofdlocatie',
    product: '45A03',
    intake: 4,
    treatment: 2,
    waitingList: 9,
    specialisations: ['gezinsproblematiek', 'hechting'],
    ages: [0, 18],
    offerForms: ['individueel'],
    ...lekoever,
    how: 'Telefonisch aanmelden bij het aanmeldteam.',
    weeksAgo: 2,
  },
  {
    agb: '99000033',
    product: '54B01',
    intake: 1,
    treatment: 3,
    waitingList: 3,
    specialisations: ['autisme', 'angst', 'depressie', 'ADHD'],
    ages: [8, 18],
    offerForms: ['individueel', 'e-health'],
    languages: ['nl', 'tr'],
    phone: '030 600 33 00',
    email: 'intake@vaartserijn.example.nl',
    how: 'Mail de verwijsbrief; wij bellen binnen twee werkdagen terug.',
    note: 'Kleine praktijk met twee GZ-psychologen en een kinder- en jeugdpsychiater.',
    weeksAgo: 0,
  },
  {
    agb: '99000022',
    product: '54B01',
    intake: 6,
    treatment: 8,
    waitingList: 21,
    specialisations: ['LVB', 'autisme', 'gezinsproblematiek'],
    ages: [4, 18],
    offerForms: ['individueel', 'groep'],
    phone: '030 600 22 00',
    email: 'aanmelding@krommerijnjeugd.example.nl',
    how: 'Aanmelden via het regionale aanmeldformulier.',
    weeksAgo: 9,
  },
  {
    agb: '99000022',
    product: '45A02',
    intake: 2,
    treatment: 3,
    waitingList: 8,
    specialisations: ['LVB', 'gezinsproblematiek'],
    ages: [0, 23],
    offerForms: ['individueel', 'groep'],
    phone: '030 600 22 00',
    email: 'aanmelding@krommerijnjeugd.example.nl',
    how: 'Aanmelden via het regionale aanmeldformulier.',
    weeksAgo: 1,
  },
  {
    agb: '99000099',
    product: '45A02',
    intake: 1,
    treatment: 1,
    waitingList: 0,
    specialisations: ['gezinsproblematiek'],
    ages: [4, 18],
    offerForms: ['individueel'],
    phone: '030 600 99 00',
    email: 'planning@flexzorg.example.nl',
    how: 'Bel de planning.',
    weeksAgo: 3,
    stop: {
      reason: 'Tijdelijk te weinig begeleiders tot de nieuwe collega’s zijn ingewerkt.',
      startedDaysAgo: 10,
      days: 60,
    },
  },
  {
    agb: '99000099',
    product: '45A01',
    intake: 0,
    treatment: 1,
    waitingList: 0,
    specialisations: [],
    ages: [4, 23],
    offerForms: ['individueel'],
    phone: '030 600 99 00',
    email: 'planning@flexzorg.example.nl',
    how: 'Bel de planning.',
    weeksAgo: 2,
  },
  {
    agb: '99000044',
    product: '46C01',
    intake: 0,
    treatment: 0,
    waitingList: 0,
    specialisations: ['huiselijk geweld', 'trauma'],
    ages: [0, 23],
    offerForms: ['individueel'],
    phone: '030 600 44 44',
    email: 'crisis@lekenijssel.example.nl',
    how: 'Dag en nacht bereikbaar via het crisisnummer.',
    weeksAgo: 0,
  },
  {
    agb: '99000055',
    product: '43G01',
    intake: 3,
    treatment: 6,
    waitingList: 4,
    openPlaces: 1,
    specialisations: ['hechting', 'trauma'],
    ages: [0, 18],
    offerForms: ['individueel'],
    phone: '0345 60 55 00',
    email: 'plaatsing@hetanker.example.nl',
    how: 'Aanmelden via de plaatsingstafel van de regio.',
    weeksAgo: 10,
  },
  {
    agb: '99000077',
    product: '45J01',
    intake: 4,
    treatment: 2,
    waitingList: 12,
    specialisations: ['autisme', 'LVB'],
    ages: [4, 18],
    offerForms: ['groep'],
    phone: '030 600 77 00',
    email: 'onderwijsroute@schoolnabij.example.nl',
    how: 'Aanmelden door school en ouders samen, met het groeidocument.',
    weeksAgo: 3,
  },
  {
    agb: '99000088',
    product: '45F01',
    intake: 5,
    treatment: 6,
    waitingList: 7,
    specialisations: ['middelengebruik', 'trauma'],
    ages: [12, 23],
    offerForms: ['individueel'],
    phone: '0347 60 88 00',
    email: 'aanmelding@forensischmidden.example.nl',
    how: 'Aanmelden na overleg met de jeugdreclassering.',
    weeksAgo: 2,
  },
];

/**
 * Writes the demo entries through the availability module (as the region's keeper, so every rule holds and the
 * history is kept), then moves their confirmation, history and client stop back in time: stale entries are the
 * ones confirmed longer ago than the region's term.
 */
export async function seedDemoAvailability(
  db: Db,
  actor: Actor,
  providerIds: Map<string, string>,
  productIds: Map<string, string>,
): Promise<void> {
  const today = dutchToday();
  for (const d of demoEntries) {
    const providerId = providerIds.get(d.agb)!;
    const locations = await db
      .select({ id: providerLocations.id, name: providerLocations.name })
      .from(providerLocations)
      .where(eq(providerLocations.providerId, providerId));
    const location = locations.find((l) => !d.location || l.name === d.location)!;
    const entry = await createEntry(db, actor, {
      providerId,
      locationId: location.id,
      productId: productIds.get(d.product)!,
      intakeWaitWeeks: d.intake,
      treatmentWaitWeeks: d.treatment,
      waitingListCount: d.waitingList,
      openPlaces: d.openPlaces ?? null,
      specialisations: d.specialisations,
      note: d.note ?? null,
      ageFrom: d.ages[0],
      ageTo: d.ages[1],
      languages: d.languages ?? ['nl'],
      offerForms: d.offerForms,
      intakePhone: d.phone,
      intakeEmail: d.email,
      intakeHow: d.how,
      clientStop: null,
    });
    const back = sql`now() - make_interval(days => ${d.weeksAgo * 7 + 1})`;
    await db
      .update(availabilityEntries)
      .set({
        confirmedAt: back,
        updatedAt: back,
        ...(d.stop
          ? {
              stopReason: d.stop.reason,
              stopFrom: addDays(today, -d.stop.startedDaysAgo),
              stopUntil: addDays(today, d.stop.days - d.stop.startedDaysAgo),
            }
          : {}),
      })
      .where(eq(availabilityEntries.id, entry.id));
    await db.update(availabilityEntryEvents).set({ at: back }).where(eq(availabilityEntryEvents.entryId, entry.id));
  }
}

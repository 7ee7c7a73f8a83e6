import { z } from '@hono/zod-openapi';
import { availabilityLimits as limits, languageNames, offerForms } from '../../../shared/availability.js';
import { patterns } from '../../../shared/domain.js';
import { isoDate, ZPageQuery } from '../../http/openapi.js';

const weeks = (label: string) =>
  z
    .number({ message: `${label} is verplicht` })
    .int(`${label} in hele weken`)
    .min(0, `${label} kan niet negatief zijn`)
    .max(limits.maxWaitWeeks, `${label} kan niet langer zijn dan ${limits.maxWaitWeeks} weken`);

const languages = Object.keys(languageNames) as [string, ...string[]];

export const ZClientStop = z
  .object({
    reason: z.string().trim().min(1, 'geef de reden van de cliëntenstop').max(500),
    from: isoDate('startdatum van de cliëntenstop'),
    until: isoDate('einddatum van de cliëntenstop'),
  })
  .refine((s) => s.until >= s.from, { message: 'de einddatum ligt voor de startdatum', path: ['until'] })
  .openapi('ClientStop');

const figures = {
  intakeWaitWeeks: weeks('aanmeldwachttijd').describe('Aanmeldwachttijd: van complete aanmelding tot intake, in weken'),
  treatmentWaitWeeks: weeks('behandelwachttijd').describe(
    'Behandelwachttijd: van intake tot start van de zorg, in weken',
  ),
  waitingListCount: z
    .number()
    .int('in hele jeugdigen')
    .min(0, 'kan niet negatief zijn')
    .max(limits.maxWaitingList)
    .describe('Aantal jeugdigen op de wachtlijst'),
  openPlaces: z
    .number()
    .int('in hele plaatsen')
    .min(0, 'kan niet negatief zijn')
    .max(limits.maxPlaces)
    .nullable()
    .describe('Open plaatsen, alleen bij zorg met verblijf'),
  clientStop: ZClientStop.nullable().describe('Een aangekondigde cliëntenstop, met reden, start en einde'),
};

const details = {
  specialisations: z.array(z.string().trim().min(1).max(100)).max(30).describe('Uit de lijst van de regio'),
  note: z.string().trim().max(1000).nullable().describe('Vrije toelichting op de expertise'),
  ageFrom: z.number().int().min(0, 'leeftijd kan niet negatief zijn').max(limits.maxAge),
  ageTo: z.number().int().min(0).max(limits.maxAge, `tot en met ${limits.maxAge} jaar`),
  languages: z
    .array(z.enum(languages, { message: 'onbekende taal' }))
    .min(1, 'kies ten minste één taal')
    .max(20),
  offerForms: z
    .array(z.enum(offerForms, { message: 'kies individueel, groep of e-health' }))
    .min(1, 'kies ten minste één vorm'),
  intakePhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'moet een telefoonnummer zijn als 030 123 45 67')
    .nullable(),
  intakeEmail: z.email('moet een e-mailadres zijn').max(200).nullable(),
  intakeHow: z.string().trim().max(1000).nullable().describe('Hoe een verwijzer aanmeldt'),
};

const agesInOrder = (v: { ageFrom?: number | undefined; ageTo?: number | undefined }) =>
  v.ageFrom === undefined || v.ageTo === undefined || v.ageTo >= v.ageFrom;
const agesMessage = { message: 'de leeftijd tot ligt onder de leeftijd vanaf', path: ['ageTo'] };

export const ZEntryCreate = z
  .object({
    providerId: z.uuid().optional().describe('De aanbieder; een aanbieder-gebruiker: de eigen (mag weg)'),
    regionId: z.uuid().optional().describe('Alleen nodig als de aanbieder in meer regio’s is gecontracteerd'),
    locationId: z.uuid({ message: 'kies een locatie' }),
    productId: z.uuid().nullable().optional().describe('Het gecontracteerde product; of anders een productcategorie'),
    productCategory: z
      .string()
      .regex(/^[0-9]{2}$/, 'een productcategorie heeft twee cijfers')
      .nullable()
      .optional(),
    ...figures,
    ...details,
    ageFrom: details.ageFrom.default(0),
    ageTo: details.ageTo.default(23),
    languages: details.languages.default(['nl']),
    specialisations: details.specialisations.default([]),
    note: details.note.optional(),
    intakePhone: details.intakePhone.optional(),
    intakeEmail: details.intakeEmail.optional(),
    intakeHow: details.intakeHow.optional(),
    waitingListCount: figures.waitingListCount.default(0),
    openPlaces: figures.openPlaces.optional(),
    clientStop: figures.clientStop.optional(),
  })
  .refine((v) => Boolean(v.productId) !== Boolean(v.productCategory), {
    message: 'kies een product of een productcategorie',
    path: ['productId'],
  })
  .refine(agesInOrder, agesMessage)
  .openapi('AvailabilityEntryCreate');
export type EntryCreate = z.infer<typeof ZEntryCreate>;

export const ZEntryUpdate = z
  .object({
    intakeWaitWeeks: figures.intakeWaitWeeks.optional(),
    treatmentWaitWeeks: figures.treatmentWaitWeeks.optional(),
    waitingListCount: figures.waitingListCount.optional(),
    openPlaces: figures.openPlaces.optional(),
    clientStop: figures.clientStop.optional(),
    specialisations: details.specialisations.optional(),
    note: details.note.optional(),
    ageFrom: details.ageFrom.optional(),
    ageTo: details.ageTo.optional(),
    languages: details.languages.optional(),
    offerForms: details.offerForms.optional(),
    intakePhone: details.intakePhone.optional(),
    intakeEmail: details.intakeEmail.optional(),
    intakeHow: details.intakeHow.optional(),
  })
  .strict()
  .refine(agesInOrder, agesMessage)
  .openapi('AvailabilityEntryUpdate');
export type EntryUpdate = z.infer<typeof ZEntryUpdate>;

const ZProductRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable();

const ZMeasuredMedian = z
  .object({
    medianWeeks: z.number().nullable().describe('Mediaan in weken tot de start (JW305)'),
    starts: z.number().int().nullable().describe('Aantal starts in de laatste 6 maanden (niet getoond onder de 10)'),
    withheld: z.boolean().describe('Minder dan 10 starts: niet getoond'),
  })
  .openapi('AvailabilityMeasuredMedian');
export type MeasuredMedianWeeks = z.infer<typeof ZMeasuredMedian>;

export const ZMeasured = z
  .object({
    request: ZMeasuredMedian.nullable().describe(
      'Van de aanvraag van de aanbieder (JW315) tot de start, over starts met een aanvraag; null: geen',
    ),
    allocation: ZMeasuredMedian.nullable().describe(
      'Van de toewijzing door de gemeente (JW301) tot de start, over starts met een toewijzing; null: geen',
    ),
  })
  .openapi('AvailabilityMeasuredWait');
export type Measured = z.infer<typeof ZMeasured>;

export const ZEntry = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    provider: z.object({ id: z.uuid(), name: z.string() }),
    location: z.object({ id: z.uuid(), name: z.string(), postcode: z.string(), city: z.string().nullable() }),
    product: ZProductRef,
    productCategory: z.string(),
    intakeWaitWeeks: z.number().int(),
    treatmentWaitWeeks: z.number().int(),
    waitingListCount: z.number().int(),
    openPlaces: z.number().int().nullable(),
    clientStop: ZClientStop.nullable(),
    takesNewClients: z.boolean().describe('Geen cliëntenstop vandaag'),
    specialisations: z.array(z.string()),
    note: z.string().nullable(),
    ageFrom: z.number().int(),
    ageTo: z.number().int(),
    languages: z.array(z.string()),
    offerForms: z.array(z.string()),
    intakePhone: z.string().nullable(),
    intakeEmail: z.string().nullable(),
    intakeHow: z.string().nullable(),
    confirmedAt: z.string().describe('Laatst bijgewerkt of als ongewijzigd bevestigd'),
    confirmBy: z.iso.date().describe('Uiterlijk op deze dag opnieuw bevestigen'),
    stale: z.boolean().describe('Niet bevestigd binnen de termijn van de regio'),
    measured: ZMeasured.nullable().describe('Gemeten wachttijd uit de iJw-berichten; null zonder starts'),
    waitDiffers: z
      .boolean()
      .describe(
        'Gemeten en gemelde wachttijd verschillen meer dan de marge van de regio: de wachttijd vanaf de aanvraag wijkt af van de gemelde aanmeld- plus behandelwachttijd, of die vanaf de toewijzing is langer dan de gemelde',
      ),
    updatedAt: z.string(),
  })
  .openapi('AvailabilityEntry');
export type Entry = z.infer<typeof ZEntry>;

export const ZEntryEvent = z
  .object({
    at: z.string(),
    kind: z.enum(['create', 'update', 'confirm']),
    user: z.string().nullable().describe('Naam van wie het deed'),
    intakeWaitWeeks: z.number().int(),
    treatmentWaitWeeks: z.number().int(),
    waitingListCount: z.number().int(),
    openPlaces: z.number().int().nullable(),
  })
  .openapi('AvailabilityEntryEvent');

export const ZEntryWithHistory = ZEntry.extend({ history: z.array(ZEntryEvent) }).openapi(
  'AvailabilityEntryWithHistory',
);

export const ZEntryQuery = z.object({
  providerId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  stale: z.enum(['true', 'false']).optional().describe('Alleen verouderde (of alleen actuele) gegevens'),
  waitDiffers: z
    .enum(['true', 'false'])
    .optional()
    .describe('Alleen regels waarvan de gemeten wachttijd meer dan de marge van de gemelde afwijkt (of juist niet)'),
});

export const ZConfirm = z
  .object({ entryIds: z.array(z.uuid()).min(1, 'kies ten minste één regel').max(500) })
  .openapi('AvailabilityConfirm');

export const ZOfferQuery = ZPageQuery.extend({
  municipality: z.string().regex(patterns.cbsCode, 'een CBS-gemeentecode heeft vier cijfers').optional(),
  productId: z.uuid().optional(),
  productCategory: z
    .string()
    .regex(/^[0-9]{2}$/, 'een productcategorie heeft twee cijfers')
    .optional(),
  specialisation: z.string().trim().min(1).max(100).optional(),
  age: z.coerce.number().int().min(0).max(limits.maxAge).optional(),
  offerForm: z.enum(offerForms).optional(),
  takesNewClients: z.enum(['true', 'false']).optional().describe('true: alleen wie nieuwe cliënten aanneemt'),
  postcode: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{3} ?([A-Za-z]{2})?$/, 'een postcode als 3991 AB of 3991')
    .optional()
    .describe('Postcode van de jeugdige: de afstand tot elke locatie (van middelpunt van het postcodegebied)'),
  maxDistanceKm: z.coerce
    .number({ message: 'een afstand in hele kilometers' })
    .int('een afstand in hele kilometers')
    .min(1, 'ten minste 1 km')
    .max(300, 'hoogstens 300 km')
    .optional()
    .describe('Alleen locaties binnen zoveel km van de postcode (een locatie met onbekende afstand valt af)'),
  sort: z
    .enum(['wait', 'distance'], { message: 'sorteer op wait of distance' })
    .default('wait')
    .describe('wait: kortste wachttijd eerst; distance: dichtstbij eerst (onbekende afstand achteraan), dan wachttijd'),
});
export type OfferQuery = z.infer<typeof ZOfferQuery>;

/** An entry as a referrer sees it: no AGB code, tiers, ceilings or procedure. */
export const ZOffer = ZEntry.omit({ updatedAt: true, regionId: true })
  .extend({
    distanceKm: z
      .number()
      .nullable()
      .describe(
        'Afstand in km (hemelsbreed, op 0,1 km) van de postcode van de jeugdige tot de locatie; null: geen postcode gegeven of ligging onbekend',
      ),
  })
  .openapi('AvailabilityOffer');
export type Offer = z.infer<typeof ZOffer>;

export const ZSettings = z
  .object({
    regionId: z.uuid(),
    confirmEveryWeeks: z.number().int().min(1).max(52),
    intakeNormWeeks: z.number().int().min(1).max(52),
    treatmentNormWeeks: z.number().int().min(1).max(104),
    marginWeeks: z.number().int().min(0).max(52),
    specialisations: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
    crisisLots: z.array(z.string().trim().min(1).max(20)).max(20),
  })
  .openapi('AvailabilitySettings');
export type Settings = z.infer<typeof ZSettings>;
export const ZSettingsUpdate = ZSettings.omit({ regionId: true })
  .partial()
  .strict()
  .openapi('AvailabilitySettingsUpdate');
export type SettingsUpdate = z.infer<typeof ZSettingsUpdate>;

export const ZRegionView = z
  .object({
    region: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    norms: z
      .object({ intakeWeeks: z.number().int(), treatmentWeeks: z.number().int() })
      .describe('De Treeknorm van de regio'),
    disclosure: z
      .enum(['exact', 'published'])
      .describe('published: wachtlijsten onder de drempel weggelaten, de rest op vijftallen'),
    municipalities: z.array(z.string()).describe('De meetlat geldt voor elk van deze gemeenten'),
    categories: z.array(
      z.object({
        productCategory: z.string(),
        name: z.string(),
        entries: z.number().int(),
        providers: z.number().int(),
        withinNorm: z.number().int().describe('Actuele regels met plek binnen beide normen'),
        waitingList: z
          .number()
          .int()
          .nullable()
          .describe('Jeugdigen op de wachtlijsten; null: weggelaten (klein aantal)'),
        months: z.array(
          z.object({
            month: z.string(),
            reportedIntakeWeeks: z.number().nullable(),
            reportedTreatmentWeeks: z.number().nullable(),
            measuredRequestWeeks: z
              .number()
              .nullable()
              .describe('Gemeten wachttijd van aanvraag (JW315) tot start, mediaan in weken'),
            measuredRequestWithheld: z.boolean().describe('Minder dan 10 starts met een aanvraag: niet getoond'),
            measuredAllocationWeeks: z
              .number()
              .nullable()
              .describe('Gemeten wachttijd van toewijzing (JW301) tot start, mediaan in weken'),
            measuredAllocationWithheld: z.boolean().describe('Minder dan 10 starts met een toewijzing: niet getoond'),
          }),
        ),
      }),
    ),
    meetlat: z
      .array(
        z.object({
          product: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
          productCategory: z.string(),
          entries: z.number().int(),
          shortestWaitWeeks: z
            .number()
            .nullable()
            .describe('Kortste wachttijd tot start bij wie nieuwe cliënten aanneemt'),
        }),
      )
      .describe('Gecontracteerde producten waarvoor geen aanbieder plek heeft binnen de norm'),
  })
  .openapi('AvailabilityRegionView');
export type RegionView = z.infer<typeof ZRegionView>;

export const ZCompliance = z
  .object({
    regionId: z.uuid(),
    confirmEveryWeeks: z.number().int(),
    providers: z.array(
      z.object({
        provider: z.object({ id: z.uuid(), name: z.string() }),
        entries: z.number().int().describe('Regels nu'),
        stale: z.number().int().describe('Waarvan verouderd'),
        lastConfirmedAt: z.string().nullable(),
        months: z
          .array(z.object({ month: z.string(), entries: z.number().int(), current: z.number().int() }))
          .describe(
            'Per maand: regels aan het eind van de maand, en hoeveel daarvan binnen de termijn bevestigd waren',
          ),
      }),
    ),
  })
  .openapi('AvailabilityCompliance');
export type Compliance = z.infer<typeof ZCompliance>;

export const ZContractedProduct = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    productCategory: z.string(),
    withStay: z.boolean(),
    regionId: z.uuid(),
  })
  .openapi('AvailabilityContractedProduct');
export type ContractedProduct = z.infer<typeof ZContractedProduct>;

import { z } from '@hono/zod-openapi';
import { limits } from '../../../shared/domain.js';
import { ZDate } from '../../http/openapi.js';

export const ZCalendarQuery = z.object({
  horizon: z.coerce
    .number({ message: 'geef de horizon in maanden' })
    .int('geef een heel aantal maanden')
    .min(1, 'ten minste 1 maand')
    .max(60, 'ten hoogste 60 maanden')
    .default(12)
    .describe('Horizon in maanden vanaf vandaag (standaard 12)'),
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

const ZMoney = z.object({
  year: z.number().int(),
  ceiling: z.number().nullable().describe('Budgetplafond van het contract voor dit kalenderjaar'),
  spent: z.number().describe('Gedeclareerd dit jaar tot en met de laatste maand met declaraties'),
  forecast: z
    .number()
    .describe('Prognose jaareinde: het gemiddelde van de laatste drie maanden voor elke resterende maand'),
  knownThrough: ZDate.nullable().describe('De laatste maand met declaraties in de regio (eerste dag)'),
  over: z.boolean().describe('De prognose is hoger dan het plafond'),
});

export const ZContractCalendar = z
  .object({
    today: ZDate,
    horizonMonths: z.number().int(),
    horizonEnd: ZDate,
    decisionsDue: z
      .number()
      .int()
      .describe(
        'Besluiten over verlengingsopties binnen drie maanden of te laat (ook van een contract dat later afloopt)',
      ),
    events: z.array(
      z.object({
        kind: z
          .enum(['decision', 'end'])
          .describe('decision: besluit over een verlengingsoptie; end: het contract eindigt'),
        contractId: z.uuid(),
        extensionId: z.uuid().nullable(),
        date: ZDate.describe('Uiterste besluitdatum of einddatum'),
        newEndDate: ZDate.nullable().describe('Bij een besluit: de einddatum die de verlenging zou geven'),
        overdue: z.boolean(),
        signal: z.boolean().describe('Een besluit binnen drie maanden of te laat'),
        reference: z.string(),
        providerName: z.string(),
        lotName: z.string(),
      }),
    ),
    contracts: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        providerId: z.uuid(),
        providerName: z.string(),
        combinationName: z.string().nullable(),
        lotCode: z.string(),
        lotName: z.string(),
        startDate: ZDate,
        endDate: ZDate,
        effectiveEndDate: ZDate,
        status: z.enum(['toekomstig', 'lopend', 'beeindigd']),
        money: ZMoney,
        signals: z.array(z.enum(['decision-due', 'ceiling'])),
      }),
    ),
  })
  .openapi('ContractCalendar');

export const ZNzaQuery = z.object({
  year: z.coerce
    .number({ message: 'kies een jaar' })
    .int('kies een jaar')
    .min(limits.yearMin, `vanaf ${limits.yearMin}`)
    .max(limits.yearMax, `tot en met ${limits.yearMax}`)
    .describe('Het jaar van de lijst'),
  region: z.string().max(60).optional(),
});

const weight = (what: string) =>
  z
    .number({ message: `${what}: geef een getal` })
    .min(0, `${what}: mag niet negatief zijn`)
    .max(100)
    .describe(what);
const band = (what: string) =>
  z
    .number({ message: `${what}: geef een getal` })
    .min(0, `${what}: van 0 tot en met 1`)
    .max(1, `${what}: van 0 tot en met 1`);

export const ZTierWeights = z
  .object({
    spendShare: weight('Gewicht van het aandeel in de uitgaven van de regio'),
    youths: weight('Gewicht van het aantal jeugdigen'),
    lots: weight('Gewicht van het aantal percelen'),
    signals: weight('Gewicht van het aantal open signalen'),
    hoog: band('Score vanaf hoog'),
    midden: band('Score vanaf midden'),
  })
  .openapi('TierWeights');

const ZTierCodes = z.record(z.string(), z.array(z.string())).describe('Niveaucodes per indeling: omvang, rol');

export const ZTierOverview = z
  .object({
    from: ZDate,
    to: ZDate,
    weights: ZTierWeights,
    providers: z.array(
      z.object({
        providerId: z.uuid(),
        agbCode: z.string(),
        name: z.string(),
        measures: z.object({
          spendShare: z.number().describe('Aandeel in de gedeclareerde uitgaven van de regio, 0 tot 1'),
          euros: z.number(),
          youths: z.number().int().describe('Jeugdigen met een declaratie, afgerond op vijftallen'),
          lots: z.number().int(),
          signals: z.number().int().describe('Open signalen op de cijfers van het laatste volledige kwartaal'),
        }),
        score: z.number(),
        suggested: z.enum(['hoog', 'midden', 'basis']),
        current: z.object({ omvang: z.array(z.string()), rol: z.array(z.string()) }),
        differs: z.boolean(),
      }),
    ),
  })
  .openapi('TierOverview');

export const ZTierDecision = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    tierLevelIds: z
      .array(z.uuid({ message: 'onbekend niveau' }))
      .max(10)
      .describe('De gekozen niveaus in de regio'),
    reason: z
      .string({ message: 'geef een reden voor deze indeling' })
      .trim()
      .min(1, 'geef een reden voor deze indeling')
      .max(2000, 'ten hoogste 2000 tekens'),
  })
  .openapi('TierDecision');

export const ZTierChange = z
  .object({
    id: z.uuid(),
    providerId: z.uuid(),
    before: ZTierCodes,
    after: ZTierCodes,
    suggested: z.string().nullable(),
    measures: z.record(z.string(), z.number()).nullable(),
    decision: z.enum(['confirmed', 'overridden']).describe('confirmed: zoals voorgesteld; overridden: afgeweken'),
    reason: z.string(),
    decidedByName: z.string(),
    decidedAt: z.string(),
  })
  .openapi('TierChange');

import { z } from '@hono/zod-openapi';
import { ZDate } from '../../http/openapi.js';
import { quarterPattern, quarterReason } from '../monitoring/index.js';
import { ZContractCalendar } from './suppliers.schema.js';

export const ZPackQuery = z.object({
  quarter: z
    .string()
    .regex(quarterPattern, quarterReason)
    .optional()
    .describe('Kwartaal, bv. 2025Q3; leeg = het laatste volledige kwartaal (op de dag van het overleg)'),
  meeting: z
    .uuid({ message: 'kies een overleg met deze aanbieder' })
    .optional()
    .describe('Het overleg waarvoor het dossier is: het vorige overleg en de peildatum volgen daaruit'),
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

const ZShown = z
  .object({
    value: z.number().nullable().describe('Leeg als het cijfer is weggelaten (kleine aantallen) of er geen is'),
    suppressed: z.boolean().describe('Weggelaten: minder jeugdigen dan de drempel'),
  })
  .openapi('PackFigure');
const ZTarget = z.object({ value: z.number(), comparator: z.enum(['atMost', 'atLeast']) });
const calendar = ZContractCalendar.shape;
const ZMeetingRef = { meetingId: z.uuid(), meetingTitle: z.string(), meetingStartsAt: z.string() };

export const ZProviderPack = z
  .object({
    region: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    provider: z.object({
      id: z.uuid(),
      agbCode: z.string(),
      name: z.string(),
      kvkNumber: z.string().nullable(),
      tiers: z.array(z.string()).describe('De niveaus van de aanbieder in deze regio'),
    }),
    quarter: z.string(),
    period: z.object({
      from: ZDate,
      to: ZDate,
      label: z.string(),
      provisional: z.boolean().optional(),
      finalOn: ZDate.optional(),
    }),
    referenceDay: ZDate.describe('De dag van het overleg, anders vandaag: acties en overleggen tot die dag'),
    meeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
    generatedAt: z.string(),
    dataDate: ZDate.nullable(),
    suppressionThreshold: z.number().int(),
    contracts: z.object({
      year: z.number().int().describe('Het jaar van het budgetplafond'),
      knownThrough: ZDate.nullable(),
      rows: z.array(
        calendar.contracts.element.extend({
          youths: ZShown.nullable().describe('Jeugdigen van deze aanbieder in het perceel in het kwartaal'),
        }),
      ),
      events: calendar.events,
    }),
    kpis: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        unit: z.string(),
        points: z.array(ZShown.extend({ label: z.string(), provisional: z.boolean() })),
        region: ZShown.nullable().describe('Het cijfer van de hele regio in het kwartaal'),
        assessment: z.enum(['better', 'worse', 'same']).nullable(),
        target: ZTarget.nullable(),
      }),
    ),
    missingKpis: z.array(z.string()),
    goals: z
      .object({
        ended: z.number().int().describe('Beëindigde toewijzingen, afgerond op vijftallen'),
        registered: z.number().int(),
        percent: z.number().nullable(),
        sufficient: z.boolean(),
        minPercent: z.number(),
        regionPercent: z.number().nullable(),
      })
      .nullable(),
    signals: z.array(
      z.object({ kpiName: z.string(), label: z.string(), value: z.number(), unit: z.string(), target: ZTarget }),
    ),
    availability: z
      .object({
        confirmEveryWeeks: z.number().int(),
        entries: z.number().int(),
        stale: z.number().int(),
        lastConfirmedAt: z.string().nullable(),
        months: z.array(z.object({ month: z.string(), entries: z.number().int(), current: z.number().int() })),
      })
      .nullable(),
    actions: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        dueDate: ZDate,
        overdue: z.boolean(),
        ownerName: z.string().nullable(),
        ...ZMeetingRef,
      }),
    ),
    escalations: z.array(z.object({ reference: z.string(), ...ZMeetingRef })),
    previousMeeting: z
      .object({
        id: z.uuid(),
        title: z.string(),
        startsAt: z.string(),
        minutesStatus: z.enum(['none', 'draft', 'final']),
        decisions: z.array(z.string()),
      })
      .nullable(),
  })
  .openapi('ProviderPack');

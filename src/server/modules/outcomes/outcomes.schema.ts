import { z } from '@hono/zod-openapi';
import { goalMeasures } from '../../../shared/outcomes.js';
import { isoDate, ZDate } from '../../http/openapi.js';

const [withoutHelp, problemsReduced, goalsMet] = goalMeasures;
const answer = <const T extends readonly [string, ...string[]]>(code: string, options: T, question: string) =>
  z.enum(options, { message: `${code}: kies ${options.join(', ')}` }).describe(`${code}: ${question}`);

export const ZGoalAnswers = z.object({
  withoutHelp: answer(withoutHelp.code, withoutHelp.options, withoutHelp.question),
  problemsReduced: answer(problemsReduced.code, problemsReduced.options, problemsReduced.question),
  goalsMet: answer(goalsMet.code, goalsMet.options, goalsMet.question),
});

export const ZGoalRegistration = ZGoalAnswers.extend({
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, 'moet een CBS-gemeentecode van 4 cijfers zijn')
    .describe('De gemeente die de toewijzing gaf (CBS-code)'),
  allocationNumber: z
    .string()
    .regex(/^\d{1,9}$/, 'moet een toewijzingnummer van hoogstens 9 cijfers zijn')
    .describe('ToewijzingNummer uit de JW301'),
}).openapi('GoalAttainmentRegistration');

export const ZRegionQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

export const ZEndedQuery = ZRegionQuery.extend({
  from: isoDate('from').optional().describe('Alleen toewijzingen die op of na deze dag eindigden'),
  to: isoDate('to').optional().describe('Alleen toewijzingen die op of voor deze dag eindigden'),
});

export const ZEndedAllocation = z
  .object({
    municipalityCode: z.string(),
    allocationNumber: z.string(),
    productCategory: z.string().nullable(),
    productCode: z.string().nullable(),
    startDate: ZDate.nullable(),
    endDate: ZDate,
    endReason: z.string().nullable().describe('Reden beëindiging (JZ588)'),
    registered: ZGoalAnswers.extend({ registeredAt: z.string() })
      .nullable()
      .describe('De vastgelegde doelrealisatie; null: nog niet vastgelegd'),
  })
  .openapi('EndedAllocation');

export const ZSaved = z
  .object({
    saved: z.number().int().describe('Vastgelegd of gewijzigd'),
    unchanged: z.number().int().describe('Stond er al zo (een bestand dat opnieuw wordt ingelezen telt niet dubbel)'),
  })
  .openapi('GoalAttainmentSaved');

const ZCell = z
  .object({
    key: z.string(),
    label: z.string(),
    value: z.number().nullable().describe('Percentage'),
    previous: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable().describe('Vastgelegde beëindigde toewijzingen'),
    youths: z.number().int().nullable(),
    suppressed: z.boolean().describe('Minder dan de drempel aan jeugdigen: alle getallen weggelaten'),
  })
  .openapi('GoalAttainmentCell');

const ZCompleteness = z.object({
  ended: z.number().int().describe('Beëindigde toewijzingen in de periode (afgerond op 5 voor gepubliceerde cijfers)'),
  registered: z.number().int().describe('Waarvan doelrealisatie is vastgelegd'),
  percent: z.number().nullable().describe('Vastgelegd ÷ beëindigd, in procenten'),
  sufficient: z.boolean().describe('Volledig genoeg om op te vertrouwen (de drempel van de regio)'),
});

export const ZGoalSummary = z
  .object({
    period: z.object({ label: z.string(), from: ZDate, to: ZDate, provisional: z.boolean().optional() }),
    minCompletenessPercent: z.number().int(),
    suppressionThreshold: z.number().int(),
    total: ZCompleteness,
    providers: z.array(ZCompleteness.extend({ providerAgb: z.string(), name: z.string() })),
    figures: z.array(
      z.object({
        kpi: z.string(),
        name: z.string(),
        region: ZCell,
        own: ZCell.nullable().describe('Voor een aanbieder: de eigen cijfers naast die van de regio'),
        rows: z.array(ZCell).describe('Per aanbieder (niet voor een aanbieder)'),
      }),
    ),
  })
  .openapi('GoalAttainmentSummary');

export const ZSummaryQuery = ZRegionQuery.extend({
  period: z
    .string()
    .max(30)
    .optional()
    .describe('Maand (2025-07), kwartaal (2025Q3) of jaar (2025); leeg = het laatste volledige kwartaal'),
});

export const ZGoalSettings = z
  .object({
    minCompletenessPercent: z
      .number({ message: 'moet een getal zijn' })
      .int('moet een heel getal zijn')
      .min(0, 'moet 0 of meer zijn')
      .max(100, 'mag hoogstens 100 zijn')
      .describe('Onder dit percentage vastgelegde beëindigde toewijzingen krijgen de cijfers een waarschuwing'),
  })
  .openapi('GoalAttainmentSettings');

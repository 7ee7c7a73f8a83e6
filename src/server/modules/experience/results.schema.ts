import { z } from '@hono/zod-openapi';
import { experienceLimits } from '../../../shared/experience.js';

export const ZResultsQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
  year: z.coerce
    .number('year: een jaartal')
    .int('year: een jaartal')
    .min(2000, 'year: vanaf 2000')
    .max(2100, 'year: tot en met 2100')
    .optional()
    .describe('Het kalenderjaar; leeg = dit jaar'),
});

const nullableCount = z.number().int().nullable();
const ZThemeFigures = z.object({
  positive: z.number().nullable().describe('Aandeel positieve antwoorden (4 of 5), in procenten'),
  mean: z.number().nullable().describe('Gemiddelde op de schaal 1–5'),
});
const ZFigures = z.object({
  withheld: z
    .boolean()
    .describe('Minder dan 10 antwoorden (of weggelaten zodat een kleine groep niet te herleiden is)'),
  answers: nullableCount,
  invitations: z.number().int().describe('Uitnodigingen gemaakt in het jaar'),
  responseRate: z.number().nullable().describe('Van de uitnodigingen van het jaar het ingevulde deel, in procenten'),
  mark: z.number().nullable().describe('Gemiddeld cijfer (1–10) voor wat de hulp opleverde'),
  themes: z.object({ toegang: ZThemeFigures, kwaliteit: ZThemeFigures, effect: ZThemeFigures }),
});
const ZGroup = ZFigures.extend({ key: z.string(), label: z.string() });
const ZText = z.object({
  id: z.uuid(),
  text: z.string(),
  month: z.string().describe('De maand van het antwoord (JJJJ-MM)'),
  providerName: z.string(),
  productCategory: z.string(),
});

export const ZExperienceResults = z
  .object({
    year: z.number().int(),
    threshold: z.number().int(),
    view: z.enum(['region', 'provider']),
    region: ZFigures,
    own: ZFigures.nullable(),
    byProvider: z.array(ZGroup).describe('Op naam, nooit op score'),
    byProductCategory: z.array(ZGroup),
    byMunicipality: z.array(ZGroup),
    quarters: z.array(
      z.object({ quarter: z.string().describe('Kwartaal, bv. 2026Q1'), region: ZFigures, own: ZFigures.nullable() }),
    ),
    texts: z.array(ZText).describe('Gemodereerde open antwoorden (een aanbieder: de eigen)'),
  })
  .openapi('ExperienceResults');

export const ZPendingText = ZText.openapi('PendingOpenAnswer');

export const ZModeration = z
  .object({
    decision: z.enum(['publiceren', 'afwijzen'], 'decision: publiceren of afwijzen'),
    text: z
      .string()
      .max(experienceLimits.openTextMax, `text: hoogstens ${experienceLimits.openTextMax} tekens`)
      .optional()
      .describe('De tekst zoals hij getoond mag worden, zonder namen of herkenbare details (bij publiceren)'),
  })
  .openapi('OpenAnswerModeration');

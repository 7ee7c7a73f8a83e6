import { z } from '@hono/zod-openapi';
import { limits } from '../../../../shared/domain.js';

const year = z.coerce.number().int().min(2015, 'jaar vanaf 2015').max(2100, 'jaar tot en met 2100');

export const ZRealisation = z
  .object({
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    cbsCode: z.string(),
    budgetLineId: z.uuid(),
    budgetLineCode: z.string(),
    budgetLineName: z.string(),
    regionId: z.uuid(),
    month: z.string().describe('De maand, JJJJ-MM'),
    amount: z.number().describe('Gerealiseerd in euro volgens de gemeentelijke boekhouding'),
  })
  .openapi('BudgetRealisation');

export const ZRealisationQuery = z.object({
  year: year.describe('Het jaar'),
  budgetLineId: z.uuid().optional(),
  regionId: z.uuid().optional(),
});

export const ZRealisationSet = z
  .object({
    municipalityId: z.uuid({ message: 'kies een gemeente' }),
    budgetLineId: z.uuid({ message: 'kies een begrotingspost' }),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'maand moet JJJJ-MM zijn'),
    amount: z
      .number({ message: 'bedrag moet een getal zijn' })
      .nonnegative('bedrag mag niet negatief zijn')
      .max(limits.amountMax)
      .nullable()
      .describe('Gerealiseerd in euro; null wist de maand'),
  })
  .openapi('BudgetRealisationSet');

export const ZRealisationFileQuery = z.object({
  year: year.describe('Het jaar van het bestand'),
  budgetLineId: z.uuid({ message: 'kies een begrotingspost' }).describe('De begrotingspost van het bestand'),
});

export const ZRealisationImportResult = z
  .object({
    saved: z.number().int().describe('Maanden vastgelegd of gewijzigd'),
    unchanged: z.number().int().describe('Maanden met hetzelfde bedrag als al vastgelegd'),
  })
  .openapi('BudgetRealisationImportResult');

export type Realisation = z.infer<typeof ZRealisation>;
export type RealisationSet = z.infer<typeof ZRealisationSet>;
export type RealisationQuery = z.infer<typeof ZRealisationQuery>;

import { z } from '@hono/zod-openapi';
import { limits } from '../../../../shared/domain.js';

export const ZBudgetCreate = z
  .object({
    municipalityId: z.uuid({ message: 'kies een gemeente' }),
    budgetLineId: z.uuid({ message: 'kies een begrotingspost' }),
    year: z.number().int().min(2015, 'jaar vanaf 2015').max(2100),
    amount: z.number().nonnegative('bedrag mag niet negatief zijn').max(limits.amountMax).describe('Budget in euro'),
  })
  .openapi('BudgetCreate');

export const ZBudgetUpdate = z.object({ amount: ZBudgetCreate.shape.amount }).openapi('BudgetUpdate');

export const ZBudget = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    cbsCode: z.string(),
    budgetLineId: z.uuid(),
    budgetLineCode: z.string(),
    budgetLineName: z.string(),
    regionId: z.uuid(),
    year: z.number().int(),
    amount: z.number(),
  })
  .openapi('Budget');

export const ZBudgetQuery = z.object({
  year: z.coerce.number().int().optional(),
  municipalityId: z.uuid().optional(),
  budgetLineId: z.uuid().optional(),
  regionId: z.uuid().optional(),
});

export type BudgetCreate = z.infer<typeof ZBudgetCreate>;
export type Budget = z.infer<typeof ZBudget>;
export type BudgetQuery = z.infer<typeof ZBudgetQuery>;

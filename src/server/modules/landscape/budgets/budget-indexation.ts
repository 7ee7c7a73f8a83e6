import { z } from '@hono/zod-openapi';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { budgetLines, budgets, municipalities } from '../../../db/schema/index.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { assertOwnRegionField } from '../../../http/permission.js';
import { limits } from '../../../../shared/domain.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { centsOf, indexAmount, roundingRules, ZPercent, ZRounding } from '../bulk/indexation.js';

const ZYear = z.number().int().min(2015, 'jaar vanaf 2015').max(2100);

export const ZBudgetIndexation = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    fromYear: ZYear.describe('Het jaar waarvan de budgetten worden overgenomen'),
    toYear: ZYear.describe('Het nieuwe jaar'),
    percent: ZPercent.describe('Indexatie in procenten voor elke post zonder eigen percentage (2,5 → 2.5)'),
    linePercents: z
      .array(z.object({ budgetLineId: z.uuid({ message: 'kies een begrotingspost' }), percent: ZPercent }))
      .max(100)
      .default([])
      .describe('Een eigen percentage per begrotingspost'),
    rounding: ZRounding,
  })
  .refine((v) => v.toYear !== v.fromYear, { message: 'kies een ander jaar dan het bronjaar', path: ['toYear'] })
  .openapi('BudgetIndexation');
export type BudgetIndexation = z.infer<typeof ZBudgetIndexation>;

export const ZBudgetIndexationResult = z
  .object({
    regionId: z.uuid(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    rounding: z.enum(roundingRules),
    applied: z.boolean().describe('false: alleen een voorbeeld, er is niets opgeslagen'),
    created: z.number().int().describe('Vastgelegde budgetten (0 in een voorbeeld)'),
    rows: z.array(
      z.object({
        municipalityId: z.uuid(),
        municipalityName: z.string(),
        budgetLineId: z.uuid(),
        budgetLineCode: z.string(),
        budgetLineName: z.string(),
        percent: z.number(),
        fromAmount: z.number().describe('Budget in het bronjaar'),
        amount: z.number().describe('Het geïndexeerde budget'),
        existing: z.number().nullable().describe('Het budget dat er in het nieuwe jaar al staat; dat blijft staan'),
        action: z.enum(['create', 'keep']),
      }),
    ),
  })
  .openapi('BudgetIndexationResult');
export type BudgetIndexationResult = z.infer<typeof ZBudgetIndexationResult>;

/**
 * A year's budgets from another year's, each line raised by its percentage (or the overall one) and rounded by the
 * rule. A budget the new year already has is kept (shown with `keep`): a cell typed earlier is never overwritten.
 * `apply` false is the preview: the same figures, nothing stored; `apply` true stores them in one transaction.
 */
export async function indexBudgetYear(
  db: Db,
  actor: Actor,
  input: BudgetIndexation,
  apply: boolean,
): Promise<BudgetIndexationResult> {
  assertOwnRegionField(actor, input.regionId);
  const run = async (tx: Db) => {
    const lines = await tx.select().from(budgetLines).where(eq(budgetLines.regionId, input.regionId));
    const lineIds = new Set(lines.map((l) => l.id));
    const unknown = input.linePercents.findIndex((p) => !lineIds.has(p.budgetLineId));
    if (unknown >= 0)
      throw new AppError(ErrorCode.Validation, 'Onbekende begrotingspost', [
        { name: `linePercents.${unknown}.budgetLineId`, code: 'invalid', reason: 'deze post hoort niet bij de regio' },
      ]);
    // Retired lines and municipalities are not carried into a new year (their budgets stay in the years they had).
    const cells = (year: number, liveOnly = false) =>
      tx
        .select({
          municipalityId: budgets.municipalityId,
          municipalityName: municipalities.name,
          budgetLineId: budgets.budgetLineId,
          budgetLineCode: budgetLines.code,
          budgetLineName: budgetLines.name,
          amount: budgets.amount,
        })
        .from(budgets)
        .innerJoin(municipalities, eq(municipalities.id, budgets.municipalityId))
        .innerJoin(budgetLines, eq(budgetLines.id, budgets.budgetLineId))
        .where(
          and(
            eq(municipalities.regionId, input.regionId),
            eq(budgets.year, year),
            liveOnly ? and(isNull(budgetLines.retiredAt), isNull(municipalities.retiredAt)) : undefined,
          ),
        )
        .orderBy(asc(municipalities.name), asc(budgetLines.name));
    const source = await cells(input.fromYear, true);
    if (source.length === 0)
      throw new AppError(ErrorCode.Validation, `Er zijn geen budgetten in ${input.fromYear} om over te nemen`, [
        { name: 'fromYear', code: 'empty', reason: `in ${input.fromYear} zijn geen budgetten vastgelegd` },
      ]);
    const target = await cells(input.toYear);
    const existing = new Map(target.map((b) => [`${b.municipalityId}|${b.budgetLineId}`, b.amount]));
    const percentOf = new Map(input.linePercents.map((p) => [p.budgetLineId, p.percent]));
    const max = centsOf(limits.amountMax.toFixed(2));
    const rows = source.map((b) => {
      const percent = percentOf.get(b.budgetLineId) ?? input.percent;
      const amount = indexAmount(b.amount, percent, input.rounding);
      if (centsOf(amount) > max)
        throw new AppError(ErrorCode.Validation, 'Het geïndexeerde budget is te groot', [
          { name: 'percent', code: 'too_big', reason: `${b.municipalityName}, ${b.budgetLineName}: bedrag te groot` },
        ]);
      const had = existing.get(`${b.municipalityId}|${b.budgetLineId}`);
      return {
        ...b,
        percent,
        fromAmount: Number(b.amount),
        amount: Number(amount),
        stored: amount,
        existing: had === undefined ? null : Number(had),
        action: had === undefined ? ('create' as const) : ('keep' as const),
      };
    });
    let created = 0;
    if (apply) {
      for (const row of rows.filter((r) => r.action === 'create')) {
        const [inserted] = await tx
          .insert(budgets)
          .values({
            municipalityId: row.municipalityId,
            budgetLineId: row.budgetLineId,
            year: input.toYear,
            amount: row.stored,
          })
          .returning({ id: budgets.id });
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'budget',
          entityId: inserted!.id,
          regionId: input.regionId,
          after: {
            municipalityName: row.municipalityName,
            budgetLineName: row.budgetLineName,
            year: input.toYear,
            amount: row.amount,
            indexedFrom: { year: input.fromYear, amount: row.fromAmount, percent: row.percent },
          },
        });
        created += 1;
      }
      if (created) await bumpDataVersion(tx, 'landscape');
    }
    return {
      regionId: input.regionId,
      fromYear: input.fromYear,
      toYear: input.toYear,
      rounding: input.rounding,
      applied: apply,
      created,
      rows: rows.map(({ stored: _stored, ...r }) => r),
    };
  };
  return apply ? db.transaction((tx) => run(tx)) : run(db);
}

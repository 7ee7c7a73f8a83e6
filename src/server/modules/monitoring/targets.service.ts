import { and, asc, eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { limits } from '../../../shared/domain.js';
import { kpiIds } from '../../../shared/kpi.js';
import type { Db } from '../../db/client.js';
import { kpiTargets } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';

const base = {
  kpi: z.enum(kpiIds, { message: 'onbekende KPI' }).describe('KPI (zie docs/kpi.md)'),
  scopeType: z.enum(['region', 'municipality', 'provider'], { message: 'kies regio, gemeente of aanbieder' }),
  scopeKey: z
    .string()
    .trim()
    .max(20)
    .nullable()
    .optional()
    .describe('CBS-code of AGB-code; leeg = voor elke gemeente of aanbieder'),
  comparator: z.enum(['atMost', 'atLeast'], { message: 'kies hoogstens of minstens' }),
  value: z
    .number()
    .min(-limits.amountMax)
    .max(limits.amountMax)
    .nullable()
    .optional()
    .describe('Absolute streefwaarde'),
  baselineYear: z
    .number()
    .int()
    .min(2015)
    .max(2100)
    .nullable()
    .optional()
    .describe('Basisjaar voor een relatieve doelstelling'),
  changePercent: z
    .number()
    .min(-100)
    .max(1000)
    .nullable()
    .optional()
    .describe('Verandering t.o.v. het basisjaar, bv. -30'),
  targetYear: z.number().int().min(2015).max(2100).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
};

type TargetShape = {
  scopeType?: string;
  scopeKey?: string | null;
  value?: number | null;
  changePercent?: number | null;
  baselineYear?: number | null;
};
function checkShape(t: TargetShape, ctx: z.RefinementCtx) {
  if (t.scopeType === 'region' && t.scopeKey)
    ctx.addIssue({
      code: 'custom',
      path: ['scopeKey'],
      message: 'een doel voor de regio heeft geen gemeente of aanbieder',
    });
  const absolute = t.value !== null && t.value !== undefined;
  const relative = t.changePercent !== null && t.changePercent !== undefined;
  if (absolute === relative)
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: 'geef óf een streefwaarde óf een verandering in procenten',
    });
  if (relative && !t.baselineYear)
    ctx.addIssue({ code: 'custom', path: ['baselineYear'], message: 'een relatieve doelstelling heeft een basisjaar' });
}

export const ZKpiTargetCreate = z.object(base).superRefine(checkShape).openapi('KpiTargetCreate');
export const ZKpiTargetUpdate = z.object(base).partial().openapi('KpiTargetUpdate');
export const ZKpiTarget = z
  .object({
    id: z.uuid(),
    kpi: z.enum(kpiIds),
    scopeType: z.enum(['region', 'municipality', 'provider']),
    scopeKey: z.string().nullable(),
    comparator: z.enum(['atMost', 'atLeast']),
    value: z.number().nullable(),
    baselineYear: z.number().int().nullable(),
    changePercent: z.number().nullable(),
    targetYear: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .openapi('KpiTarget');
export type KpiTargetCreate = z.infer<typeof ZKpiTargetCreate>;
export type KpiTarget = z.infer<typeof ZKpiTarget>;

const present = (r: typeof kpiTargets.$inferSelect): KpiTarget => ({
  id: r.id,
  kpi: r.kpi as KpiTarget['kpi'],
  scopeType: r.scopeType as KpiTarget['scopeType'],
  scopeKey: r.scopeKey,
  comparator: r.comparator as KpiTarget['comparator'],
  value: r.value === null ? null : Number(r.value),
  baselineYear: r.baselineYear,
  changePercent: r.changePercent === null ? null : Number(r.changePercent),
  targetYear: r.targetYear,
  note: r.note,
});
const columns = (t: Partial<KpiTargetCreate>) => ({
  ...t,
  value: t.value === undefined ? undefined : t.value === null ? null : t.value.toFixed(2),
  changePercent:
    t.changePercent === undefined ? undefined : t.changePercent === null ? null : t.changePercent.toFixed(2),
});

export async function listTargets(db: Db, regionId: string): Promise<KpiTarget[]> {
  const rows = await db
    .select()
    .from(kpiTargets)
    .where(eq(kpiTargets.regionId, regionId))
    .orderBy(asc(kpiTargets.kpi), asc(kpiTargets.createdAt));
  return rows.map(present);
}

export async function createTarget(db: Db, actor: Actor, regionId: string, input: KpiTargetCreate): Promise<KpiTarget> {
  const [row] = await db
    .insert(kpiTargets)
    .values({
      ...columns(input),
      kpi: input.kpi,
      scopeType: input.scopeType,
      comparator: input.comparator,
      regionId,
      createdBy: actor.id,
    })
    .returning();
  const after = present(row!);
  await recordAudit(db, actor, { action: 'create', entity: 'kpi-target', entityId: after.id, regionId, after });
  return after;
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  regionId: string,
  id: string,
  input: Partial<KpiTargetCreate>,
): Promise<KpiTarget> {
  const [current] = await db
    .select()
    .from(kpiTargets)
    .where(and(eq(kpiTargets.id, id), eq(kpiTargets.regionId, regionId)));
  if (!current) throw new AppError(ErrorCode.NotFound, 'Dit doel bestaat niet.');
  const before = present(current);
  const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const check = ZKpiTargetCreate.safeParse(merged);
  if (!check.success)
    throw fieldError(String(check.error.issues[0]?.path[0] ?? 'value'), check.error.issues[0]?.message ?? 'ongeldig');
  const [row] = await db
    .update(kpiTargets)
    .set({ ...columns(input), updatedAt: new Date() })
    .where(eq(kpiTargets.id, id))
    .returning();
  const after = present(row!);
  await recordAudit(db, actor, { action: 'update', entity: 'kpi-target', entityId: id, regionId, before, after });
  return after;
}

export async function deleteTarget(db: Db, actor: Actor, regionId: string, id: string): Promise<void> {
  const [row] = await db
    .delete(kpiTargets)
    .where(and(eq(kpiTargets.id, id), eq(kpiTargets.regionId, regionId)))
    .returning();
  if (!row) throw new AppError(ErrorCode.NotFound, 'Dit doel bestaat niet.');
  await recordAudit(db, actor, {
    action: 'delete',
    entity: 'kpi-target',
    entityId: id,
    regionId,
    before: present(row),
  });
}

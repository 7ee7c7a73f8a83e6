import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import { kpiSettings } from '../../db/schema/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';

/**
 * The region's settings for reading figures over time (docs/kpi.md, "Provisional periods" and "Trends and norms").
 * Three months: iJw declarations (JW323) arrive weeks to months after the care, and most regions ask providers to
 * declare within that time; the Treeknorm is the sector's own norm (4 weeks from application to intake, 10 weeks
 * to the start of treatment).
 */
export const defaultKpiSettings = { provisionalLagMonths: 3, treeknormIntakeDays: 28, treeknormTreatmentDays: 70 };

export const ZKpiSettings = z
  .object({
    provisionalLagMonths: z
      .number()
      .int('moet een heel aantal maanden zijn')
      .min(0, 'moet 0 of meer zijn')
      .max(24, 'mag hoogstens 24 zijn')
      .describe(
        'Maanden na het einde van een periode waarin declaraties nog binnenkomen: tot dan is de periode voorlopig',
      ),
    treeknormIntakeDays: z
      .number()
      .int('moet een heel aantal dagen zijn')
      .min(1, 'moet 1 of meer zijn')
      .max(365, 'mag hoogstens 365 zijn')
      .describe('Treeknorm: dagen van aanmelding tot intake (standaard 28, 4 weken)'),
    treeknormTreatmentDays: z
      .number()
      .int('moet een heel aantal dagen zijn')
      .min(1, 'moet 1 of meer zijn')
      .max(365, 'mag hoogstens 365 zijn')
      .describe('Treeknorm: dagen van aanmelding tot start van de behandeling (standaard 70, 10 weken)'),
  })
  .openapi('KpiSettings');
export type KpiSettings = z.infer<typeof ZKpiSettings>;

/** The region's settings, or the defaults while it has set none. */
export async function getKpiSettings(db: Db, regionId: string): Promise<KpiSettings> {
  const [row] = await db.select().from(kpiSettings).where(eq(kpiSettings.regionId, regionId));
  return row
    ? {
        provisionalLagMonths: row.provisionalLagMonths,
        treeknormIntakeDays: row.treeknormIntakeDays,
        treeknormTreatmentDays: row.treeknormTreatmentDays,
      }
    : { ...defaultKpiSettings };
}

/** Sets the region's settings (audited); the KPI answers read them at once. */
export async function updateKpiSettings(
  db: Db,
  actor: Actor,
  regionId: string,
  input: KpiSettings,
): Promise<KpiSettings> {
  const before = await getKpiSettings(db, regionId);
  await db
    .insert(kpiSettings)
    .values({ regionId, ...input })
    .onConflictDoUpdate({ target: kpiSettings.regionId, set: { ...input, updatedAt: new Date() } });
  const after = await getKpiSettings(db, regionId);
  await recordAudit(db, actor, {
    action: 'update',
    entity: 'kpi-settings',
    entityId: regionId,
    regionId,
    before,
    after,
  });
  await bumpDataVersion(db, 'kpi-targets');
  return after;
}

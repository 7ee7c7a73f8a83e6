import { eq } from 'drizzle-orm';
import { availabilityDefaults, defaultSpecialisations } from '../../../shared/availability.js';
import type { Db } from '../../db/client.js';
import { availabilitySettings } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import { assertOwnRegion } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import type { Settings, SettingsUpdate } from './availability.schema.js';

/** A region's availability rules: its own row, or the defaults while it has none. */
export async function settingsOf(db: Db, regionId: string): Promise<Settings> {
  const [row] = await db.select().from(availabilitySettings).where(eq(availabilitySettings.regionId, regionId));
  if (!row)
    return {
      regionId,
      ...availabilityDefaults,
      crisisLots: [...availabilityDefaults.crisisLots],
      specialisations: [...defaultSpecialisations],
    };
  return {
    regionId,
    confirmEveryWeeks: row.confirmEveryWeeks,
    intakeNormWeeks: row.intakeNormWeeks,
    treatmentNormWeeks: row.treatmentNormWeeks,
    marginWeeks: row.marginWeeks,
    specialisations: row.specialisations,
    crisisLots: row.crisisLots,
  };
}

/** The settings of a region the actor may see (every role of the region reads them for its forms and filters). */
export async function readSettings(db: Db, actor: Actor, regionId: string): Promise<Settings> {
  if (!actor.providerId) assertOwnRegion(actor, regionId, 'Deze regio bestaat niet.');
  return settingsOf(db, regionId);
}

export async function updateSettings(db: Db, actor: Actor, regionId: string, input: SettingsUpdate): Promise<Settings> {
  assertOwnRegion(actor, regionId, 'Deze regio bestaat niet.');
  if (input.specialisations) {
    const seen = new Set<string>();
    for (const s of input.specialisations) {
      if (seen.has(s.toLowerCase())) throw fieldError('specialisations', `${s} staat er twee keer in`);
      seen.add(s.toLowerCase());
    }
  }
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, regionId);
    const after = { ...before, ...input };
    const { regionId: _, ...values } = after;
    await tx
      .insert(availabilitySettings)
      .values({ regionId, ...values })
      .onConflictDoUpdate({ target: availabilitySettings.regionId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'availability-settings',
      entityId: regionId,
      regionId,
      before,
      after,
    });
    return after;
  });
}

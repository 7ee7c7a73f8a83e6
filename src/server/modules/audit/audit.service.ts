import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { isInstallationKeeper, type Actor } from '../auth/index.js';
import { cliActorId } from '../../http/cli-token.js';
import type { AuditEntity } from '../index.js';

/** 'read' records access to client-level data (trajectories, quarantined files, retour messages). */
export type AuditAction = 'create' | 'update' | 'delete' | 'read';

/**
 * Entities that are master data of the whole installation: their events carry no region, and every beheerder sees
 * them, as it sees the providers themselves.
 */
const installationWideEntities = ['provider'];

/**
 * Writes one audit event in the caller's transaction, so the change and its trail commit or roll back together.
 * `before`/`after` are the presented records, never raw secrets. `regionId` is the region of the object changed or
 * read (null for installation-wide data): required, so no write can forget it and leak into another region's log.
 */
export async function recordAudit(
  db: Db,
  actor: Actor | null,
  event: {
    action: AuditAction;
    entity: AuditEntity;
    entityId: string;
    regionId: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    userId: actor && actor.id !== cliActorId ? actor.id : null,
    userEmail: actor?.email ?? 'systeem',
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    regionId: event.regionId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export interface ListAuditOptions {
  entity?: string | undefined;
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The events a beheerder may read: a region's beheerder those of its regions and those about installation-wide data;
 * the installation's keeper all, including region-less events about other things (keeper accounts, CLI exports).
 */
function eventsInScope(actor: Actor): SQL | undefined {
  if (isInstallationKeeper(actor)) return undefined;
  const installationWide = and(isNull(auditEvents.regionId), inArray(auditEvents.entity, installationWideEntities));
  return actor.regionIds.length
    ? or(inArray(auditEvents.regionId, actor.regionIds), installationWide)
    : installationWide;
}

export async function listAuditEvents(db: Db, actor: Actor, options: ListAuditOptions) {
  const scope = eventsInScope(actor);
  const filters: SQL[] = scope ? [scope] : [];
  if (options.entity) filters.push(eq(auditEvents.entity, options.entity));
  if (options.entityId) filters.push(eq(auditEvents.entityId, options.entityId));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userEmail: r.userEmail ?? 'systeem',
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    total: Number(total?.n ?? 0),
  };
}

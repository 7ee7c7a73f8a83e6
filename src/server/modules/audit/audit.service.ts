import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import type { Actor } from '../auth/index.js';
import { cliActorId } from '../../http/cli-token.js';

/** 'read' records access to client-level data (trajectories, quarantined files, retour messages). */
export type AuditAction = 'create' | 'update' | 'delete' | 'read';

/**
 * Writes one audit event in the caller's transaction, so the change and its trail commit or roll back together.
 * `before`/`after` are the presented records, never raw secrets.
 */
export async function recordAudit(
  db: Db,
  actor: Actor | null,
  event: { action: AuditAction; entity: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditEvents).values({
    userId: actor && actor.id !== cliActorId ? actor.id : null,
    userEmail: actor?.email ?? 'systeem',
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
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

export async function listAuditEvents(db: Db, options: ListAuditOptions) {
  const filters: SQL[] = [];
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

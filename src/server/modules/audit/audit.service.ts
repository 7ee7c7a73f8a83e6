import { and, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { isInstallationKeeper, type Actor } from '../auth/index.js';
import { cliActorId } from '../../http/cli-token.js';
import type { AuditEntity } from '../index.js';
import { labelOf, withoutSecrets } from './audit-record.js';

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
    /** A readable name of the object; derived from `after` (or `before`) when left out. */
    label?: string | null;
  },
): Promise<void> {
  const before = withoutSecrets(event.before ?? null);
  const after = withoutSecrets(event.after ?? null);
  const label = event.label === undefined ? (labelOf(after) ?? labelOf(before)) : event.label;
  await db.insert(auditEvents).values({
    userId: actor && actor.id !== cliActorId ? actor.id : null,
    userEmail: actor?.email ?? 'systeem',
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    regionId: event.regionId,
    label: label ? (withoutSecrets(label.slice(0, 300)) as string) : null,
    before,
    after,
  });
}

export interface AuditFilter {
  /** The person who acted (their account id). */
  userId?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: AuditAction | undefined;
  /** First day of the period (inclusive), YYYY-MM-DD, in the installation's time zone (Europe/Amsterdam). */
  from?: string | undefined;
  /** Last day of the period (inclusive). */
  to?: string | undefined;
  /** Words looked for in the object's name, its id and the person's e-mail address. */
  q?: string | undefined;
}

export interface ListAuditOptions extends AuditFilter {
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

/** Midnight at the start of a day in Amsterdam, as the beheerder means "from 3 March". */
const amsterdamDay = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Amsterdam'`;

/** Escapes LIKE's wildcards, so a search for "50%" looks for that text. */
const likeText = (word: string) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function conditionsOf(actor: Actor, options: AuditFilter): SQL | undefined {
  const scope = eventsInScope(actor);
  const filters: SQL[] = scope ? [scope] : [];
  if (options.userId) filters.push(eq(auditEvents.userId, options.userId));
  if (options.entity) filters.push(eq(auditEvents.entity, options.entity));
  if (options.entityId) filters.push(eq(auditEvents.entityId, options.entityId));
  if (options.action) filters.push(eq(auditEvents.action, options.action));
  if (options.from) filters.push(gte(auditEvents.at, amsterdamDay(options.from)));
  if (options.to) filters.push(lt(auditEvents.at, sql`${amsterdamDay(options.to)} + interval '1 day'`));
  for (const word of (options.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10)) {
    const like = likeText(word);
    filters.push(
      or(ilike(auditEvents.label, like), ilike(auditEvents.entityId, like), ilike(auditEvents.userEmail, like))!,
    );
  }
  return filters.length ? and(...filters) : undefined;
}

/** The events of the filter, newest first, for an export: at most `limit` of them. */
export async function exportAuditEvents(db: Db, actor: Actor, options: AuditFilter, limit: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditionsOf(actor, options))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map(present);
}

function present(r: typeof auditEvents.$inferSelect) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    userId: r.userId,
    userEmail: r.userEmail ?? 'systeem',
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entityId,
    label: r.label,
    before: r.before,
    after: r.after,
  };
}

export async function listAuditEvents(db: Db, actor: Actor, options: ListAuditOptions) {
  const where = conditionsOf(actor, options);
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
    items: rows.map(present),
    total: Number(total?.n ?? 0),
  };
}

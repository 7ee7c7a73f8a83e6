import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Db } from '../../db/client.js';
import { meetingActions, meetingProviders, meetings, providers } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import type { ZActionCreate, ZActionUpdate } from './meetings.schema.js';
import { presentAction } from './actions.present.js';
import { loadMeeting } from './meetings.service.js';

/** An action item of a meeting: a provider owner must be one of the meeting's providers. */
export async function addAction(db: Db, actor: Actor, meetingId: string, input: z.infer<typeof ZActionCreate>) {
  const m = await loadMeeting(db, actor, meetingId);
  const ownerProviderId = input.ownerSide === 'provider' ? (input.ownerProviderId ?? null) : null;
  if (input.ownerSide === 'provider') {
    if (!ownerProviderId) throw fieldError('ownerProviderId', 'Eigenaar: kies de aanbieder die de actie oppakt');
    const [inMeeting] = await db
      .select()
      .from(meetingProviders)
      .where(and(eq(meetingProviders.meetingId, meetingId), eq(meetingProviders.providerId, ownerProviderId)));
    if (!inMeeting) throw fieldError('ownerProviderId', 'Eigenaar: deze aanbieder is geen deelnemer van het overleg');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingActions)
      .values({
        meetingId,
        regionId: m.regionId,
        title: input.title,
        ownerSide: input.ownerSide,
        ownerProviderId,
        ownerName: input.ownerName ?? null,
        dueDate: input.dueDate,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'meeting-action',
      entityId: row!.id,
      regionId: m.regionId,
      after: { title: row!.title, ownerSide: row!.ownerSide, ownerProviderId, dueDate: row!.dueDate },
      label: row!.title,
    });
    return row!;
  });
}

/** An action the actor may reach: in its regions; an aanbieder only one assigned to its provider. */
async function loadAction(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ action: meetingActions, meeting: meetings })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(eq(meetingActions.id, id));
  if (!row || !actor.regionIds.includes(row.action.regionId))
    throw new AppError(ErrorCode.NotFound, 'Deze actie bestaat niet.');
  if (actor.role === 'aanbieder' && (!actor.providerId || row.action.ownerProviderId !== actor.providerId))
    throw new AppError(ErrorCode.Forbidden, 'Deze actie is niet aan uw organisatie toegewezen.');
  return row;
}

export async function getAction(db: Db, actor: Actor, id: string) {
  const { action, meeting } = await loadAction(db, actor, id);
  return presentAction(action, await providerName(db, action.ownerProviderId), meeting);
}

async function providerName(db: Db, id: string | null) {
  if (!id) return null;
  const [p] = await db.select({ name: providers.name }).from(providers).where(eq(providers.id, id));
  return p?.name ?? null;
}

/** Marks an action done with a note: the owner provider or the region. A done action stays done for the provider. */
export async function closeAction(db: Db, actor: Actor, id: string, note: string) {
  const { action, meeting } = await loadAction(db, actor, id);
  if (action.status === 'done') throw new AppError(ErrorCode.Conflict, 'Deze actie is al afgerond.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetingActions)
      .set({ status: 'done', note, doneAt: new Date(), doneByName: actor.name })
      .where(eq(meetingActions.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting-action',
      entityId: id,
      regionId: action.regionId,
      before: { status: action.status },
      after: { status: 'done', note },
      label: action.title,
    });
    return presentAction(row!, await providerName(tx, row!.ownerProviderId), meeting);
  });
}

/** The region changes an action's status (reopens it), note or due date. */
export async function updateAction(db: Db, actor: Actor, id: string, input: z.infer<typeof ZActionUpdate>) {
  const { action, meeting } = await loadAction(db, actor, id);
  return db.transaction(async (tx) => {
    const done = input.status === 'done' && action.status !== 'done';
    const [row] = await tx
      .update(meetingActions)
      .set({
        ...(input.status !== undefined && { status: input.status }),
        ...(input.note !== undefined && { note: input.note }),
        ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
        ...(done && { doneAt: new Date(), doneByName: actor.name }),
        ...(input.status === 'open' && { doneAt: null, doneByName: null }),
      })
      .where(eq(meetingActions.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting-action',
      entityId: id,
      regionId: action.regionId,
      before: { status: action.status, dueDate: action.dueDate },
      after: { status: row!.status, dueDate: row!.dueDate },
      label: action.title,
    });
    return presentAction(row!, await providerName(tx, row!.ownerProviderId), meeting);
  });
}

/** The region's action items, or those assigned to an aanbieder's own provider; open first by due date. */
export async function listActions(
  db: Db,
  actor: Actor,
  opts: { regionId: string; status?: 'open' | 'done' | undefined },
) {
  const own = actor.role === 'aanbieder' ? (actor.providerId ?? '00000000-0000-0000-0000-000000000000') : null;
  const rows = await db
    .select({ action: meetingActions, meeting: meetings, providerName: providers.name })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .leftJoin(providers, eq(providers.id, meetingActions.ownerProviderId))
    .where(
      and(
        eq(meetingActions.regionId, opts.regionId),
        opts.status ? eq(meetingActions.status, opts.status) : undefined,
        own ? inArray(meetingActions.ownerProviderId, [own]) : undefined,
      ),
    )
    .orderBy(asc(meetingActions.status), asc(meetingActions.dueDate));
  return rows.map((r) => presentAction(r.action, r.providerName, r.meeting));
}

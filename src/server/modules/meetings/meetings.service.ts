import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import { defaultCommentDays, defaultMeetingThemes, type MeetingType } from '../../../shared/meetings.js';
import type { Db } from '../../db/client.js';
import {
  meetingActions,
  meetingComments,
  meetingProviders,
  meetings,
  meetingSettings,
  providers,
} from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import type { ZMeetingCreate, ZMeetingSettings, ZMeetingUpdate } from './meetings.schema.js';
import { presentAction } from './actions.present.js';

export type MeetingRow = typeof meetings.$inferSelect;
type Settings = z.infer<typeof ZMeetingSettings>;

export async function getMeetingSettings(db: Db, regionId: string): Promise<Settings> {
  const [row] = await db.select().from(meetingSettings).where(eq(meetingSettings.regionId, regionId));
  if (!row) return { themes: [...defaultMeetingThemes], commentDays: defaultCommentDays, themeSessionsPerYear: 4 };
  return { themes: row.themes, commentDays: row.commentDays, themeSessionsPerYear: row.themeSessionsPerYear };
}

export async function setMeetingSettings(db: Db, actor: Actor, regionId: string, input: Settings) {
  const themes = [...new Set(input.themes)];
  return db.transaction(async (tx) => {
    const before = await getMeetingSettings(tx, regionId);
    const values = { ...input, themes };
    await tx
      .insert(meetingSettings)
      .values({ regionId, ...values })
      .onConflictDoUpdate({ target: meetingSettings.regionId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting-settings',
      entityId: regionId,
      regionId,
      before,
      after: values,
    });
    return values;
  });
}

/**
 * A meeting as the actor may see it: 404 outside its regions; an aanbieder only a meeting its provider is in (403
 * otherwise, as for any other provider's object).
 */
export async function loadMeeting(db: Db, actor: Actor, id: string): Promise<MeetingRow> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row || !actor.regionIds.includes(row.regionId))
    throw new AppError(ErrorCode.NotFound, 'Dit overleg bestaat niet.');
  if (actor.role === 'aanbieder') {
    const ids = await providerIdsOf(db, [row.id]);
    if (!actor.providerId || !ids.get(row.id)?.includes(actor.providerId))
      throw new AppError(ErrorCode.Forbidden, 'Dit overleg is niet met uw organisatie.');
  }
  return row;
}

async function providerIdsOf(db: Db, meetingIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!meetingIds.length) return map;
  const rows = await db.select().from(meetingProviders).where(inArray(meetingProviders.meetingId, meetingIds));
  for (const r of rows) map.set(r.meetingId, [...(map.get(r.meetingId) ?? []), r.providerId]);
  return map;
}

async function providerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(inArray(providers.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** End after start, a theme of the region's list for a transformatietafel, providers that exist. */
async function checkMeeting(
  db: Db,
  regionId: string,
  m: { type: MeetingType; theme?: string | null; startsAt: string; endsAt: string; providerIds: string[] },
) {
  if (Date.parse(m.endsAt) <= Date.parse(m.startsAt))
    throw fieldError('endsAt', 'Einde: het overleg moet eindigen na het begin');
  if (m.type === 'transformatietafel') {
    const { themes } = await getMeetingSettings(db, regionId);
    if (!m.theme || !themes.includes(m.theme))
      throw fieldError('theme', `Thema: kies een thema van de regio (${themes.join(', ')})`);
  }
  const ids = [...new Set(m.providerIds)];
  if ((await providerNames(db, ids)).size !== ids.length) throw fieldError('providerIds', 'onbekende aanbieder');
  if (m.type === 'accountgesprek' && ids.length !== 1)
    throw fieldError('providerIds', 'Een accountgesprek is met precies één aanbieder');
  return ids;
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  input: z.infer<typeof ZMeetingCreate> & { proposalKey?: string },
) {
  const ids = await checkMeeting(db, input.regionId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        regionId: input.regionId,
        type: input.type,
        theme: input.type === 'transformatietafel' ? (input.theme ?? null) : null,
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        location: input.location ?? null,
        agenda: input.agenda,
        invitees: input.invitees.map(normaliseInvitee),
        proposalKey: input.proposalKey ?? null,
      })
      .returning();
    if (ids.length)
      await tx.insert(meetingProviders).values(ids.map((providerId) => ({ meetingId: row!.id, providerId })));
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'meeting',
      entityId: row!.id,
      regionId: row!.regionId,
      after: { title: row!.title, type: row!.type, startsAt: input.startsAt, providerIds: ids },
      label: row!.title,
    });
    return row!;
  });
}

function normaliseInvitee(i: z.infer<typeof ZMeetingCreate>['invitees'][number]) {
  return {
    name: i.name,
    email: i.email ?? null,
    side: i.side,
    providerId: i.side === 'provider' ? (i.providerId ?? null) : null,
    attended: i.attended ?? null,
  };
}

export async function updateMeeting(db: Db, actor: Actor, id: string, input: z.infer<typeof ZMeetingUpdate>) {
  const before = await loadMeeting(db, actor, id);
  const current = await providerIdsOf(db, [id]);
  const merged = {
    type: input.type ?? (before.type as MeetingType),
    theme: input.theme === undefined ? before.theme : input.theme,
    startsAt: input.startsAt ?? before.startsAt.toISOString(),
    endsAt: input.endsAt ?? before.endsAt.toISOString(),
    providerIds: input.providerIds ?? current.get(id) ?? [],
  };
  const ids = await checkMeeting(db, before.regionId, merged);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetings)
      .set({
        type: merged.type,
        theme: merged.type === 'transformatietafel' ? merged.theme : null,
        startsAt: new Date(merged.startsAt),
        endsAt: new Date(merged.endsAt),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.location !== undefined && { location: input.location }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.agenda !== undefined && { agenda: input.agenda }),
        ...(input.invitees !== undefined && { invitees: input.invitees.map(normaliseInvitee) }),
        ...(input.decisions !== undefined && { decisions: input.decisions }),
        ...(input.escalations !== undefined && { escalations: input.escalations }),
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    if (input.providerIds !== undefined) {
      await tx.delete(meetingProviders).where(eq(meetingProviders.meetingId, id));
      if (ids.length)
        await tx.insert(meetingProviders).values(ids.map((providerId) => ({ meetingId: id, providerId })));
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting',
      entityId: id,
      regionId: before.regionId,
      before: { title: before.title, status: before.status },
      after: { title: row!.title, status: row!.status, changed: Object.keys(input) },
      label: row!.title,
    });
    return row!;
  });
}

/** The draft minutes: open for the invited providers' comments for `commentDays` from now. Final minutes stay final. */
export async function draftMinutes(db: Db, actor: Actor, id: string, input: { minutes: string; commentDays?: number }) {
  const m = await loadMeeting(db, actor, id);
  if (m.minutesStatus === 'final')
    throw new AppError(ErrorCode.Conflict, 'De notulen zijn al vastgesteld en kunnen niet meer worden gewijzigd.');
  const days = input.commentDays ?? (await getMeetingSettings(db, m.regionId)).commentDays;
  const commentUntil = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ minutes: input.minutes, minutesStatus: 'draft', commentUntil, updatedAt: new Date() })
      .where(eq(meetings.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting',
      entityId: id,
      regionId: m.regionId,
      after: { minutesStatus: 'draft', commentUntil: commentUntil.toISOString() },
      label: m.title,
    });
  });
}

/**
 * Makes the minutes final: no more comments or changes. The region may close the window early. `at` dates it other than
 * now: the demo's past meetings got their final minutes days after they were held, not on the day the demo was seeded.
 */
export async function finaliseMinutes(db: Db, actor: Actor, id: string, options: { at?: Date } = {}) {
  const m = await loadMeeting(db, actor, id);
  if (m.minutesStatus !== 'draft')
    throw new AppError(
      ErrorCode.Conflict,
      m.minutesStatus === 'final'
        ? 'De notulen zijn al vastgesteld.'
        : 'Er zijn nog geen conceptnotulen om vast te stellen.',
    );
  await db.transaction(async (tx) => {
    const now = options.at ?? new Date();
    await tx
      .update(meetings)
      .set({
        minutesStatus: 'final',
        finalisedAt: now,
        commentUntil: sql`least(${meetings.commentUntil}, ${now})`,
        updatedAt: now,
      })
      .where(eq(meetings.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'meeting',
      entityId: id,
      regionId: m.regionId,
      after: { minutesStatus: 'final' },
      label: m.title,
    });
  });
}

/** A comment on the draft by an invited provider, only while the window is open. */
export async function commentOnMinutes(db: Db, actor: Actor, id: string, text: string) {
  const m = await loadMeeting(db, actor, id);
  if (m.minutesStatus !== 'draft' || !m.commentUntil || m.commentUntil.getTime() <= Date.now())
    throw new AppError(
      ErrorCode.Conflict,
      m.minutesStatus === 'none'
        ? 'Er zijn nog geen conceptnotulen om op te reageren.'
        : 'De reactietermijn op deze notulen is gesloten; reageren kan niet meer.',
    );
  const [row] = await db
    .insert(meetingComments)
    .values({ meetingId: id, providerId: actor.providerId, authorId: actor.id, authorName: actor.name, text })
    .returning();
  return presentComment(row!);
}

function presentComment(c: typeof meetingComments.$inferSelect) {
  return {
    id: c.id,
    providerId: c.providerId,
    authorName: c.authorName,
    text: c.text,
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * The meeting as the actor sees it. An aanbieder sees the minutes only once they are a draft open to it or final,
 * its own provider's comments and action items, and escalations only of a meeting with it alone.
 */
export async function presentMeeting(db: Db, actor: Actor, m: MeetingRow) {
  const ids = (await providerIdsOf(db, [m.id])).get(m.id) ?? [];
  const names = await providerNames(db, ids);
  const own = actor.role === 'aanbieder' ? actor.providerId : null;
  const comments = await db
    .select()
    .from(meetingComments)
    .where(and(eq(meetingComments.meetingId, m.id), own ? eq(meetingComments.providerId, own) : undefined))
    .orderBy(asc(meetingComments.createdAt));
  const actions = await db
    .select({ action: meetingActions, providerName: providers.name })
    .from(meetingActions)
    .leftJoin(providers, eq(providers.id, meetingActions.ownerProviderId))
    .where(and(eq(meetingActions.meetingId, m.id), own ? eq(meetingActions.ownerProviderId, own) : undefined))
    .orderBy(asc(meetingActions.dueDate), asc(meetingActions.createdAt));
  const now = Date.now();
  return {
    ...presentSummary(m, ids, names, own),
    agenda: m.agenda,
    invitees: own ? m.invitees.filter((i) => i.side === 'region' || i.providerId === own) : m.invitees,
    decisions: m.decisions,
    escalations: own && ids.length !== 1 ? [] : m.escalations,
    minutes: own && m.minutesStatus === 'none' ? null : m.minutes,
    commentOpen: m.minutesStatus === 'draft' && !!m.commentUntil && m.commentUntil.getTime() > now,
    comments: comments.map(presentComment),
    actions: actions.map((a) => presentAction(a.action, a.providerName, m)),
  };
}

/** An aanbieder (`own`) sees only its own organisation among the meeting's providers: who else the region meets is not its to read. */
export function presentSummary(m: MeetingRow, ids: string[], names: Map<string, string>, own: string | null = null) {
  return {
    id: m.id,
    regionId: m.regionId,
    type: m.type as MeetingType,
    theme: m.theme,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    location: m.location,
    status: m.status as 'planned' | 'held' | 'cancelled',
    providers: ids.filter((id) => !own || id === own).map((id) => ({ id, name: names.get(id) ?? '' })),
    minutesStatus: m.minutesStatus as 'none' | 'draft' | 'final',
    commentUntil: m.commentUntil?.toISOString() ?? null,
    finalisedAt: m.finalisedAt?.toISOString() ?? null,
    proposalKey: m.proposalKey,
  };
}

/** The region's meetings (of a year), or an aanbieder's own: those its provider is in. */
export async function listMeetings(db: Db, actor: Actor, opts: { regionId: string; year?: number | undefined }) {
  const own = actor.role === 'aanbieder' ? (actor.providerId ?? '00000000-0000-0000-0000-000000000000') : null;
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.regionId, opts.regionId),
        opts.year ? gte(meetings.startsAt, new Date(`${opts.year}-01-01T00:00:00+01:00`)) : undefined,
        opts.year ? lt(meetings.startsAt, new Date(`${opts.year + 1}-01-01T00:00:00+01:00`)) : undefined,
        own
          ? inArray(
              meetings.id,
              db
                .select({ id: meetingProviders.meetingId })
                .from(meetingProviders)
                .where(eq(meetingProviders.providerId, own)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const ids = await providerIdsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await providerNames(db, [...new Set([...ids.values()].flat())]);
  return rows.map((m) => presentSummary(m, ids.get(m.id) ?? [], names, own));
}

export type MeetingSummary = ReturnType<typeof presentSummary>;
export type MeetingDetail = Awaited<ReturnType<typeof presentMeeting>>;

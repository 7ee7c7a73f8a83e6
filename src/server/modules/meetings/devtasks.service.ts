import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import { kpiDefinitionById, type KpiId } from '../../../shared/kpi.js';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import {
  developmentTaskMilestones,
  developmentTaskNotes,
  developmentTaskProviders,
  developmentTasks,
  providers,
} from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { computeKpis, kpiPeriods } from '../monitoring/index.js';
import type { TaskStatus, ZTask, ZTaskCreate, ZTaskUpdate } from './devtasks.schema.js';
import { getMeetingSettings } from './meetings.service.js';

type TaskRow = typeof developmentTasks.$inferSelect;
export type DevelopmentTask = z.infer<typeof ZTask>;
const closed = (status: string) => status !== 'active';

/**
 * A task as the actor may see it: 404 outside its regions; an aanbieder only a task its provider works on (403
 * otherwise, as for any other provider's object).
 */
async function loadTask(db: Db, actor: Actor, id: string): Promise<TaskRow> {
  const [row] = await db.select().from(developmentTasks).where(eq(developmentTasks.id, id));
  if (!row || !actor.regionIds.includes(row.regionId))
    throw new AppError(ErrorCode.NotFound, 'Deze ontwikkelopgave bestaat niet.');
  if (actor.role === 'aanbieder') {
    const [member] = actor.providerId
      ? await db
          .select()
          .from(developmentTaskProviders)
          .where(
            and(eq(developmentTaskProviders.taskId, id), eq(developmentTaskProviders.providerId, actor.providerId)),
          )
      : [];
    if (!member) throw new AppError(ErrorCode.Forbidden, 'Uw organisatie werkt niet aan deze ontwikkelopgave.');
  }
  return row;
}

/** A theme of the region's transformatietafels and providers that exist. */
async function checkTask(db: Db, regionId: string, t: { theme: string; providerIds: string[] }) {
  const { themes } = await getMeetingSettings(db, regionId);
  if (!themes.includes(t.theme)) throw fieldError('theme', `Thema: kies een thema van de regio (${themes.join(', ')})`);
  const ids = [...new Set(t.providerIds)];
  const found = ids.length
    ? await db.select({ id: providers.id }).from(providers).where(inArray(providers.id, ids))
    : [];
  if (found.length !== ids.length) throw fieldError('providerIds', 'Deelnemers: onbekende aanbieder');
  return ids;
}

export async function createTask(db: Db, actor: Actor, input: z.infer<typeof ZTaskCreate>) {
  const ids = await checkTask(db, input.regionId, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(developmentTasks)
      .values({
        regionId: input.regionId,
        theme: input.theme,
        title: input.title,
        goal: input.goal,
        measure: input.measure,
        kpiId: input.kpiId ?? null,
        regionMembers: input.regionMembers.map((m) => ({ name: m.name, email: m.email ?? null })),
      })
      .returning();
    const taskId = row!.id;
    if (ids.length) await tx.insert(developmentTaskProviders).values(ids.map((providerId) => ({ taskId, providerId })));
    if (input.milestones.length)
      await tx.insert(developmentTaskMilestones).values(input.milestones.map((m) => ({ taskId, ...m })));
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'development-task',
      entityId: taskId,
      regionId: input.regionId,
      after: { title: input.title, theme: input.theme, kpiId: input.kpiId ?? null, providerIds: ids },
      label: input.title,
    });
    return taskId;
  });
  return getTask(db, actor, id);
}

export async function updateTask(db: Db, actor: Actor, id: string, input: z.infer<typeof ZTaskUpdate>) {
  const before = await loadTask(db, actor, id);
  const current = await db
    .select({ id: developmentTaskProviders.providerId })
    .from(developmentTaskProviders)
    .where(eq(developmentTaskProviders.taskId, id));
  const ids = await checkTask(db, before.regionId, {
    theme: input.theme ?? before.theme,
    providerIds: input.providerIds ?? current.map((c) => c.id),
  });
  await db.transaction(async (tx) => {
    await tx
      .update(developmentTasks)
      .set({
        ...(input.theme !== undefined && { theme: input.theme }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.goal !== undefined && { goal: input.goal }),
        ...(input.measure !== undefined && { measure: input.measure }),
        ...(input.kpiId !== undefined && { kpiId: input.kpiId }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.regionMembers !== undefined && {
          regionMembers: input.regionMembers.map((m) => ({ name: m.name, email: m.email ?? null })),
        }),
        updatedAt: new Date(),
      })
      .where(eq(developmentTasks.id, id));
    if (input.providerIds !== undefined) {
      await tx.delete(developmentTaskProviders).where(eq(developmentTaskProviders.taskId, id));
      if (ids.length)
        await tx.insert(developmentTaskProviders).values(ids.map((providerId) => ({ taskId: id, providerId })));
    }
    if (input.milestones !== undefined) {
      await tx.delete(developmentTaskMilestones).where(eq(developmentTaskMilestones.taskId, id));
      if (input.milestones.length)
        await tx.insert(developmentTaskMilestones).values(input.milestones.map((m) => ({ taskId: id, ...m })));
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'development-task',
      entityId: id,
      regionId: before.regionId,
      before: { title: before.title, status: before.status, kpiId: before.kpiId },
      after: { status: input.status ?? before.status, changed: Object.keys(input) },
      label: input.title ?? before.title,
    });
  });
  return getTask(db, actor, id);
}

/** A dated progress note by the region or a member provider; a closed task takes none (409, nothing saved). */
export async function addTaskNote(db: Db, actor: Actor, id: string, input: { text: string; date?: string }) {
  const task = await loadTask(db, actor, id);
  if (closed(task.status))
    throw new AppError(
      ErrorCode.Conflict,
      `Deze ontwikkelopgave is ${task.status === 'completed' ? 'afgerond' : 'gestopt'}; er kunnen geen voortgangsnotities meer bij.`,
    );
  const noteDate = input.date ?? dutchToday();
  if (noteDate > dutchToday()) throw fieldError('date', 'Datum: een voortgangsnotitie gaat over vandaag of eerder');
  const providerId = actor.role === 'aanbieder' ? actor.providerId : null;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(developmentTaskNotes)
      .values({ taskId: id, noteDate, text: input.text, providerId, authorId: actor.id, authorName: actor.name })
      .returning();
    await tx.update(developmentTasks).set({ updatedAt: new Date() }).where(eq(developmentTasks.id, id));
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'development-task',
      entityId: id,
      regionId: task.regionId,
      after: { note: row!.id, date: noteDate, providerId },
      label: task.title,
    });
  });
  return getTask(db, actor, id);
}

export async function getTask(db: Db, actor: Actor, id: string): Promise<DevelopmentTask> {
  const row = await loadTask(db, actor, id);
  const [task] = await presentTasks(db, [row]);
  return task!;
}

/** The region's tasks (of a theme, a status), or an aanbieder's: those its provider works on. */
export async function listTasks(
  db: Db,
  actor: Actor,
  opts: { regionId: string; theme?: string | undefined; status?: TaskStatus | undefined },
): Promise<DevelopmentTask[]> {
  const own = actor.role === 'aanbieder' ? (actor.providerId ?? '00000000-0000-0000-0000-000000000000') : null;
  const rows = await db
    .select()
    .from(developmentTasks)
    .where(
      and(
        eq(developmentTasks.regionId, opts.regionId),
        opts.theme ? eq(developmentTasks.theme, opts.theme) : undefined,
        opts.status ? eq(developmentTasks.status, opts.status) : undefined,
        own
          ? inArray(
              developmentTasks.id,
              db
                .select({ id: developmentTaskProviders.taskId })
                .from(developmentTaskProviders)
                .where(eq(developmentTaskProviders.providerId, own)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(developmentTasks.theme), asc(developmentTasks.title));
  return presentTasks(db, rows);
}

/**
 * The region's current value of each linked KPI: the published figure (rounded, small numbers suppressed) of the last
 * complete quarter, the same as the dashboard shows to anyone, so a member provider may read it beside the task.
 */
async function regionValues(db: Db, regionId: string, ids: KpiId[]) {
  const values = new Map<KpiId, NonNullable<DevelopmentTask['kpi']>['regionValue']>();
  if (!ids.length) return values;
  const { defaultPeriod } = await kpiPeriods(db, regionId);
  const response = await computeKpis(db, { regionId, period: defaultPeriod, kpis: ids, groupBy: 'region' });
  for (const r of response.data)
    values.set(r.kpi.id, {
      value: r.total.value,
      suppressed: r.total.suppressed,
      period: response.period.label,
      provisional: response.period.provisional ?? false,
    });
  return values;
}

async function presentTasks(db: Db, rows: TaskRow[]): Promise<DevelopmentTask[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [members, milestones, notes] = await Promise.all([
    db
      .select({ taskId: developmentTaskProviders.taskId, id: providers.id, name: providers.name })
      .from(developmentTaskProviders)
      .innerJoin(providers, eq(providers.id, developmentTaskProviders.providerId))
      .where(inArray(developmentTaskProviders.taskId, ids))
      .orderBy(asc(providers.name)),
    db
      .select()
      .from(developmentTaskMilestones)
      .where(inArray(developmentTaskMilestones.taskId, ids))
      .orderBy(asc(developmentTaskMilestones.dueDate), asc(developmentTaskMilestones.title)),
    db
      .select({ note: developmentTaskNotes, providerName: providers.name })
      .from(developmentTaskNotes)
      .leftJoin(providers, eq(providers.id, developmentTaskNotes.providerId))
      .where(inArray(developmentTaskNotes.taskId, ids))
      .orderBy(desc(developmentTaskNotes.noteDate), desc(developmentTaskNotes.createdAt)),
  ]);
  const kpiIds = [
    ...new Set(rows.map((r) => r.kpiId).filter((k): k is KpiId => !!k && kpiDefinitionById.has(k as KpiId))),
  ];
  const values = await regionValues(db, rows[0]!.regionId, kpiIds);
  const today = dutchToday();
  return rows.map((t) => {
    const def = t.kpiId ? kpiDefinitionById.get(t.kpiId as KpiId) : undefined;
    return {
      id: t.id,
      regionId: t.regionId,
      theme: t.theme,
      title: t.title,
      goal: t.goal,
      measure: t.measure,
      status: t.status as TaskStatus,
      kpi: def ? { id: def.id, name: def.name, unit: def.unit, regionValue: values.get(def.id) ?? null } : null,
      regionMembers: t.regionMembers,
      providers: members.filter((m) => m.taskId === t.id).map((m) => ({ id: m.id, name: m.name })),
      milestones: milestones
        .filter((m) => m.taskId === t.id)
        .map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          done: m.done,
          overdue: !m.done && m.dueDate < today,
        })),
      notes: notes
        .filter((n) => n.note.taskId === t.id)
        .map(({ note, providerName }) => ({
          id: note.id,
          date: note.noteDate,
          text: note.text,
          providerId: note.providerId,
          providerName,
          authorName: note.authorName,
          createdAt: note.createdAt.toISOString(),
        })),
      updatedAt: t.updatedAt.toISOString(),
    };
  });
}

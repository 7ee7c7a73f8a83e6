import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { providers, regions } from './landscape.js';

/**
 * A region's settings for its meetings with providers: the themes of its transformatietafels and how many days invited
 * providers have to comment on draft minutes. A region without a row uses the defaults (docs/decisions.md, "Meetings").
 */
export const meetingSettings = pgTable(
  'meeting_settings',
  {
    regionId: uuid()
      .primaryKey()
      .references(() => regions.id),
    themes: jsonb().$type<string[]>().notNull(),
    commentDays: integer().notNull().default(7),
    /** Sessions per transformatietafel theme a year, for the year planner. */
    themeSessionsPerYear: integer().notNull().default(4),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('meeting_settings_comment_days', sql`${t.commentDays} between 1 and 60`),
    check('meeting_settings_theme_sessions', sql`${t.themeSessionsPerYear} between 0 and 12`),
  ],
);

export interface AgendaItem {
  title: string;
  /** What the providers are asked to send with this item (a figure, a plan), requested with the agenda. */
  documentsRequested: string[];
}
export interface Invitee {
  name: string;
  email: string | null;
  side: 'region' | 'provider';
  providerId: string | null;
  /** Null until the meeting is held. */
  attended: boolean | null;
}
/** An escalated case, by the pseudonymised reference the region keeps for it: never a name or BSN. */
export interface Escalation {
  reference: string;
  summary: string;
}

/**
 * A meeting of the supplier-management cycle: bestuurlijk gesprek, accountgesprek, overlegtafel or transformatietafel.
 * Its minutes go from none to a draft that invited providers may comment on until `commentUntil`, then to final.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    type: text().notNull(),
    theme: text(),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    location: text(),
    status: text().notNull().default('planned'),
    agenda: jsonb().$type<AgendaItem[]>().notNull().default([]),
    invitees: jsonb().$type<Invitee[]>().notNull().default([]),
    decisions: jsonb().$type<string[]>().notNull().default([]),
    escalations: jsonb().$type<Escalation[]>().notNull().default([]),
    minutes: text(),
    minutesStatus: text().notNull().default('none'),
    commentUntil: timestamp({ withTimezone: true }),
    finalisedAt: timestamp({ withTimezone: true }),
    /** The year planner's proposal this meeting was planned from, so a proposal is accepted once. */
    proposalKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_region_start').on(t.regionId, t.startsAt),
    unique('meetings_proposal').on(t.regionId, t.proposalKey),
    check('meetings_type', sql`${t.type} in ('bestuurlijk', 'accountgesprek', 'overlegtafel', 'transformatietafel')`),
    check('meetings_status', sql`${t.status} in ('planned', 'held', 'cancelled')`),
    check('meetings_minutes_status', sql`${t.minutesStatus} in ('none', 'draft', 'final')`),
    check('meetings_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The providers a meeting is with: they see it, its final minutes and the draft open for their comments. */
export const meetingProviders = pgTable(
  'meeting_providers',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.providerId] }), index('meeting_providers_provider').on(t.providerId)],
);

/** A comment on draft minutes, by an invited provider (or the region) while the window is open. */
export const meetingComments = pgTable(
  'meeting_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The provider the author spoke for; null for the region's own people. */
    providerId: uuid().references(() => providers.id),
    authorId: uuid().references(() => users.id),
    authorName: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_comments_meeting').on(t.meetingId, t.createdAt)],
);

/** An action item agreed in a meeting, owned by the region or one provider, with a due date and a status. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    title: text().notNull(),
    ownerSide: text().notNull(),
    ownerProviderId: uuid().references(() => providers.id),
    /** The person at the owner who takes it up, as a name (free text; the owner is the side or provider). */
    ownerName: text(),
    dueDate: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('open'),
    note: text(),
    doneAt: timestamp({ withTimezone: true }),
    doneByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_actions_region_due').on(t.regionId, t.status, t.dueDate),
    index('meeting_actions_provider').on(t.ownerProviderId),
    check('meeting_actions_owner_side', sql`${t.ownerSide} in ('region', 'provider')`),
    check('meeting_actions_provider_owner', sql`(${t.ownerSide} = 'provider') = (${t.ownerProviderId} is not null)`),
    check('meeting_actions_status', sql`${t.status} in ('open', 'done')`),
  ],
);

/** A person of the region on a development task (by name, as meeting invitees are). */
export interface TaskRegionMember {
  name: string;
  email: string | null;
}

/**
 * A development task (ontwikkelopgave) of a transformatietafel theme: its goal, how progress is measured (optionally a
 * KPI of the steering information, by id), the region's people on it and its status. Providers are members through
 * `development_task_providers`; closed tasks (completed, stopped) take no more progress notes.
 */
export const developmentTasks = pgTable(
  'development_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    theme: text().notNull(),
    title: text().notNull(),
    goal: text().notNull(),
    measure: text().notNull(),
    /** A KPI id of the steering information (src/shared/kpi.ts) the measure follows; null when none fits. */
    kpiId: text(),
    status: text().notNull().default('active'),
    regionMembers: jsonb().$type<TaskRegionMember[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('development_tasks_region_theme').on(t.regionId, t.theme),
    check('development_tasks_status', sql`${t.status} in ('active', 'completed', 'stopped')`),
  ],
);

/** The providers working on a development task: they see it and add progress notes. */
export const developmentTaskProviders = pgTable(
  'development_task_providers',
  {
    taskId: uuid()
      .notNull()
      .references(() => developmentTasks.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.providerId] }),
    index('development_task_providers_provider').on(t.providerId),
  ],
);

/** A milestone of a development task: what, by when, and whether it is done. */
export const developmentTaskMilestones = pgTable(
  'development_task_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => developmentTasks.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    done: boolean().notNull().default(false),
  },
  (t) => [index('development_task_milestones_task').on(t.taskId, t.dueDate)],
);

/** A dated progress note on a development task, by a person of the region or of a member provider. */
export const developmentTaskNotes = pgTable(
  'development_task_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => developmentTasks.id, { onDelete: 'cascade' }),
    noteDate: date({ mode: 'string' }).notNull(),
    text: text().notNull(),
    /** The provider the author wrote for; null for the region's own people. */
    providerId: uuid().references(() => providers.id),
    authorId: uuid().references(() => users.id),
    authorName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('development_task_notes_task').on(t.taskId, t.noteDate)],
);

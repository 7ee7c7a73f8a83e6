import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providers, regions } from './landscape.js';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text().notNull(),
    providerId: uuid().references(() => providers.id),
    /** The region the user works in; null for a beheerder is the installation's keeper (every region). */
    regionId: uuid().references(() => regions.id),
    passwordHash: text(),
    oidcSubject: text().unique(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role', sql`${t.role} in ('beheerder', 'contractmanager', 'beleid', 'verwijzer', 'aanbieder')`),
    check('users_provider_bound', sql`(${t.role} = 'aanbieder') = (${t.providerId} is not null)`),
  ],
);

/** Server-side sessions; only a SHA-256 hash of the token is stored, so a database leak yields no live session. */
export const sessions = pgTable('sessions', {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id),
    userEmail: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    /** A readable name of the object at the time of the event ("Jeugdhulp De Lekoever", "C-2026-01"); null if none. */
    label: text(),
    /** The region of the object the event is about; null for installation-wide data (providers) and unknown homes. */
    regionId: uuid().references(() => regions.id),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    check('audit_events_action', sql`${t.action} in ('create', 'update', 'delete', 'read')`),
    index('audit_events_region').on(t.regionId),
    index('audit_events_object').on(t.entity, t.entityId),
    index('audit_events_user').on(t.userId),
  ],
);

/**
 * One-time links with which the holder sets a new password (a beheerder's reset). Only a SHA-256 hash of the token is
 * stored; a link expires, is used once, and a newer link for the same account replaces it.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** When the link was used, or replaced by a newer one: it then answers 410. */
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('password_resets_user').on(t.userId)],
);

import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { municipalities, products, providers, regions } from './landscape.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A version of a questionnaire of the Ervaringwijzer (client experience), per region and audience (jongere, ouder).
 * Never changed: the region changes its questions by adding a version, so every answer keeps the questions it answered.
 */
export const experienceQuestionnaires = pgTable(
  'experience_questionnaires',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    audience: text().notNull(),
    version: integer().notNull(),
    /** ExperienceQuestion[] (src/shared/experience.ts). */
    questions: jsonb().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('experience_questionnaires_version').on(t.regionId, t.audience, t.version),
    check('experience_questionnaires_audience', sql`${t.audience} in ('jongere', 'ouder')`),
  ],
);

/**
 * A batch of one-time invitations for one provider and product, made by number or from the trajectories that ended
 * in a period. The tokens derive from `seedEncrypted` (a random key, encrypted with the installation's key), so the
 * batch can be downloaded again; the database alone holds no token, only their hashes. The demo's batches have no
 * seed (null): they have no links, and their token hashes belong to no token (docs/decisions.md).
 */
export const experienceBatches = pgTable(
  'experience_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    questionnaireId: uuid()
      .notNull()
      .references(() => experienceQuestionnaires.id),
    /** 'count' (by number) or 'ended' (the youths whose care ended in [endedFrom, endedTo]). */
    source: text().notNull(),
    endedFrom: date({ mode: 'string' }),
    endedTo: date({ mode: 'string' }),
    /** Known when every youth of an 'ended' batch was the care of one municipality; a batch by number knows none. */
    municipalityId: uuid().references(() => municipalities.id),
    size: integer().notNull(),
    seedEncrypted: bytea(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('experience_batches_region').on(t.regionId, t.createdAt),
    check('experience_batches_source', sql`${t.source} in ('count', 'ended')`),
    check('experience_batches_size', sql`${t.size} between 1 and 2000`),
  ],
);

/**
 * One invitation: only the SHA-256 of its token. Used once: `usedMonth` (the first day of the month it was used, no
 * day or time, as the answer has it) and the hash of the device's submission id, so the same submission sent again is
 * told it arrived.
 */
export const experienceTokens = pgTable(
  'experience_tokens',
  {
    tokenHash: text().primaryKey(),
    batchId: uuid()
      .notNull()
      .references(() => experienceBatches.id),
    usedMonth: date({ mode: 'string' }),
    submissionHash: text(),
  },
  (t) => [index('experience_tokens_batch').on(t.batchId)],
);

/**
 * An answered questionnaire: no token, no batch, no client, no address, only the month. What it is about (region,
 * provider, product) is copied from its batch; `effectScore` repeats the 1–10 mark for the satisfaction KPI.
 */
export const experienceResponses = pgTable(
  'experience_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    questionnaireId: uuid()
      .notNull()
      .references(() => experienceQuestionnaires.id),
    /** The first day of the month it came in: no day, no time, so an answer cannot be matched to its token's batch. */
    submittedMonth: date({ mode: 'string' }).notNull(),
    language: text().notNull(),
    /** The closed answers by question key: 1–5 (smiley) or 1–10 (score). */
    answers: jsonb().notNull(),
    effectScore: smallint(),
    /** The batch's municipality, when it knew one (results per municipality); null: unknown. */
    municipalityId: uuid().references(() => municipalities.id),
    /**
     * The open answer: as written while `openState` is 'pending' (shown to the contract manager alone), the moderated
     * text once 'published', and nothing once 'rejected'. Moderation overwrites what was written; it keeps no
     * time with the answer (the audit log has who decided).
     */
    openText: text(),
    openState: text(),
  },
  (t) => [
    index('experience_responses_region').on(t.regionId, t.submittedMonth),
    check('experience_responses_effect', sql`${t.effectScore} is null or ${t.effectScore} between 1 and 10`),
    check('experience_responses_language', sql`${t.language} in ('nl', 'en')`),
    check('experience_responses_open', sql`char_length(${t.openText}) <= 2000`),
    check('experience_responses_open_state', sql`${t.openState} in ('pending', 'published', 'rejected')`),
    index('experience_responses_pending')
      .on(t.regionId)
      .where(sql`${t.openState} = 'pending'`),
  ],
);

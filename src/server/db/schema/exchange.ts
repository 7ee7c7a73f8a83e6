import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access.js';

/** Raw bytes (AES-256-GCM ciphertext): files and retour messages hold BSNs, so they are never stored in clear. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** Every received iJw file, accepted or rejected (quarantine), with its reasons and encrypted retour message. */
export const ijwFiles = pgTable(
  'ijw_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    messageType: text(),
    sender: text(),
    receiver: text(),
    messageId: text(),
    messageDate: date({ mode: 'string' }),
    status: text().notNull(),
    recordCount: integer().notNull().default(0),
    reasons: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The full retour of a rejected file (it echoes classes that hold BSNs), encrypted. */
    retourEncrypted: bytea(),
    /**
     * For an accepted message the retour is only its header (IV028), which holds no personal data: the header is kept
     * with the retour's identification, and the XML is built when someone downloads it.
     */
    retourHeader: jsonb(),
    retourId: text(),
    retourDate: date({ mode: 'string' }),
    contentEncrypted: bytea(),
    /**
     * A large original is kept in parts (ijw_file_original_parts under this id) instead of in contentEncrypted: each
     * part is written in its own statement, so PGlite, which runs on the thread that answers requests, is never held
     * by one file for seconds.
     */
    contentParts: uuid(),
    /** How the original was packed before it was encrypted: 'gzip', or null for an original kept as it came (older rows). */
    contentEncoding: text(),
    importedBy: uuid().references(() => users.id),
    /**
     * How a rejected file is being dealt with: open, handled (by a person, with a note) or resolved (the same message,
     * by sender, type and identification, was accepted later). Null for accepted files.
     */
    quarantineState: text(),
    handlingNote: text(),
    handledBy: uuid().references(() => users.id),
    handledAt: timestamp({ withTimezone: true }),
    /** The accepted file that resolved this entry. */
    resolvedBy: uuid(),
  },
  (t) => [
    check('ijw_files_status', sql`${t.status} in ('accepted', 'rejected')`),
    check(
      'ijw_files_quarantine_state',
      sql`(${t.status} = 'rejected') = (${t.quarantineState} is not null) and ${t.quarantineState} in ('open', 'handled', 'resolved')`,
    ),
    uniqueIndex('ijw_files_message_identity')
      .on(t.messageType, t.sender, t.messageId)
      .where(sql`${t.status} = 'accepted'`),
    check('ijw_files_one_original', sql`${t.contentEncrypted} is null or ${t.contentParts} is null`),
    index('ijw_files_received').on(t.receivedAt),
    index('ijw_files_content_parts')
      .on(t.contentParts)
      .where(sql`${t.contentParts} is not null`),
    /** A file rejected again is recognised by its bytes, so the quarantine keeps one entry for it. */
    index('ijw_files_quarantined_sha256')
      .on(t.sha256)
      .where(sql`${t.status} = 'rejected'`),
    /** An accepted message finds the open quarantine entries of the same message to resolve them. */
    index('ijw_files_quarantined_identity')
      .on(t.messageType, t.sender, t.messageId)
      .where(sql`${t.status} = 'rejected'`),
  ],
);

/**
 * The parts of a large rejected original (gzipped, then encrypted, then cut), in order. Parts are written before the
 * file's row; parts that no row refers to a day later were left by a crash and are swept (sweepOriginalParts).
 */
export const ijwFileOriginalParts = pgTable(
  'ijw_file_original_parts',
  {
    originalId: uuid().notNull(),
    seq: integer().notNull(),
    bytes: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.originalId, t.seq] })],
);

/** A client known only by a keyed pseudonym of the BSN (HMAC-SHA-256 with the installation's secret). */
export const ijwClients = pgTable('ijw_clients', {
  pseudonym: text().primaryKey(),
  birthYear: integer(),
  /** The month of the Geboortedatum (1–12), never its day: the age on a month's last day needs no more (docs/kpi.md). */
  birthMonth: smallint(),
});

/** JW315 verzoek om toewijzing and JW317 verzoek om wijziging. */
export const ijwRequests = pgTable(
  'ijw_requests',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    kind: text().notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    clientPseudonym: text().notNull(),
    requestDate: date({ mode: 'string' }).notNull(),
    providerReference: text(),
    allocationNumber: text(),
    productCategory: text(),
    productCode: text(),
    requestedStart: date({ mode: 'string' }),
    requestedEnd: date({ mode: 'string' }),
    volume: integer(),
    unit: text(),
    frequency: text(),
    referrerType: text(),
  },
  (t) => [index('ijw_requests_reference').on(t.providerReference)],
);

/** JW319 antwoordbericht: the municipality honours or refuses a request. */
export const ijwAnswers = pgTable(
  'ijw_answers',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    clientPseudonym: text().notNull(),
    answerDate: date({ mode: 'string' }).notNull(),
    requestReference: text(),
    honoured: text().notNull(),
    refusalReason: text(),
  },
  (t) => [index('ijw_answers_reference').on(t.municipalityCode, t.providerAgb, t.requestReference)],
);

/** JW301 toegewezen product; a later JW301 for the same number replaces it (change or withdrawal). */
export const ijwAllocations = pgTable(
  'ijw_allocations',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    allocationNumber: text().notNull(),
    clientPseudonym: text().notNull(),
    providerReference: text(),
    productCategory: text(),
    productCode: text(),
    allocationDate: date({ mode: 'string' }).notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    volume: integer(),
    unit: text(),
    frequency: text(),
    budgetCents: bigint({ mode: 'number' }),
    changeReason: text(),
  },
  (t) => [
    uniqueIndex('ijw_allocations_number').on(t.municipalityCode, t.allocationNumber),
    // A request imported after its allocation finds the allocation to link to (store.ts).
    index('ijw_allocations_reference')
      .on(t.municipalityCode, t.providerAgb, t.providerReference)
      .where(sql`${t.providerReference} is not null`),
  ],
);

/** JW305 start zorg and JW307 stop zorg, one row per product line. */
export const ijwDeliveries = pgTable(
  'ijw_deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    kind: text().notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    clientPseudonym: text().notNull(),
    allocationNumber: text(),
    productCategory: text(),
    productCode: text(),
    allocationStartDate: date({ mode: 'string' }),
    date: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    endReason: text(),
  },
  (t) => [
    check('ijw_deliveries_kind', sql`${t.kind} in ('start', 'stop')`),
    /** Allocation numbers are unique per municipality only (each numbers its own). */
    index('ijw_deliveries_allocation').on(t.municipalityCode, t.allocationNumber),
    /** Taakgericht starts and stops (no allocation) are found by client; the others never are. */
    index('ijw_deliveries_client')
      .on(t.clientPseudonym)
      .where(sql`${t.allocationNumber} is null`),
  ],
);

/** JW323 declaratie header and its lines (one per Prestatie). */
export const ijwDeclarations = pgTable(
  'ijw_declarations',
  {
    id: uuid().primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    declarationNumber: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    totalCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('ijw_declarations_provider').on(t.providerAgb, t.declarationNumber)],
);

export const ijwDeclarationLines = pgTable(
  'ijw_declaration_lines',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    declarationId: uuid()
      .notNull()
      .references(() => ijwDeclarations.id),
    municipalityCode: text().notNull(),
    clientPseudonym: text().notNull(),
    allocationNumber: text().notNull(),
    productCategory: text().notNull(),
    productCode: text(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    volume: integer().notNull(),
    unit: text().notNull(),
    tariffCents: bigint({ mode: 'number' }),
    /** Negative for a credit line, so a sum gives the net amount. */
    amountCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('ijw_declaration_lines_allocation').on(t.municipalityCode, t.allocationNumber),
    /** Spend per period reads the lines of that period only. */
    index('ijw_declaration_lines_period').on(t.periodStart),
  ],
);

/**
 * One row per care trajectory: an allocation (or, for taakgericht care, a start keyed on product and start date)
 * with the request before it, its start and stop, and what was declared. Rebuilt for the keys each import touches.
 */
export const ijwTrajectories = pgTable(
  'ijw_trajectories',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    trajectoryKey: text().notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    clientPseudonym: text().notNull(),
    birthYear: integer(),
    birthMonth: smallint(),
    allocationNumber: text(),
    productCategory: text(),
    productCode: text(),
    referrerType: text(),
    requestDate: date({ mode: 'string' }),
    allocationDate: date({ mode: 'string' }),
    allocationStart: date({ mode: 'string' }),
    allocationEnd: date({ mode: 'string' }),
    volume: integer(),
    unit: text(),
    frequency: text(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    endReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ijw_trajectories_key').on(t.trajectoryKey),
    index('ijw_trajectories_provider').on(t.providerAgb, t.startDate),
    index('ijw_trajectories_municipality').on(t.municipalityCode, t.startDate),
    /** The KPI facts follow the trajectories changed since their last refresh. */
    index('ijw_trajectories_updated').on(t.updatedAt),
  ],
);

/**
 * Trajectories an import deleted (a withdrawn taakgericht start), with when: what follows the trajectories by
 * `updated_at` (the KPI facts) learns of a deletion here, without comparing whole tables. Rare, and never removed.
 */
export const ijwTrajectoryTombstones = pgTable(
  'ijw_trajectory_tombstones',
  {
    trajectoryId: bigint({ mode: 'number' }).notNull(),
    deletedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ijw_trajectory_tombstones_deleted').on(t.deletedAt)],
);

/** Retour messages the parties sent each other, with the codes they gave the original message. */
export const ijwReceivedRetours = pgTable(
  'ijw_received_retours',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => ijwFiles.id),
    retourType: text().notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    originalMessageId: text().notNull(),
    retourDate: date({ mode: 'string' }).notNull(),
    codes: jsonb().notNull(),
  },
  (t) => [index('ijw_received_retours_original').on(t.originalMessageId)],
);

import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../db/client.js';
import { ijwFiles, ijwTrajectories, municipalities, providers, users } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { inOwnRegions, providerScope } from '../../http/permission.js';
import { isInstallationKeeper, type Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import { unpackDeclaratie, unpackHeader } from './header-store.js';
import { buildRetour, isHeenType } from './retour/build-retour.js';
import { messageNs } from './retour/types.js';
import type { Secrets } from '../../security/secrets.js';
import { declaredCents } from './trajectories.js';
import { plainMessage, ruleText } from './plain-reasons.js';
import { openOriginal } from './write-batch.js';
import { sortOrder } from '../../http/sorting.js';

export type QuarantineState = 'open' | 'handled' | 'resolved';

/** What a list of files (or the quarantine's groups and retours) is narrowed to. */
export interface FileFilters {
  status?: 'accepted' | 'rejected' | undefined;
  messageType?: string | undefined;
  sender?: string | undefined;
  /** A rule (XSD, TR019, …): files with at least one reason of that rule. */
  reason?: string | undefined;
  /** Received on or after / on or before these days (Dutch time). */
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  quarantineState?: QuarantineState | undefined;
}

export interface FileQuery extends FileFilters {
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

/** The columns the file list sorts by (`sort`); newest first without one. */
export const fileSortKeys = ['receivedAt', 'fileName', 'messageType', 'sender', 'records'] as const;
const fileSortColumns = {
  receivedAt: ijwFiles.receivedAt,
  fileName: ijwFiles.fileName,
  messageType: ijwFiles.messageType,
  sender: ijwFiles.sender,
  records: ijwFiles.recordCount,
};

/**
 * The region a file belongs to: that of the municipality that sent or received it; for a file that names none (too
 * broken to read, or a municipality outside every region) that of the user who uploaded it. Null when neither is
 * known: such a file is the installation keeper's alone (docs/decisions.md).
 */
const fileRegion = sql<string | null>`coalesce(
  (select ${municipalities.regionId} from ${municipalities}
    where ${municipalities.cbsCode} in (${ijwFiles.sender}, ${ijwFiles.receiver}) limit 1),
  (select ${users.regionId} from ${users} where ${users.id} = ${ijwFiles.importedBy}))`;

/** Files of the actor's regions; the keeper also sees the files that belong to no region. */
export function filesInScope(actor: Actor): SQL | undefined {
  if (isInstallationKeeper(actor)) return undefined;
  return actor.regionIds.length ? inArray(fileRegion, actor.regionIds) : sql`false`;
}

/** The name of the person who marked a quarantined file handled. */
const handlerName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${ijwFiles.handledBy})`;

/**
 * The conditions of a file filter within the actor's scope. Days are Dutch days: a file received at 00:30 on 2 March
 * in Utrecht is one of 2 March.
 */
export function fileConditions(actor: Actor, query: FileFilters, skip?: 'reason'): SQL | undefined {
  const scope = filesInScope(actor);
  const filters: SQL[] = scope ? [scope] : [];
  if (query.status) filters.push(eq(ijwFiles.status, query.status));
  if (query.messageType) filters.push(eq(ijwFiles.messageType, query.messageType));
  if (query.sender) filters.push(eq(ijwFiles.sender, query.sender));
  if (query.reason && skip !== 'reason')
    filters.push(sql`${ijwFiles.reasons} @> ${JSON.stringify([{ rule: query.reason }])}::jsonb`);
  if (query.receivedFrom)
    filters.push(
      sql`${ijwFiles.receivedAt} >= (${query.receivedFrom}::date::timestamp at time zone 'Europe/Amsterdam')`,
    );
  if (query.receivedTo)
    filters.push(
      sql`${ijwFiles.receivedAt} < ((${query.receivedTo}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`,
    );
  if (query.quarantineState) filters.push(eq(ijwFiles.quarantineState, query.quarantineState));
  return filters.length ? and(...filters) : undefined;
}

/** One file with its region, if the actor may see it; another region's file is as unknown as a missing one. */
export async function fileOf(db: Db, actor: Actor, id: string) {
  const [found] = await db
    .select({ row: ijwFiles, regionId: fileRegion, handler: handlerName })
    .from(ijwFiles)
    .where(and(eq(ijwFiles.id, id), filesInScope(actor)));
  return found;
}

/** Import history of the actor's regions, newest first; rejected files are the quarantine. */
export async function listImportedFiles(db: Db, actor: Actor, query: FileQuery) {
  const where = fileConditions(actor, query);
  const [rows, [total]] = await runInOrder([
    db
      .select({ row: ijwFiles, handler: handlerName })
      .from(ijwFiles)
      .where(where)
      .orderBy(
        ...sortOrder(query.sort, fileSortColumns, [
          desc(ijwFiles.receivedAt),
          asc(ijwFiles.fileName),
          asc(ijwFiles.id),
        ]),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(ijwFiles).where(where),
  ]);
  return { items: rows.map((r) => presentFile(r.row, r.handler)), total: Number(total?.n ?? 0) };
}

export async function getImportedFile(db: Db, actor: Actor, id: string) {
  const found = await fileOf(db, actor, id);
  if (!found) throw new AppError(ErrorCode.NotFound, 'Dit bestand is niet bekend.');
  return presentFile(found.row, found.handler);
}

/** The original of a quarantined file (it holds BSNs): decrypted on request, and the access is logged. */
export async function readQuarantinedFile(
  db: Db,
  secrets: Secrets,
  actor: Actor,
  id: string,
): Promise<{ name: string; bytes: Buffer }> {
  const found = await fileOf(db, actor, id);
  const row = found?.row;
  if (!row?.contentEncrypted && !row?.contentParts)
    throw new AppError(ErrorCode.NotFound, 'Van dit bestand is geen origineel bewaard (alleen afgekeurde bestanden).');
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'ijw-file',
    entityId: id,
    regionId: found!.regionId,
    after: { fileName: row.fileName },
  });
  return {
    name: row.fileName.split('/').pop()!,
    bytes: await openOriginal(db, secrets, row),
  };
}

/**
 * The retour message for a file: decrypted for a rejected file, built from the kept header for an accepted one
 * (a positive retour is the header alone). The access is logged.
 */
export async function readRetourMessage(
  db: Db,
  secrets: Secrets,
  actor: Actor,
  id: string,
): Promise<{ name: string; bytes: Buffer }> {
  const found = await fileOf(db, actor, id);
  const row = found?.row;
  const bytes = row ? retourBytes(row, secrets) : null;
  if (!row || !bytes) throw new AppError(ErrorCode.NotFound, 'Voor dit bestand is geen retourbericht gemaakt.');
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'ijw-retour',
    entityId: id,
    regionId: found!.regionId,
    after: { fileName: row.fileName },
  });
  return { name: retourName(row), bytes };
}

/** A retour the export could not make: the file it answers and why (the other retours are written regardless). */
export interface RetourExportFailure {
  fileId: string;
  fileName: string;
  problem: string;
}

/**
 * Every retour message of the files received in [from, to] (dates, both optional), oldest first, for the region's
 * message software to send back; in pages, so a year of files never sits in memory. One audit event for the export.
 * A retour that cannot be made or written is reported in `failed` and skipped: one bad file never keeps the others
 * from being answered.
 */
export async function exportRetourMessages(
  db: Db,
  secrets: Secrets,
  actor: Actor | null,
  range: { from?: string; to?: string },
  write: (name: string, bytes: Buffer) => Promise<void>,
): Promise<{ written: number; failed: RetourExportFailure[] }> {
  const filters: SQL[] = [or(sql`${ijwFiles.retourEncrypted} is not null`, sql`${ijwFiles.retourHeader} is not null`)!];
  if (range.from) filters.push(gte(ijwFiles.receivedAt, new Date(`${range.from}T00:00:00Z`)));
  if (range.to) filters.push(lte(ijwFiles.receivedAt, new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000 - 1)));
  let written = 0;
  const failed: RetourExportFailure[] = [];
  for (let page = 0; ; page++) {
    const rows = await db
      .select()
      .from(ijwFiles)
      .where(and(...filters))
      .orderBy(asc(ijwFiles.receivedAt), asc(ijwFiles.id))
      .limit(1000)
      .offset(page * 1000);
    for (const row of rows) {
      try {
        const bytes = retourBytes(row, secrets);
        if (!bytes) continue;
        // The whole id: its first characters are a timestamp (UUIDv7), shared by the files of a minute.
        await write(`${row.id}-${retourName(row)}`, bytes);
        written += 1;
      } catch (e) {
        failed.push({ fileId: row.id, fileName: row.fileName, problem: (e as Error).message.slice(0, 300) });
      }
    }
    if (rows.length < 1000) break;
  }
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'ijw-retour',
    entityId: 'export',
    // The export runs over the whole installation (the CLI), so it belongs to no region.
    regionId: null,
    after: { ...range, files: written, failed: failed.length },
  });
  return { written, failed };
}

export function retourName(row: typeof ijwFiles.$inferSelect): string {
  return `retour-${row.fileName.split('/').pop()!}`;
}

/**
 * The stored retour of a rejected file, or the positive retour of an accepted one built from its kept header: the
 * header alone (IV028), or for a declaration the declaratie-antwoord that grants it in full (IV087: Header 0200,
 * DeclaratieAntwoord 8001 with TotaalToegekendBedrag = TotaalIngediendBedrag).
 */
export function retourBytes(row: typeof ijwFiles.$inferSelect, secrets: Secrets): Buffer | null {
  if (row.retourEncrypted) return secrets.decrypt(row.retourEncrypted);
  if (!row.retourHeader || !row.retourId || !row.retourDate || !row.messageType || !isHeenType(row.messageType))
    return null;
  const ns = messageNs(row.messageType);
  const body = row.messageType === 'JW323' ? unpackDeclaratie(row.retourHeader, ns) : undefined;
  const header = unpackHeader(row.retourHeader, ns, row);
  return Buffer.from(
    buildRetour({
      messageType: row.messageType,
      original: { name: 'Bericht', ns, children: body ? [header, body] : [header], text: '', line: 0 },
      codes: new Map(),
      retourIdentification: row.retourId,
      retourDate: row.retourDate,
    }),
    'utf8',
  );
}

/** A file as the API shows it: reasons in plain Dutch with what the sender should do, and how its quarantine stands. */
export function presentFile(r: typeof ijwFiles.$inferSelect, handler: string | null) {
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    messageType: r.messageType,
    sender: r.sender,
    receiver: r.receiver,
    messageId: r.messageId,
    messageDate: r.messageDate,
    status: r.status as 'accepted' | 'rejected',
    records: r.recordCount,
    reasons: (r.reasons as Array<{ code: string; rule: string; message: string }>).map((x) => ({
      code: x.code,
      rule: x.rule,
      message: plainMessage(x.rule, x.message),
      advice: ruleText(x.rule).advice,
    })),
    hasRetour: r.retourEncrypted !== null || r.retourHeader !== null,
    hasOriginal: r.contentEncrypted !== null || r.contentParts !== null,
    quarantine: r.quarantineState
      ? {
          state: r.quarantineState as QuarantineState,
          note: r.handlingNote,
          handledBy: handler,
          handledAt: r.handledAt?.toISOString() ?? null,
          resolvedBy: r.resolvedBy,
        }
      : null,
  };
}

export interface TrajectoryQuery {
  providerAgb?: string | undefined;
  municipalityCode?: string | undefined;
  productCategory?: string | undefined;
  productCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Reden beëindiging (JZ588), one or more codes separated by commas: only trajectories that ended with one of them. */
  endReason?: string | undefined;
  /** 'true': from and to bound the end date instead of selecting the trajectories that run in the period. */
  ended?: 'true' | 'false' | undefined;
  /** Only trajectories with an allocation, start, stop or declaration line from this file. */
  fileId?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

/** The columns the trajectory search sorts by (`sort`); latest start first without one. */
export const trajectorySortKeys = [
  'municipalityCode',
  'providerAgb',
  'productCode',
  'referrerType',
  'requestDate',
  'allocationStart',
  'startDate',
  'endDate',
  'endReason',
] as const;
const trajectorySortColumns = {
  municipalityCode: ijwTrajectories.municipalityCode,
  providerAgb: ijwTrajectories.providerAgb,
  productCode: ijwTrajectories.productCode,
  referrerType: ijwTrajectories.referrerType,
  requestDate: ijwTrajectories.requestDate,
  allocationStart: ijwTrajectories.allocationStart,
  startDate: ijwTrajectories.startDate,
  endDate: ijwTrajectories.endDate,
  endReason: ijwTrajectories.endReason,
};

/** A trajectory one of whose allocation, starts, stops or declaration lines came in the file (its keys, as the detail). */
function fromFile(fileId: string): SQL {
  const t = ijwTrajectories;
  return sql`(exists (select 1 from ijw_allocations a where a.file_id = ${fileId}
      and a.municipality_code = ${t.municipalityCode} and a.allocation_number = ${t.allocationNumber})
    or exists (select 1 from ijw_deliveries d where d.file_id = ${fileId} and d.municipality_code = ${t.municipalityCode}
      and (d.allocation_number = ${t.allocationNumber} or (d.allocation_number is null and ${t.allocationNumber} is null
        and d.provider_agb = ${t.providerAgb} and d.client_pseudonym = ${t.clientPseudonym} and d.date = ${t.startDate})))
    or exists (select 1 from ijw_declaration_lines l join ijw_declarations h on h.id = l.declaration_id
      where h.file_id = ${fileId} and l.municipality_code = ${t.municipalityCode} and l.allocation_number = ${t.allocationNumber}))`;
}

/**
 * Trajectories that overlap [from, to] (by start of care, or allocation when care has not started), or with `ended`
 * those whose end date lies in [from, to]: the endings a KPI such as uitval counts. Clients appear only as
 * pseudonyms; an aanbieder sees only its own trajectories. Every search is logged as access to client data.
 */
export async function searchTrajectories(db: Db, actor: Actor, query: TrajectoryQuery) {
  const filters: SQL[] = [
    sql`${ijwTrajectories.municipalityCode} in (select ${municipalities.cbsCode} from ${municipalities} where ${inOwnRegions(municipalities.regionId, actor)})`,
  ];
  const ownProvider = providerScope(actor, 'trajectories.read');
  if (ownProvider) {
    const [own] = await db.select({ agb: providers.agbCode }).from(providers).where(eq(providers.id, ownProvider));
    filters.push(eq(ijwTrajectories.providerAgb, own?.agb ?? '-'));
  }
  if (query.providerAgb) filters.push(eq(ijwTrajectories.providerAgb, query.providerAgb));
  if (query.municipalityCode) filters.push(eq(ijwTrajectories.municipalityCode, query.municipalityCode));
  if (query.productCategory) filters.push(eq(ijwTrajectories.productCategory, query.productCategory));
  if (query.productCode) filters.push(eq(ijwTrajectories.productCode, query.productCode));
  if (query.endReason) filters.push(inArray(ijwTrajectories.endReason, query.endReason.split(',')));
  if (query.fileId) filters.push(fromFile(query.fileId));
  if (query.ended === 'true') {
    filters.push(isNotNull(ijwTrajectories.endDate));
    if (query.from) filters.push(gte(ijwTrajectories.endDate, query.from));
    if (query.to) filters.push(lte(ijwTrajectories.endDate, query.to));
  } else {
    if (query.to)
      filters.push(or(lte(ijwTrajectories.startDate, query.to), lte(ijwTrajectories.allocationStart, query.to))!);
    if (query.from) filters.push(or(gte(ijwTrajectories.endDate, query.from), isNull(ijwTrajectories.endDate))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select({ t: ijwTrajectories, declaredCents: declaredCents(sql`${ijwTrajectories}`).mapWith(Number) })
      .from(ijwTrajectories)
      .where(where)
      .orderBy(
        ...sortOrder(query.sort, trajectorySortColumns, [
          sql`${ijwTrajectories.startDate} desc nulls last`,
          asc(ijwTrajectories.id),
        ]),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(ijwTrajectories).where(where),
  ]);
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'trajectories',
    entityId: 'search',
    regionId: actor.regionId,
    after: query,
  });
  return {
    total: Number(total?.n ?? 0),
    items: rows.map(({ t, declaredCents }) => ({
      id: t.id,
      client: t.clientPseudonym.slice(0, 12),
      birthYear: t.birthYear,
      municipalityCode: t.municipalityCode,
      providerAgb: t.providerAgb,
      allocationNumber: t.allocationNumber,
      productCategory: t.productCategory,
      productCode: t.productCode,
      referrerType: t.referrerType,
      requestDate: t.requestDate,
      allocationDate: t.allocationDate,
      allocationStart: t.allocationStart,
      allocationEnd: t.allocationEnd,
      volume: t.volume,
      unit: t.unit,
      frequency: t.frequency,
      startDate: t.startDate,
      endDate: t.endDate,
      endReason: t.endReason,
      declaredCents,
      fundingVariant: t.allocationNumber ? ('toewijzing' as const) : ('taakgericht' as const),
    })),
  };
}

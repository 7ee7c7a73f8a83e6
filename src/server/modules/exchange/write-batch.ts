import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { queryRows, type Db } from '../../db/client.js';
import type { ijwFiles } from '../../db/schema/index.js';
import type { CheckedFile } from './check.js';
import { validDate } from './check.js';
import { unpackRetourSource } from './header-store.js';
import { recordCount } from './messages.js';
import { buildRetour, isHeenType, retourTypeOf } from './retour/build-retour.js';
import { TECHNICAL } from './retour/spec.js';
import type { Secrets } from '../../security/secrets.js';
import { arrayParam, hexBytes, insertRows, type Column } from './sql-arrays.js';
import { productCodesOf, unknownProductWarnings } from './product-warnings.js';
import { RowSink } from './store.js';
import { rebuildTrajectories } from './trajectories.js';
import { loadXsdSupport, validateAgainstXsd } from './xsd.js';

export interface Reason {
  code: string;
  rule: string;
  message: string;
}
export type FileStatus = 'accepted' | 'duplicate' | 'rejected';
export interface FileResult {
  file: string;
  messageType: string | null;
  status: FileStatus;
  records: number;
  reasons: Reason[];
  /** For an accepted file: what the region should know although the message is valid (ZL020, product-warnings.ts). */
  warnings: Reason[];
  fileId: string | null;
}

export interface WriteOptions {
  secrets: Secrets;
  actorId: string | null;
  asyncCommit: boolean;
}

/** True for a PostgreSQL server (node-postgres), false for PGlite in this process. */
export function isServerDatabase(db: Db): boolean {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool || client instanceof pg.Client;
}

/** A checked file once the database rules (duplicates, cross-message rules) have had their say. */
export type Checked = Omit<CheckedFile, 'status'> & { status: FileStatus };

/**
 * Writes one batch in the caller's transaction: a row per file (accepted, or rejected into quarantine with its reasons
 * and encrypted original and retour), the accepted messages' data, and the trajectories they touch. One statement per
 * table for the whole batch.
 */
export async function writeBatch(tx: Db, options: WriteOptions, checked: Checked[]): Promise<FileResult[]> {
  const { secrets, actorId } = options;
  // On a PostgreSQL server the commit need not wait for the WAL flush: the import is idempotent (a file accepted
  // before is recognised by its identity), so a batch that a crash of the server loses is restored by importing again,
  // and atomicity is untouched (a file is wholly there or wholly absent). Not on PGlite: there the database lives in
  // this process, and a crash of the import would lose batches it already reported as accepted.
  if (options.asyncCommit) await tx.execute(sql`set local synchronous_commit = off`);
  // A rejected message is answered with a retour that is checked against its XSD: only then does this thread need libxml2.
  if (checked.some((c) => c.status === 'rejected' && c.type && isHeenType(c.type))) await loadXsdSupport();
  const sink = new RowSink();
  const out: FileResult[] = [];
  const retourDate = today();
  // A batch's messages carry a few distinct dates: check each once.
  const dates = new Map<string | null, string | null>();
  const messageDate = (d: string | null) => {
    if (!dates.has(d)) dates.set(d, validDate(d));
    return dates.get(d) ?? null;
  };
  const files: FileRow[] = [];
  const quarantined = await quarantinedAlready(tx, checked);
  // The accepted messages' product codes, checked against the product book after the loop (one query per batch).
  const named: Array<{ at: number; municipality: string; codes: string[] }> = [];
  for (const c of checked) {
    const reasons = c.violations.map(({ code, rule, message, path }) => ({
      code,
      rule,
      message: path && path !== 'Header' ? `${message} [${path}]` : message,
    }));
    if (c.status === 'duplicate') {
      out.push({
        file: c.name,
        messageType: c.type,
        status: 'duplicate',
        records: 0,
        reasons: [],
        warnings: [],
        fileId: null,
      });
      continue;
    }
    // The same bytes rejected before (a folder dropped again after a fix elsewhere): still rejected, and said so, but
    // the quarantine keeps the one entry it has, with its retour.
    const earlier = c.status === 'rejected' && c.hash ? quarantined.get(c.hash) : undefined;
    if (earlier) {
      out.push({
        file: c.name,
        messageType: c.type,
        status: 'rejected',
        records: 0,
        warnings: [],
        fileId: earlier,
        reasons: [
          ...reasons,
          {
            code: '0001',
            rule: 'ZL013',
            message: 'dit bestand is eerder afgekeurd en staat al in quarantaine; het is niet nog eens opgeslagen',
          },
        ],
      });
      continue;
    }
    // Time-ordered (UUIDv7): a batch's rows go to the end of the primary key, not to random pages all over it.
    const id = uuidv7();
    const accepted = c.status === 'accepted' && c.message !== null;
    const records = accepted ? recordCount(c.message!) : 0;
    const retour = retourFor(c, retourDate);
    const header = accepted && c.type && isHeenType(c.type) ? c.headerJson : null;
    const original = c.status === 'rejected' && c.bytes.byteLength ? (sealed.get(c) ?? sealOriginal(secrets, c)) : null;
    files.push({
      id,
      fileName: c.name,
      sha256: c.hash,
      sizeBytes: c.bytes.byteLength,
      messageType: c.type,
      sender: c.identity.sender,
      receiver: c.identity.receiver,
      messageId: c.identity.messageId,
      messageDate: messageDate(c.identity.messageDate),
      status: c.status,
      recordCount: records,
      reasons: JSON.stringify(reasons),
      contentEncrypted: original?.inline ?? null,
      contentParts: original?.parts ?? null,
      contentEncoding: original ? 'gzip' : null,
      retourEncrypted: retour ? secrets.encrypt(retour) : null,
      retourHeader: header,
      retourId: header ? newRetourId() : null,
      retourDate: header ? retourDate : null,
      importedBy: actorId,
      quarantineState: c.status === 'rejected' ? 'open' : null,
    });
    if (accepted) sink.add(id, c.message!);
    else if (c.status === 'rejected' && c.hash) quarantined.set(c.hash, id);
    out.push({ file: c.name, messageType: c.type, status: c.status, records, reasons, warnings: [], fileId: id });
    if (accepted)
      named.push({
        at: out.length - 1,
        municipality: c.message!.header.municipalityCode,
        codes: productCodesOf(c.message!),
      });
  }
  const warned = await unknownProductWarnings(tx, named);
  for (const [i, warnings] of warned) out[named[i]!.at]!.warnings = warnings;
  await insertRows(tx, 'ijw_files', fileColumns, files);
  await killForCrashTest(files.length);
  failForTest(files);
  await sink.flush(tx);
  await rebuildTrajectories(tx, sink.touched);
  await resolveQuarantined(tx, files);
  return out;
}

/**
 * A message accepted now resolves the open quarantine entries of the same message (type, sender, identification):
 * typically a file rejected because its allocation was not known yet, sent again once it was. An entry a person
 * marked handled keeps their note.
 */
async function resolveQuarantined(tx: Db, files: FileRow[]): Promise<void> {
  const accepted = files.filter((f) => f.status === 'accepted' && f.messageType && f.sender && f.messageId);
  if (!accepted.length) return;
  await tx.execute(sql`
    update ijw_files q set quarantine_state = 'resolved', resolved_by = a.id, handled_at = now()
    from unnest(${arrayParam(accepted.map((f) => f.messageType))}, ${arrayParam(accepted.map((f) => f.sender))},
      ${arrayParam(accepted.map((f) => f.messageId))}, ${arrayParam(
        accepted.map((f) => f.id),
        'uuid',
      )}) as a(message_type, sender, message_id, id)
    where q.status = 'rejected' and q.quarantine_state = 'open'
      and q.message_type = a.message_type and q.sender = a.sender and q.message_id = a.message_id`);
}

/** The quarantine entries (by the file's SHA-256) of the rejected files of a batch that were rejected before. */
async function quarantinedAlready(tx: Db, checked: Checked[]): Promise<Map<string, string>> {
  const hashes = [...new Set(checked.filter((c) => c.status === 'rejected' && c.hash).map((c) => c.hash))];
  if (!hashes.length) return new Map();
  const rows = await queryRows<{ sha256: string; id: string }>(
    tx,
    sql`
    select distinct on (sha256) sha256, id::text as id from ijw_files where status = 'rejected' and sha256 = any(${arrayParam(hashes)})
    order by sha256, received_at`,
  );
  return new Map(rows.map((r) => [r.sha256, r.id]));
}

type FileRow = Omit<typeof ijwFiles.$inferInsert, 'reasons' | 'retourHeader'> & {
  reasons: string;
  retourHeader: string | null;
};

const fileColumns: Array<Column<FileRow>> = [
  ['id', 'uuid', (r) => r.id],
  ['file_name', 'text', (r) => r.fileName],
  ['sha256', 'text', (r) => r.sha256],
  ['size_bytes', 'integer', (r) => r.sizeBytes],
  ['message_type', 'text', (r) => r.messageType],
  ['sender', 'text', (r) => r.sender],
  ['receiver', 'text', (r) => r.receiver],
  ['message_id', 'text', (r) => r.messageId],
  ['message_date', 'date', (r) => r.messageDate],
  ['status', 'text', (r) => r.status],
  ['record_count', 'integer', (r) => r.recordCount],
  ['reasons', 'jsonb', (r) => r.reasons],
  ['content_encrypted', 'bytea', (r) => hexBytes(r.contentEncrypted ?? null)],
  ['content_parts', 'uuid', (r) => r.contentParts ?? null],
  ['content_encoding', 'text', (r) => r.contentEncoding ?? null],
  ['retour_encrypted', 'bytea', (r) => hexBytes(r.retourEncrypted ?? null)],
  ['retour_header', 'jsonb', (r) => r.retourHeader],
  ['retour_id', 'text', (r) => r.retourId],
  ['retour_date', 'date', (r) => r.retourDate],
  ['imported_by', 'uuid', (r) => r.importedBy],
  ['quarantine_state', 'text', (r) => r.quarantineState],
];

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A sealed original: in the file's row when it is small, else in parts written before the batch (the parts' id). */
interface Sealed {
  inline: Buffer | null;
  parts: string | null;
}

/** Originals sealed before their batch's transaction (sealOriginals), by the file they belong to. */
const sealed = new WeakMap<Checked, Sealed>();

/**
 * The size of a part of a large original. PGlite reads a bytea parameter as hex text at about 7 MB/s on the thread
 * that answers requests: a part holds it some 35 ms.
 */
export const originalPartBytes = 128 * 1024;

/** A rejected file's original as it is kept: gzipped, then encrypted. */
function sealOriginal(secrets: Secrets, c: Checked): Sealed {
  return {
    inline: secrets.encrypt(gzipSync(Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength))),
    parts: null,
  };
}

/**
 * Seals the originals of the batch's rejected files before its transaction: gzipped on libuv's threads, so neither
 * the request thread nor the open transaction waits for it. A rejected file's bytes went into the statement as hex
 * text, which PGlite reads at about 7 MB/s on the thread that answers requests (an 8 MB original held it 2.4 s);
 * iJw XML packs to a tenth or less, and the hostile files (NUL bytes, deep nesting) to a thousandth. What is still
 * larger than a part after packing (random text does not pack) is written in parts, one statement each, with the
 * event loop free between them; the file's row refers to them. A file that is rejected only later (a rule in the
 * write) is sealed in the transaction instead.
 */
export async function sealOriginals(db: Db, secrets: Secrets, checked: readonly Checked[]): Promise<void> {
  for (const c of checked) {
    if (c.status !== 'rejected' || !c.bytes.byteLength || sealed.has(c)) continue;
    const box = secrets.encrypt(await gzipAsync(Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength)));
    sealed.set(
      c,
      box.byteLength > originalPartBytes
        ? { inline: null, parts: await writeParts(db, box) }
        : { inline: box, parts: null },
    );
  }
}

/** Writes a sealed original in parts, each in its own statement; returns the parts' id. */
async function writeParts(db: Db, box: Buffer): Promise<string> {
  const id = uuidv7();
  for (let seq = 0; seq * originalPartBytes < box.byteLength; seq++) {
    const part = box.subarray(seq * originalPartBytes, (seq + 1) * originalPartBytes);
    await db.execute(
      sql`insert into ijw_file_original_parts (original_id, seq, bytes) values (${id}::uuid, ${seq}, decode(${part.toString('hex')}::text, 'hex'))`,
    );
    // Requests that waited for the database get it before the next part.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return id;
}

/**
 * Removes the parts that no file refers to a day after they were written: a crash between the parts and the batch's
 * commit, or a file that turned out to be in quarantine already. Returns how many parts went.
 */
export async function sweepOriginalParts(db: Db, olderThan = '1 day'): Promise<number> {
  const removed = await queryRows<{ n: number }>(
    db,
    sql`with gone as (
      delete from ijw_file_original_parts p
      where p.created_at < now() - ${olderThan}::interval
        and not exists (select 1 from ijw_files f where f.content_parts = p.original_id)
      returning 1)
    select count(*)::int as n from gone`,
  );
  return removed[0]?.n ?? 0;
}

/** A kept original as it came in, from the file's row or from its parts. */
export async function openOriginal(
  db: Db,
  secrets: Secrets,
  row: { contentEncrypted: Buffer | null; contentParts: string | null; contentEncoding: string | null },
): Promise<Buffer> {
  const box = row.contentParts
    ? Buffer.concat(
        (
          await queryRows<{ bytes: Uint8Array }>(
            db,
            sql`select bytes from ijw_file_original_parts where original_id = ${row.contentParts}::uuid order by seq`,
          )
        ).map((r) => Buffer.from(r.bytes)),
      )
    : row.contentEncrypted!;
  const plain = secrets.decrypt(box);
  return row.contentEncoding === 'gzip' ? gunzipAsync(plain) : plain;
}

/**
 * Fault injection for the crash test: with ZL_FAULT_KILL_AT_FILE=N the process kills itself (SIGKILL) in the open
 * transaction of the batch that holds the N-th file, after the file rows are written and before their data.
 */
let filesBeforeBatch = 0;
async function killForCrashTest(batchFiles: number): Promise<void> {
  const at = Number(process.env.ZL_FAULT_KILL_AT_FILE ?? 0);
  if (at > filesBeforeBatch && at <= filesBeforeBatch + batchFiles) {
    // The results of earlier batches were printed; let a slow reader have them before dying (a pipe may buffer).
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    process.kill(process.pid, 'SIGKILL');
  }
  filesBeforeBatch += batchFiles;
}

/** Fault injection for the import tests: with ZL_FAULT_FAIL_FILE=name, accepting a file of that name fails in its transaction. */
function failForTest(files: FileRow[]): void {
  const name = process.env.ZL_FAULT_FAIL_FILE;
  if (name && files.some((f) => f.fileName === name && f.status === 'accepted'))
    throw new Error(`fout ingebracht voor een test bij ${name}`);
}

/**
 * The retour message answering a rejected message (IV028), with each violation's retour code at the class it
 * concerns, built from what the check kept of the message (`retourSource`): a file is parsed once. A technical
 * rejection (0001) is answered by the Header alone, so for those only the Header was kept and every code goes there.
 * None for retours themselves, for unreadable files, or when the original is too broken to echo.
 */
function retourFor(c: Checked, retourDate: string): Buffer | null {
  if (c.status !== 'rejected' || !c.type || !isHeenType(c.type) || !c.retourSource) return null;
  const codes = new Map<string, string[]>();
  if (c.violations.some((v) => v.code === TECHNICAL)) codes.set('Header', [TECHNICAL]);
  else
    for (const v of c.violations) {
      const path = v.path || 'Header';
      codes.set(path, [...new Set([...(codes.get(path) ?? []), v.code])]);
    }
  try {
    const xml = buildRetour({
      messageType: c.type,
      original: unpackRetourSource(c.retourSource),
      codes,
      retourIdentification: newRetourId(),
      retourDate,
    });
    const bytes = Buffer.from(xml, 'utf8');
    // The original may be too broken to echo into a valid retour; then there is none (IV028).
    return validateAgainstXsd(retourTypeOf(c.type), bytes).length ? null : bytes;
  } catch {
    return null;
  }
}

/** IdentificatieRetour: at most 12 characters (RS017), unique enough as 12 hex digits of a random UUID. */
function newRetourId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 12);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

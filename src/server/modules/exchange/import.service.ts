import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import type { Actor } from '../auth/index.js';
import type { CheckedFile } from './check.js';
import { createChecker } from './check-pool.js';
import { collectGarbage } from './collect-garbage.js';
import { Knowledge, type Parties } from './knowledge.js';
import { checkRules } from './rules.js';
import type { Secrets } from '../../security/secrets.js';
import type { SourceItem } from './sources.js';
import { arrayParam } from './sql-arrays.js';
import { isServerDatabase, sealOriginals, writeBatch, type Checked, type FileResult } from './write-batch.js';
import { requestJob } from '../../jobs/runner.js';
import { kpiRefreshJobName } from '../monitoring/index.js';

export type { FileResult, FileStatus, Reason } from './write-batch.js';
export { stopCheckWorkers, warmUpCheckWorkers } from './check-pool.js';

export interface ImportDeps {
  db: Db;
  secrets: Secrets;
  actor: Actor | null;
  today?: string;
}

export interface ImportSummary {
  accepted: number;
  duplicate: number;
  rejected: number;
  records: number;
}

/**
 * Files per transaction: large enough that the cost per statement vanishes and that the allocations a batch refers to
 * (every running one, through the monthly declarations) are looked up and rebuilt once for several months.
 */
export const defaultBatchSize = 4000;
/** Without an explicit size the first batches are smaller, so the database has work while the workers warm up. */
const firstBatchSize = 500;
/** From this many files (or bytesInFlight of content) on an import counts as large: garbage is collected per batch. */
const largeFrom = 256;
/**
 * Bytes of file content an import holds at once, read ahead for checking and waiting in a batch to be written. Files
 * are at most 25 MB (OP179); without this bound a small archive of large entries would be unpacked all at once.
 */
export const bytesInFlight = 64 * 1024 * 1024;

/**
 * Imports files in batches. Each file is all-or-nothing: accepted files of a batch are written in one transaction
 * (and if that fails, each file again in its own), rejected files go to quarantine with their reasons, a file whose
 * message identity was accepted before counts as a duplicate. Results stream to `onResult` per file, in input order,
 * and are not kept. Reading, parsing, XSD validation and pseudonymisation run on worker threads (check-pool.ts) ahead
 * of the batch being written, at most one batch ahead, so a run of a million files needs no more memory than that.
 */
export async function importSources(
  deps: ImportDeps,
  sources: AsyncIterable<SourceItem>,
  onResult: (r: FileResult) => void,
  batchSize?: number,
): Promise<ImportSummary> {
  const max = Math.max(1, Math.floor(batchSize ?? defaultBatchSize) || defaultBatchSize);
  let size = batchSize === undefined ? Math.min(firstBatchSize, max) : max;
  const summary: ImportSummary = { accepted: 0, duplicate: 0, rejected: 0, records: 0 };
  const chunkSize = Math.max(1, Math.min(64, Math.ceil(max / 4)));
  const readAhead = max;
  const iterator = sources[Symbol.asyncIterator]();
  const peeked: SourceItem[] = [];
  let exhausted = false;
  const next = async (): Promise<SourceItem | undefined> => {
    if (peeked.length) return peeked.shift();
    if (exhausted) return undefined;
    const n = await iterator.next();
    if (n.done) exhausted = true;
    return n.done ? undefined : n.value;
  };
  while (!exhausted && peeked.length < largeFrom && sizeOf(peeked) < bytesInFlight) {
    const n = await iterator.next();
    if (n.done) exhausted = true;
    else peeked.push(n.value);
  }
  const large = !exhausted;
  const checker = createChecker(deps.secrets, !isServerDatabase(deps.db));
  const queue: Array<{ count: number; bytes: number; results: Promise<CheckedFile[]> }> = [];
  let queued = 0;
  let queuedBytes = 0;
  let batchBytes = 0;
  const fill = async () => {
    while (queued < readAhead && queuedBytes + batchBytes < bytesInFlight) {
      const items: SourceItem[] = [];
      let bytes = 0;
      while (items.length < chunkSize && bytes < bytesInFlight / 4) {
        const item = await next();
        if (!item) break;
        items.push(item);
        bytes += sizeOf([item]);
      }
      if (!items.length) return;
      const results = checker.check(items);
      results.catch(() => {}); // awaited in order below; this only keeps an early failure from being "unhandled"
      queue.push({ count: items.length, bytes, results });
      queued += items.length;
      queuedBytes += bytes;
    }
  };
  let parties: Parties | undefined;
  // On a PostgreSQL server a batch is written on one connection while the next is checked on another, so the server's
  // work and this thread's overlap. PGlite runs on this thread: there the batches take turns.
  const pipelined = isServerDatabase(deps.db);
  let inFlight: { prepared: Checked[]; write: Promise<WriteOutcome> } | undefined;
  const emit = (results: FileResult[]) => {
    for (const r of results) {
      summary[r.status] += 1;
      summary.records += r.records;
      onResult(r);
    }
  };
  /** Awaits the batch being written; returns what it accepted, or null when it had to be written file by file. */
  const finish = async (): Promise<Checked[] | null> => {
    const batch = inFlight;
    inFlight = undefined;
    if (!batch) return [];
    const outcome = await batch.write;
    emit(outcome.results);
    return outcome.whole ? batch.prepared : null;
  };
  const flush = async (files: CheckedFile[]) => {
    parties ??= await Knowledge.loadParties(deps.db);
    // Checked against the database as it will be once the batch in flight is written: its accepted files are carried.
    let prepared = await prepareBatch(deps, parties, files, inFlight?.prepared ?? []);
    if (inFlight && (await finish()) === null) prepared = await prepareBatch(deps, parties, files, []);
    const write = writePrepared(deps, parties, prepared);
    if (pipelined) {
      write.catch(() => {}); // awaited by finish(); this only keeps an early failure from being "unhandled"
      inFlight = { prepared, write };
    } else emit((await write).results);
    if (large) collectGarbage();
  };
  let batch: CheckedFile[] = [];
  for (;;) {
    await fill();
    const chunk = queue.shift();
    if (!chunk) break;
    const checked = await chunk.results;
    queued -= chunk.count;
    queuedBytes -= chunk.bytes;
    batch.push(...checked);
    batchBytes += sizeOf(checked);
    while (batch.length >= size || batchBytes >= bytesInFlight / 2) {
      // A batch is full at `size` files, or earlier when its files hold half the bytes an import may hold.
      let take = 0;
      for (let held = 0; take < Math.min(size, batch.length) && (take === 0 || held < bytesInFlight / 2); take++)
        held += batch[take]!.bytes.byteLength;
      const files = batch.slice(0, take);
      batch = batch.slice(take);
      batchBytes -= sizeOf(files);
      if (take === size) size = Math.min(max, size * 2);
      await fill();
      await flush(files);
    }
  }
  if (batch.length) await flush(batch);
  await finish();
  // The dashboard's figures follow in the background; a request that fails to be recorded is caught up by the schedule.
  if (summary.accepted > 0) await requestJob(deps.db, kpiRefreshJobName).catch(() => {});
  return summary;
}

/** Bytes of file content held by sources read into memory, or by checked files. */
function sizeOf(items: Array<SourceItem | CheckedFile>): number {
  let n = 0;
  for (const item of items) if ('bytes' in item) n += item.bytes.byteLength;
  return n;
}

interface WriteOutcome {
  results: FileResult[];
  whole: boolean;
}

/** What the thread that read a file found, before the database rules: a batch checked again starts from it. */
const threadVerdicts = new WeakMap<
  CheckedFile,
  { status: CheckedFile['status']; violations: CheckedFile['violations'] }
>();

/**
 * Applies the rules that need the database (duplicates, links to earlier messages) to a batch. `carried` are the
 * accepted files of a batch that is being written and not yet visible: they count as if they were.
 */
async function prepareBatch(
  deps: ImportDeps,
  parties: Parties,
  files: CheckedFile[],
  carried: Checked[],
): Promise<Checked[]> {
  const today = deps.today ?? new Date().toISOString().slice(0, 10);
  for (const f of files) {
    const verdict = threadVerdicts.get(f);
    if (verdict) Object.assign(f, { status: verdict.status, violations: [...verdict.violations] });
    else threadVerdicts.set(f, { status: f.status, violations: [...f.violations] });
  }
  const checked = files as Checked[];
  const before = carried.filter((c) => c.status === 'accepted');
  await markDuplicates(deps.db, checked, before);
  const messages = checked.flatMap((c) => (c.message && c.status === 'accepted' ? [c.message] : []));
  const known = await Knowledge.load(deps.db, messages, parties);
  for (const c of before) if (c.message) known.learn(c.message);
  for (const c of checked) {
    if (c.status !== 'accepted' || !c.message) continue;
    c.violations = checkRules(c.message, known, today);
    if (c.violations.length) c.status = 'rejected';
    else known.learn(c.message);
  }
  return checked;
}

/** Writes a batch and, last in its transaction, counts the change of the imported data (the cached answers follow). */
async function writeCounted(...[tx, options, files]: Parameters<typeof writeBatch>): Promise<FileResult[]> {
  const results = await writeBatch(tx, options, files);
  await bumpDataVersion(tx, 'exchange');
  return results;
}

/**
 * Writes a prepared batch in one transaction. If that fails, one file broke it: every file is then written on its own,
 * the failing one rejected, and each file after a failed one checked again, since it was checked as if that one were there.
 */
async function writePrepared(deps: ImportDeps, parties: Parties, checked: Checked[]): Promise<WriteOutcome> {
  const options = { secrets: deps.secrets, actorId: deps.actor?.id ?? null, asyncCommit: isServerDatabase(deps.db) };
  await sealOriginals(deps.db, deps.secrets, checked);
  try {
    return { results: await deps.db.transaction((tx) => writeCounted(tx, options, checked)), whole: true };
  } catch {
    const results: FileResult[] = [];
    let failed = false;
    for (const original of checked) {
      const [c] = failed ? await prepareBatch(deps, parties, [original as CheckedFile], []) : [original];
      try {
        results.push(...(await deps.db.transaction((tx) => writeCounted(tx, options, [c!]))));
      } catch (e) {
        failed = true;
        c!.status = 'rejected';
        c!.message = null;
        c!.violations = [
          {
            rule: 'ZL099',
            code: '0001',
            path: '',
            message: `kon niet worden opgeslagen: ${(e as Error).message.slice(0, 200)}`,
          },
        ];
        results.push(...(await deps.db.transaction((tx) => writeCounted(tx, options, [c!]))));
      }
    }
    return { results, whole: false };
  }
}

/** TR056: an identity seen before is a duplicate when the bytes are the same, and a violation when they differ. */
async function markDuplicates(db: Db, checked: Checked[], carried: Checked[]) {
  const candidates = checked.filter((c) => c.status === 'accepted');
  if (!candidates.length) return;
  // The identity as a whole, so the lookup uses the unique index of accepted identities.
  const rows = await queryRows<{ type: string; sender: string; id: string; hash: string }>(
    db,
    sql`
    select message_type as type, sender, message_id as id, sha256 as hash from ijw_files
    where status = 'accepted' and (message_type, sender, message_id) in (select * from unnest(
      ${arrayParam(candidates.map((c) => c.type))}, ${arrayParam(candidates.map((c) => c.identity.sender))}, ${arrayParam(candidates.map((c) => c.identity.messageId))}))`,
  );
  const seen = new Map(rows.map((r) => [`${r.type}|${r.sender}|${r.id}`, r.hash]));
  for (const c of carried) seen.set(`${c.type}|${c.identity.sender}|${c.identity.messageId}`, c.hash);
  for (const c of candidates) {
    const key = `${c.type}|${c.identity.sender}|${c.identity.messageId}`;
    const hash = seen.get(key);
    if (hash === c.hash) c.status = 'duplicate';
    else if (hash !== undefined) {
      c.status = 'rejected';
      c.violations.push({
        rule: 'TR056',
        code: '9056',
        path: 'Header',
        message: `identificatie ${c.identity.messageId} is al gebruikt voor een ander ${c.type}-bericht van ${c.identity.sender}`,
      });
    } else seen.set(key, c.hash);
  }
}

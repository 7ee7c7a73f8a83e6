import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ijwFiles } from '../../db/schema/index.js';
import type { Actor } from '../auth/auth.service.js';
import { Knowledge } from './knowledge.js';
import { inboundTypes, messageTypeOf, readMessage, readRetour, recordCount, retourTypes, type InboundType, type ParsedMessage, type RetourType } from './messages.js';
import { checkRules, type Violation } from './rules.js';
import type { Secrets } from './secrets.js';
import { sha256, type ImportSource, type UnreadableSource } from './sources.js';
import { RowSink } from './store.js';
import { rebuildTrajectories } from './trajectories.js';
import { buildRetour, isHeenType, retourTypeOf } from './retour/build-retour.js';
import { validateAgainstXsd } from './xsd.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

export interface Reason { code: string; rule: string; message: string }
export type FileStatus = 'accepted' | 'duplicate' | 'rejected';
export interface FileResult {
  file: string; messageType: string | null; status: FileStatus; records: number; reasons: Reason[]; fileId: string | null;
}

export interface ImportDeps { db: Db; secrets: Secrets; actor: Actor | null; today?: string }

/** A file after parsing and checking, before anything is written. */
interface Checked {
  source: ImportSource; hash: string; type: string | null; root: XmlElement | null; message: ParsedMessage | null;
  violations: Violation[]; status: FileStatus; identity: { sender: string | null; receiver: string | null; messageId: string | null; messageDate: string | null };
}

export interface ImportSummary { accepted: number; duplicate: number; rejected: number; records: number }

/**
 * Imports files in batches. Each file is all-or-nothing: accepted files of a batch are written in one transaction
 * (and if that fails, each file again in its own), rejected files go to quarantine with their reasons, a file whose
 * message identity was accepted before counts as a duplicate. Results stream to `onResult` per file, in input order,
 * and are not kept, so a run of a million files needs no more memory than one batch.
 */
export async function importSources(
  deps: ImportDeps, sources: AsyncIterable<ImportSource | UnreadableSource>, onResult: (r: FileResult) => void, batchSize = 200,
): Promise<ImportSummary> {
  const summary: ImportSummary = { accepted: 0, duplicate: 0, rejected: 0, records: 0 };
  let batch: Array<ImportSource | UnreadableSource> = [];
  const flush = async () => {
    for (const r of await importBatch(deps, batch)) {
      summary[r.status] += 1;
      summary.records += r.records;
      onResult(r);
    }
    batch = [];
  };
  for await (const source of sources) {
    batch.push(source);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return summary;
}

async function importBatch(deps: ImportDeps, sources: Array<ImportSource | UnreadableSource>): Promise<FileResult[]> {
  const today = deps.today ?? new Date().toISOString().slice(0, 10);
  const checked = sources.map((s) => ('problem' in s ? unreadable(s) : parseAndValidate(s, deps.secrets)));
  await markDuplicates(deps.db, checked);
  const messages = checked.flatMap((c) => (c.message && c.status === 'accepted' ? [c.message] : []));
  const known = await Knowledge.load(deps.db, messages);
  for (const c of checked) {
    if (c.status !== 'accepted' || !c.message) continue;
    c.violations = checkRules(c.message, known, today);
    if (c.violations.length) c.status = 'rejected';
    else known.learn(c.message);
  }
  try {
    return await deps.db.transaction((tx) => writeBatch(tx, deps, checked));
  } catch {
    // One file broke the shared transaction: isolate it by writing every file on its own.
    const out: FileResult[] = [];
    for (const c of checked) {
      try {
        out.push(...(await deps.db.transaction((tx) => writeBatch(tx, deps, [c]))));
      } catch (e) {
        c.status = 'rejected';
        c.message = null;
        c.violations = [{ rule: 'ZL099', code: '0001', path: '', message: `kon niet worden opgeslagen: ${(e as Error).message.slice(0, 200)}` }];
        out.push(...(await deps.db.transaction((tx) => writeBatch(tx, deps, [c]))));
      }
    }
    return out;
  }
}

function unreadable(s: UnreadableSource): Checked {
  return {
    source: { name: s.name, bytes: Buffer.alloc(0) }, hash: '', type: null, root: null, message: null, status: 'rejected',
    violations: [{ rule: 'ZL010', code: '0001', path: '', message: s.problem }], identity: { sender: null, receiver: null, messageId: null, messageDate: null },
  };
}

function parseAndValidate(source: ImportSource, secrets: Secrets): Checked {
  const c: Checked = {
    source, hash: sha256(source.bytes), type: null, root: null, message: null, status: 'rejected', violations: [],
    identity: { sender: null, receiver: null, messageId: null, messageDate: null },
  };
  const reject = (rule: string, message: string, path = 'Header') => {
    c.violations.push({ rule, code: '0001', path, message });
    return c;
  };
  try {
    c.root = parseXml(source.bytes.toString('utf8'));
  } catch (e) {
    if (e instanceof XmlSyntaxError) return reject('XML', `geen geldige XML (regel ${e.line}): ${e.message}`, '');
    throw e;
  }
  c.type = messageTypeOf(c.root);
  if (!c.type) return reject('ZL011', `onbekend berichttype: element ${c.root.name} in namespace "${c.root.ns}" is geen iJw 3.2-bericht`, '');
  c.identity = {
    sender: textOf(c.root, 'Afzender'), receiver: textOf(c.root, 'Ontvanger'),
    messageId: c.root.children.find((h) => h.name === 'Header')?.children.find((x) => x.name === 'BerichtIdentificatie')?.children.find((x) => x.name === 'Identificatie')?.text ?? null,
    messageDate: c.root.children.find((h) => h.name === 'Header')?.children.find((x) => x.name === 'BerichtIdentificatie')?.children.find((x) => x.name === 'Dagtekening')?.text ?? null,
  };
  const isRetour = (retourTypes as readonly string[]).includes(c.type);
  if (!isRetour && !(inboundTypes as readonly string[]).includes(c.type)) {
    return reject('ZL012', `${c.type} wordt niet tussen gemeenten en aanbieders uitgewisseld in iJw 3.2`);
  }
  const issues = validateAgainstXsd(c.type, source.bytes);
  if (issues.length) {
    for (const i of issues.slice(0, 20)) c.violations.push({ rule: 'XSD', code: '0001', path: 'Header', message: `voldoet niet aan ${c.type}.xsd (regel ${i.line}): ${dutch(i.message)}` });
    return c;
  }
  if (isRetour) {
    const retour = readRetour(c.root, c.type as RetourType);
    c.message = retour;
    c.identity = { sender: retour.header.sender, receiver: retour.header.receiver, messageId: retour.retourId, messageDate: retour.retourDate };
  } else {
    c.message = readMessage(c.root, c.type as InboundType, secrets.pseudonymise);
  }
  c.status = 'accepted';
  return c;
}

/** TR056: an identity seen before is a duplicate when the bytes are the same, and a violation when they differ. */
async function markDuplicates(db: Db, checked: Checked[]) {
  const candidates = checked.filter((c) => c.status === 'accepted');
  if (!candidates.length) return;
  const rows = await db.select({ type: ijwFiles.messageType, sender: ijwFiles.sender, id: ijwFiles.messageId, hash: ijwFiles.sha256 }).from(ijwFiles)
    .where(and(eq(ijwFiles.status, 'accepted'), inArray(ijwFiles.messageId, [...new Set(candidates.map((c) => c.identity.messageId ?? ''))])));
  const seen = new Map(rows.map((r) => [`${r.type}|${r.sender}|${r.id}`, r.hash]));
  for (const c of candidates) {
    const key = `${c.type}|${c.identity.sender}|${c.identity.messageId}`;
    const hash = seen.get(key);
    if (hash === c.hash) c.status = 'duplicate';
    else if (hash !== undefined) {
      c.status = 'rejected';
      c.violations.push({ rule: 'TR056', code: '9056', path: 'Header', message: `identificatie ${c.identity.messageId} is al gebruikt voor een ander ${c.type}-bericht van ${c.identity.sender}` });
    } else seen.set(key, c.hash);
  }
}

async function writeBatch(tx: Db, deps: ImportDeps, checked: Checked[]): Promise<FileResult[]> {
  const sink = new RowSink();
  const out: FileResult[] = [];
  const files: Array<typeof ijwFiles.$inferInsert> = [];
  for (const c of checked) {
    const reasons = c.violations.map(({ code, rule, message, path }) => ({ code, rule, message: path && path !== 'Header' ? `${message} [${path}]` : message }));
    if (c.status === 'duplicate') {
      out.push({ file: c.source.name, messageType: c.type, status: 'duplicate', records: 0, reasons: [], fileId: null });
      continue;
    }
    const id = randomUUID();
    const records = c.status === 'accepted' && c.message ? recordCount(c.message) : 0;
    const retour = retourFor(c);
    const header = c.status === 'accepted' && c.root && c.type && isHeenType(c.type) ? c.root.children.find((x) => x.name === 'Header') ?? null : null;
    files.push({
      id, fileName: c.source.name, sha256: c.hash, sizeBytes: c.source.bytes.length, messageType: c.type,
      sender: c.identity.sender, receiver: c.identity.receiver, messageId: c.identity.messageId, messageDate: validDate(c.identity.messageDate),
      status: c.status, recordCount: records, reasons,
      contentEncrypted: c.status === 'rejected' && c.source.bytes.length ? deps.secrets.encrypt(c.source.bytes) : null,
      retourEncrypted: retour ? deps.secrets.encrypt(retour) : null,
      retourHeader: header, retourId: header ? newRetourId() : null, retourDate: header ? today() : null,
      importedBy: deps.actor?.id ?? null,
    });
    if (c.status === 'accepted' && c.message) sink.add(id, c.message);
    out.push({ file: c.source.name, messageType: c.type, status: c.status, records, reasons, fileId: id });
  }
  for (let i = 0; i < files.length; i += 500) await tx.insert(ijwFiles).values(files.slice(i, i + 500));
  killForCrashTest(files.length);
  await sink.flush(tx);
  await rebuildTrajectories(tx, sink.touched);
  return out;
}

/**
 * Fault injection for the crash test: with ZL_FAULT_KILL_AT_FILE=N the process kills itself (SIGKILL) in the open
 * transaction of the batch that holds the N-th file, after the file rows are written and before their data.
 */
let filesBeforeBatch = 0;
function killForCrashTest(batchFiles: number): void {
  const at = Number(process.env.ZL_FAULT_KILL_AT_FILE ?? 0);
  if (at > filesBeforeBatch && at <= filesBeforeBatch + batchFiles) process.kill(process.pid, 'SIGKILL');
  filesBeforeBatch += batchFiles;
}

/**
 * The retour message answering a rejected message (IV028), with each violation's retour code at the class it
 * concerns. None for retours themselves, for unreadable files, or when the original is too broken to echo.
 */
function retourFor(c: Checked): Buffer | null {
  if (c.status !== 'rejected' || !c.root || !c.type || !isHeenType(c.type)) return null;
  const codes = new Map<string, string[]>();
  for (const v of c.violations) {
    const path = v.path || 'Header';
    codes.set(path, [...new Set([...(codes.get(path) ?? []), v.code])]);
  }
  try {
    const xml = buildRetour({ messageType: c.type, original: c.root, codes, retourIdentification: newRetourId(), retourDate: today() });
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

function textOf(root: XmlElement, name: string): string | null {
  return root.children.find((h) => h.name === 'Header')?.children.find((x) => x.name === name)?.text ?? null;
}

function validDate(s: string | null): string | null {
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s) ? s : null;
}

/** libxml2 speaks English; the most frequent findings get a Dutch lead so a contract manager can act on them. */
function dutch(message: string): string {
  return message
    .replace(/^Element '([^']+)': '([^']*)' is not a valid value of the atomic type '([^']+)'\./, "element $1: '$2' is geen geldige waarde ($3).")
    .replace(/^Element '([^']+)': This element is not expected\. Expected is one of \(([^)]*)\)\./, 'element $1 hoort hier niet; verwacht: $2.')
    .replace(/^Element '([^']+)': This element is not expected\. Expected is \(([^)]*)\)\./, 'element $1 hoort hier niet; verwacht: $2.')
    .replace(/^Element '([^']+)': Missing child element\(s\)\. Expected is( one of)? \(([^)]*)\)\./, 'element $1 mist een verplicht onderdeel: $3.')
    .replace(/^Element '([^']+)': \[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']+)'\./, "element $1: '$2' past niet in het patroon $3.");
}

import { and, asc, eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { queryRows, type Db } from '../../db/client.js';
import { ijwFiles } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import type { Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import type { Secrets } from '../../security/secrets.js';
import { isValidBsn } from '../../../shared/bsn.js';
import { fileConditions, fileOf, presentFile, retourBytes, retourName, type FileFilters } from './exchange.service.js';
import { ruleText } from './plain-reasons.js';

/** A group of the quarantine: the files with a reason of one rule. A file with reasons of two rules is in both. */
export interface ReasonGroup {
  rule: string;
  title: string;
  advice: string;
  files: number;
}

/**
 * The quarantine's files grouped by the rule of their reasons, largest group first, under every filter but the reason
 * itself (the groups are what the reason filter chooses from).
 */
export async function listReasonGroups(db: Db, actor: Actor, filters: FileFilters): Promise<ReasonGroup[]> {
  const where = fileConditions(actor, { ...filters, status: 'rejected' }, 'reason');
  const rows = await queryRows<{ rule: string; files: number }>(
    db,
    sql`select r.el->>'rule' as rule, count(distinct ${ijwFiles.id})::int as files
      from ${ijwFiles} cross join lateral jsonb_array_elements(${ijwFiles.reasons}) as r(el)
      where ${where ?? sql`true`} group by 1 order by 2 desc, 1`,
  );
  return rows.map((r) => ({ rule: r.rule, ...ruleText(r.rule), files: Number(r.files) }));
}

/** A note says what was done; a BSN has no place in it (the audit log and the page would show it in clear). */
function checkNote(note: string): string {
  const text = note.trim();
  if (!text) throw fieldError('note', 'schrijf in een notitie wat er met dit bestand is gedaan');
  if ((text.match(/(?<!\d)\d{9}(?!\d)/g) ?? []).some(isValidBsn))
    throw fieldError('note', 'een notitie mag geen BSN bevatten; noem het bestand of de berichtidentificatie');
  return text;
}

/**
 * Marks a quarantined file handled, with a note of what was done (required), or reopens it (which clears the note).
 * A file the import resolved (the same message accepted later) stays resolved. The change and its note are audited.
 */
export async function handleQuarantinedFile(
  db: Db,
  actor: Actor,
  id: string,
  input: { state: 'handled' | 'open'; note?: string | undefined },
) {
  // Reopening clears the note: it said what was done, and the file is open again.
  const note = input.state === 'handled' ? checkNote(input.note ?? '') : null;
  return db.transaction(async (tx) => {
    const found = await fileOf(tx, actor, id);
    if (!found || found.row.status !== 'rejected')
      throw new AppError(ErrorCode.NotFound, 'Dit bestand staat niet in de quarantaine.');
    if (found.row.quarantineState === 'resolved')
      throw new AppError(
        ErrorCode.Conflict,
        'Dit bestand is al vanzelf opgelost: hetzelfde bericht is later wel aanvaard.',
      );
    const [row] = await tx
      .update(ijwFiles)
      .set(
        input.state === 'handled'
          ? { quarantineState: 'handled', handlingNote: note, handledBy: actor.id, handledAt: new Date() }
          : { quarantineState: 'open', handlingNote: note, handledBy: null, handledAt: null },
      )
      .where(eq(ijwFiles.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'ijw-file',
      entityId: id,
      regionId: found.regionId,
      before: { quarantineState: found.row.quarantineState, note: found.row.handlingNote },
      after: { quarantineState: input.state, note },
    });
    return presentFile(row!, input.state === 'handled' ? actor.name : null);
  });
}

/** More retours than this in one zip is a selection to narrow down (a zip is built in memory). */
export const maxRetoursPerZip = 5000;

/**
 * The retour messages of the quarantined files that match the filters, as one zip, for the region's message software
 * to send back. They hold BSNs: the download is written to the audit log with its filters and count.
 */
export async function zipQuarantineRetours(
  db: Db,
  secrets: Secrets,
  actor: Actor,
  filters: FileFilters,
): Promise<{ bytes: Buffer; files: number }> {
  const where = and(
    fileConditions(actor, { ...filters, status: 'rejected' }),
    sql`${ijwFiles.retourEncrypted} is not null`,
  );
  const rows = await db
    .select()
    .from(ijwFiles)
    .where(where)
    .orderBy(asc(ijwFiles.receivedAt), asc(ijwFiles.id))
    .limit(maxRetoursPerZip + 1);
  if (rows.length > maxRetoursPerZip)
    throw new AppError(
      ErrorCode.Validation,
      `Meer dan ${maxRetoursPerZip} retourberichten in deze selectie; kies een kortere periode of een reden (of gebruik zorglandschap export ijw).`,
    );
  if (!rows.length) throw new AppError(ErrorCode.NotFound, 'In deze selectie zitten geen retourberichten.');
  const zip = new JSZip();
  for (const row of rows) {
    const bytes = retourBytes(row, secrets);
    // The whole id: its first characters are a timestamp (UUIDv7), shared by the files of a minute.
    if (bytes) zip.file(`${row.id}-${retourName(row)}`, bytes);
  }
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'ijw-retour',
    entityId: 'quarantine-zip',
    regionId: actor.regionId,
    after: { ...filters, files: rows.length },
  });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes, files: rows.length };
}

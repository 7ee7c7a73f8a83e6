import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { experienceResponses } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { containsBsnLike } from '../../../shared/bsn.js';
import { experienceLimits } from '../../../shared/experience.js';
import {
  experienceResultsThreshold,
  type PendingText,
  type PublishedText,
} from '../../../shared/experience-results.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';

export interface Moderation {
  decision: 'publiceren' | 'afwijzen';
  /** The text as it may be published: names and identifying details taken out. Only with 'publiceren'. */
  text?: string | undefined;
}

type TextRow = {
  id: string;
  text: string;
  month: string;
  provider_name: string;
  category: string;
};
const present = (r: TextRow) => ({
  id: r.id,
  text: r.text,
  month: r.month.slice(0, 7),
  providerName: r.provider_name,
  productCategory: r.category,
});

/** The open answers the contract manager has not moderated yet, oldest first: the only place they show as written. */
export async function pendingTexts(db: Db, regionId: string): Promise<PendingText[]> {
  const rows = await queryRows<TextRow>(
    db,
    sql`select r.id, r.open_text as text, r.submitted_month::text as month, p.name as provider_name,
        pr.product_category as category
      from experience_responses r
      join providers p on p.id = r.provider_id
      join products pr on pr.id = r.product_id
      where r.region_id = ${regionId}::uuid and r.open_state = 'pending'
      order by r.submitted_month, r.id
      limit 200`,
  );
  return rows.map(present);
}

/**
 * The moderated texts of a year, in the results: to an aanbieder only its own. Only of providers with at least the
 * threshold of answers in that year, as their figures: a text is not shown where the figures are withheld.
 */
export async function publishedTexts(db: Db, actor: Actor, regionId: string, year: number): Promise<PublishedText[]> {
  const own = actor.role === 'aanbieder';
  const rows = await queryRows<TextRow>(
    db,
    sql`select r.id, r.open_text as text, r.submitted_month::text as month, p.name as provider_name,
        pr.product_category as category
      from experience_responses r
      join providers p on p.id = r.provider_id
      join products pr on pr.id = r.product_id
      where r.region_id = ${regionId}::uuid and r.open_state = 'published'
        and r.submitted_month between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
        ${own ? sql`and r.provider_id = ${actor.providerId ?? null}::uuid` : sql``}
        and (select count(*) from experience_responses x where x.region_id = r.region_id
          and x.provider_id = r.provider_id
          and x.submitted_month between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date) >= ${experienceResultsThreshold}
      order by p.name, r.submitted_month, r.id`,
  );
  return rows.map(present);
}

/**
 * Publishes an open answer as the contract manager edited it, or rejects it. The edited text replaces what was
 * written (which is then nowhere kept); a text that still holds a BSN-like number is refused. The audit log keeps the
 * decision and the published text, never the text as written.
 */
export async function moderateText(
  db: Db,
  actor: Actor,
  regionId: string,
  id: string,
  input: Moderation,
): Promise<void> {
  const [row] = await queryRows<{ id: string; open_state: string | null }>(
    db,
    sql`select id, open_state from experience_responses where id = ${id}::uuid and region_id = ${regionId}::uuid
      for update`,
  );
  if (!row?.open_state) throw new AppError(ErrorCode.NotFound, 'Dit open antwoord bestaat niet.');
  if (row.open_state !== 'pending') throw new AppError(ErrorCode.Conflict, 'Dit open antwoord is al beoordeeld.');
  let text: string | null = null;
  if (input.decision === 'publiceren') {
    text = (input.text ?? '').trim();
    if (!text) throw fieldError('text', 'geef de tekst zoals hij getoond mag worden');
    if ([...text].length > experienceLimits.openTextMax)
      throw fieldError('text', `hoogstens ${experienceLimits.openTextMax} tekens`);
    if (containsBsnLike(text))
      throw fieldError('text', 'bevat een nummer dat op een burgerservicenummer lijkt; haal het weg');
  }
  const state = input.decision === 'publiceren' ? 'published' : 'rejected';
  await db.update(experienceResponses).set({ openText: text, openState: state }).where(eq(experienceResponses.id, id));
  await recordAudit(db, actor, {
    action: 'update',
    entity: 'open-answer',
    entityId: id,
    regionId,
    label: input.decision === 'publiceren' ? 'Open antwoord gepubliceerd' : 'Open antwoord afgewezen',
    after: { beslissing: input.decision, ...(text ? { tekst: text } : {}) },
  });
}

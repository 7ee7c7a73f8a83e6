import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experienceQuestionnaires } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import {
  defaultQuestionnaires,
  experienceAudiences,
  experienceLimits,
  type ExperienceAudience,
  type ExperienceQuestion,
} from '../../../shared/experience.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';

export interface QuestionnaireVersion {
  id: string;
  audience: ExperienceAudience;
  version: number;
  questions: ExperienceQuestion[];
  createdAt: string;
}

const present = (row: typeof experienceQuestionnaires.$inferSelect): QuestionnaireVersion => ({
  id: row.id,
  audience: row.audience as ExperienceAudience,
  version: row.version,
  questions: row.questions as ExperienceQuestion[],
  createdAt: row.createdAt.toISOString(),
});

/**
 * Gives a region version 1 of each default questionnaire when it has none: idempotent, so the demo seed, a batch and
 * the list may all call it; a region that made its own versions keeps them.
 */
export async function ensureDefaultQuestionnaires(db: Db, regionId: string): Promise<void> {
  for (const audience of experienceAudiences)
    await db
      .insert(experienceQuestionnaires)
      .values({ regionId, audience, version: 1, questions: defaultQuestionnaires[audience] })
      .onConflictDoNothing();
}

/** Every version of the region's questionnaires, newest first per audience. */
export async function listQuestionnaires(db: Db, regionId: string): Promise<QuestionnaireVersion[]> {
  await ensureDefaultQuestionnaires(db, regionId);
  const rows = await db
    .select()
    .from(experienceQuestionnaires)
    .where(eq(experienceQuestionnaires.regionId, regionId))
    .orderBy(asc(experienceQuestionnaires.audience), desc(experienceQuestionnaires.version));
  return rows.map(present);
}

/** The version new invitations for this audience get: the region's latest. */
export async function currentQuestionnaire(
  db: Db,
  regionId: string,
  audience: ExperienceAudience,
): Promise<QuestionnaireVersion> {
  await ensureDefaultQuestionnaires(db, regionId);
  const [row] = await db
    .select()
    .from(experienceQuestionnaires)
    .where(and(eq(experienceQuestionnaires.regionId, regionId), eq(experienceQuestionnaires.audience, audience)))
    .orderBy(desc(experienceQuestionnaires.version))
    .limit(1);
  return present(row!);
}

/**
 * Rules a version must meet so that answers stay comparable and short: at most nine questions, unique keys, exactly
 * one 1–10 mark (the satisfaction KPI reads it), at most one open question, a theme on every smiley statement.
 */
export function questionsProblem(questions: ExperienceQuestion[]): { name: string; reason: string } | null {
  if (questions.length < 1 || questions.length > experienceLimits.maxQuestions)
    return { name: 'questions', reason: `1 tot en met ${experienceLimits.maxQuestions} vragen` };
  const keys = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (keys.has(q.key)) return { name: `questions.${i}.key`, reason: `sleutel ${q.key} komt twee keer voor` };
    keys.add(q.key);
    if (q.kind === 'smiley' && !q.theme)
      return { name: `questions.${i}.theme`, reason: 'een stelling hoort bij een thema' };
    if (q.kind !== 'smiley' && q.theme)
      return { name: `questions.${i}.theme`, reason: 'alleen een stelling hoort bij een thema' };
  }
  if (questions.filter((q) => q.kind === 'score').length !== 1)
    return { name: 'questions', reason: 'precies één vraag met een cijfer van 1 tot 10 (tevredenheid met het effect)' };
  if (questions.filter((q) => q.kind === 'open').length > 1)
    return { name: 'questions', reason: 'hoogstens één open vraag' };
  return null;
}

/**
 * A new version of the region's questionnaire for one audience; earlier versions stay as they were, with their answers.
 * Serialised per region and audience by the unique version index: two at once, one is refused (409) and may retry.
 */
export async function createQuestionnaireVersion(
  db: Db,
  actor: Actor,
  regionId: string,
  input: { audience: ExperienceAudience; questions: ExperienceQuestion[] },
): Promise<QuestionnaireVersion> {
  const problem = questionsProblem(input.questions);
  if (problem) throw fieldError(problem.name, problem.reason);
  await ensureDefaultQuestionnaires(db, regionId);
  const [row] = await db
    .insert(experienceQuestionnaires)
    .values({
      regionId,
      audience: input.audience,
      version: sql`(select coalesce(max(version), 0) + 1 from experience_questionnaires
        where region_id = ${regionId}::uuid and audience = ${input.audience})`,
      questions: input.questions,
      createdBy: actor.id,
    })
    .returning();
  const version = present(row!);
  await recordAudit(db, actor, {
    action: 'create',
    entity: 'questionnaire',
    entityId: version.id,
    regionId,
    label: `Vragenlijst ${input.audience}, versie ${version.version}`,
    after: { audience: version.audience, version: version.version, questions: version.questions },
  });
  return version;
}

/** One version by id within a region (the answer page and results read the version that was answered). */
export async function questionnaireById(db: Db, id: string): Promise<QuestionnaireVersion | undefined> {
  const [row] = await db.select().from(experienceQuestionnaires).where(eq(experienceQuestionnaires.id, id));
  return row ? present(row) : undefined;
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experienceQuestionnaires } from '../../db/schema/index.js';
import { AppError, ErrorCode, type InvalidParam } from '../../http/errors.js';
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

const kindNames: Record<ExperienceQuestion['kind'], string> = {
  smiley: 'een stelling (smileys 1–5)',
  score: 'een cijfer van 1 tot 10',
  open: 'een open vraag',
};

/** Case and spaces do not make a question another one. */
const sameText = (text: string) => text.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');

/**
 * Rules a version must meet so that answers stay comparable and short: 1–9 questions, unique keys and Dutch texts,
 * exactly one 1–10 mark (the satisfaction KPI reads it), at most one open question, a theme on every smiley statement.
 * A key stands for one question over all versions of the audience (`earlier`): its wording may change, but not its
 * kind or theme, since a key's answers are compared across versions as answers to one question; measuring
 * something else takes a new key.
 * Every problem is returned, each named by its field, so a form can show them all at once.
 */
export function questionsProblems(questions: ExperienceQuestion[], earlier: ExperienceQuestion[] = []): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const add = (name: string, reason: string) => problems.push({ name, code: 'invalid', reason });
  if (questions.length < 1 || questions.length > experienceLimits.maxQuestions)
    add('questions', `1 tot en met ${experienceLimits.maxQuestions} vragen`);
  const before = new Map(earlier.map((q) => [q.key, q]));
  const keys = new Set<string>();
  const texts = new Map<string, number>();
  for (const [i, q] of questions.entries()) {
    if (keys.has(q.key)) add(`questions.${i}.key`, `sleutel ${q.key} komt twee keer voor`);
    keys.add(q.key);
    const text = sameText(q.text.nl);
    const twin = texts.get(text);
    if (twin !== undefined) add(`questions.${i}.text.nl`, `dezelfde vraag staat er al als vraag ${twin + 1}`);
    else texts.set(text, i);
    if (q.kind === 'smiley' && !q.theme) add(`questions.${i}.theme`, 'kies het thema van de stelling');
    if (q.kind !== 'smiley' && q.theme) add(`questions.${i}.theme`, 'alleen een stelling hoort bij een thema');
    const old = before.get(q.key);
    if (old && old.kind !== q.kind)
      add(
        `questions.${i}.kind`,
        `deze vraag was ${kindNames[old.kind]}; voor een andere soort vraag verwijdert u hem en voegt u een nieuwe toe`,
      );
    else if (old && q.kind === 'smiley' && q.theme && old.theme !== q.theme)
      add(
        `questions.${i}.theme`,
        `deze stelling hoorde bij het thema ${old.theme}; voor een ander thema verwijdert u hem en voegt u een nieuwe toe`,
      );
  }
  if (questions.filter((q) => q.kind === 'score').length !== 1)
    add('questions', 'precies één vraag met een cijfer van 1 tot 10 (tevredenheid met het effect)');
  if (questions.filter((q) => q.kind === 'open').length > 1) add('questions', 'hoogstens één open vraag');
  return problems;
}

/** Every question the audience's versions ever had, oldest first (so in a map by key the newest version wins). */
async function earlierQuestions(db: Db, regionId: string, audience: ExperienceAudience) {
  const rows = await db
    .select({ questions: experienceQuestionnaires.questions })
    .from(experienceQuestionnaires)
    .where(and(eq(experienceQuestionnaires.regionId, regionId), eq(experienceQuestionnaires.audience, audience)))
    .orderBy(asc(experienceQuestionnaires.version));
  return rows.flatMap((r) => r.questions as ExperienceQuestion[]);
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
  await ensureDefaultQuestionnaires(db, regionId);
  const problems = questionsProblems(input.questions, await earlierQuestions(db, regionId, input.audience));
  if (problems.length) throw new AppError(ErrorCode.Validation, problems[0]!.reason, problems);
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

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import { experienceBatches, experienceResponses, experienceTokens, providers } from '../../db/schema/index.js';
import { AppError, ErrorCode, type InvalidParam } from '../../http/errors.js';
import {
  answerProblem,
  type ExperienceAnswerValue,
  type ExperienceAudience,
  type ExperienceQuestion,
} from '../../../shared/experience.js';
import { questionnaireById } from './questionnaires.service.js';
import { hashOf, tokenPattern } from './tokens.js';

export interface Invitation {
  audience: ExperienceAudience;
  providerName: string;
  questions: ExperienceQuestion[];
  expiresAt: string;
}

export interface Submission {
  token: string;
  /** A random id the device made for this submission, kept with the token (hashed) to recognise a replay. */
  submissionId: string;
  language: 'nl' | 'en';
  answers: Record<string, ExperienceAnswerValue>;
}

const unknown = () =>
  new AppError(
    ErrorCode.NotFound,
    'Deze uitnodiging kennen we niet. Kijk of u de hele link hebt overgenomen, of vraag uw hulpverlener om een nieuwe.',
  );
const used = () =>
  new AppError(ErrorCode.Gone, 'Deze uitnodiging is al gebruikt. Dank u wel: uw antwoorden hebben we al ontvangen.');
const expired = () =>
  new AppError(ErrorCode.Gone, 'Deze uitnodiging is verlopen. Vraag uw hulpverlener om een nieuwe als u wilt meedoen.');

/** The invitation a token names, or 404 (never made) / 410 (used or expired): read with the batch, in one query. */
async function liveInvitation(db: Db, token: string) {
  if (!tokenPattern.test(token)) throw unknown();
  const [row] = await db
    .select({ token: experienceTokens, batch: experienceBatches, providerName: providers.name })
    .from(experienceTokens)
    .innerJoin(experienceBatches, eq(experienceBatches.id, experienceTokens.batchId))
    .innerJoin(providers, eq(providers.id, experienceBatches.providerId))
    .where(eq(experienceTokens.tokenHash, hashOf(token)));
  if (!row) throw unknown();
  return row;
}

/** What the answer page shows: the questions of the version the batch was made with, and whose help it is about. */
export async function checkInvitation(db: Db, token: string): Promise<Invitation> {
  const row = await liveInvitation(db, token);
  if (row.token.usedMonth) throw used();
  if (row.batch.expiresAt <= new Date()) throw expired();
  const questionnaire = (await questionnaireById(db, row.batch.questionnaireId))!;
  return {
    audience: questionnaire.audience,
    providerName: row.providerName,
    questions: questionnaire.questions,
    expiresAt: row.batch.expiresAt.toISOString(),
  };
}

function answerProblems(questions: ExperienceQuestion[], answers: Record<string, ExperienceAnswerValue>) {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const problems: InvalidParam[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    const reason = question ? answerProblem(question, value) : 'deze vraag staat niet in de vragenlijst';
    if (reason) problems.push({ name: `answers.${key}`, code: question ? 'invalid' : 'unknown', reason });
  }
  const given = Object.values(answers).filter((v) => v !== '');
  if (!given.length) problems.push({ name: 'answers', code: 'empty', reason: 'beantwoord minstens één vraag' });
  return problems;
}

/**
 * Stores one questionnaire's answers and uses the token up, in one transaction: a refusal (out of range, too long)
 * stores nothing and leaves the token usable. The same submission sent again (same device id) is told it arrived,
 * and nothing is stored twice; another submission with a used token is refused (410). The answer keeps no token,
 * batch, address or day: only the month, and what the batch is about.
 */
export async function submitAnswers(db: Db, input: Submission): Promise<'stored' | 'already-stored'> {
  const replay = hashOf(`submission:${input.submissionId}`);
  return db.transaction(async (tx) => {
    const row = await liveInvitation(tx, input.token);
    if (row.token.usedMonth) {
      if (row.token.submissionHash === replay) return 'already-stored';
      throw used();
    }
    if (row.batch.expiresAt <= new Date()) throw expired();
    const questionnaire = (await questionnaireById(tx, row.batch.questionnaireId))!;
    const problems = answerProblems(questionnaire.questions, input.answers);
    if (problems.length) throw new AppError(ErrorCode.Validation, 'Niet alle antwoorden kunnen we opslaan.', problems);
    const month = `${new Date().toISOString().slice(0, 7)}-01`;
    const [claimed] = await tx
      .update(experienceTokens)
      .set({ usedMonth: month, submissionHash: replay })
      .where(and(eq(experienceTokens.tokenHash, row.token.tokenHash), isNull(experienceTokens.usedMonth)))
      .returning({ tokenHash: experienceTokens.tokenHash });
    if (!claimed) {
      const again = await liveInvitation(tx, input.token);
      if (again.token.submissionHash === replay) return 'already-stored';
      throw used();
    }
    const closed: Record<string, number> = {};
    let openText: string | null = null;
    let effectScore: number | null = null;
    for (const q of questionnaire.questions) {
      const value = input.answers[q.key];
      if (value === undefined || value === '') continue;
      if (q.kind === 'open') openText = String(value).trim() || null;
      else {
        closed[q.key] = Number(value);
        if (q.kind === 'score') effectScore = Number(value);
      }
    }
    await tx.insert(experienceResponses).values({
      regionId: row.batch.regionId,
      providerId: row.batch.providerId,
      productId: row.batch.productId,
      municipalityId: row.batch.municipalityId,
      questionnaireId: questionnaire.id,
      submittedMonth: month,
      language: input.language,
      answers: closed,
      effectScore,
      openText,
      openState: openText ? 'pending' : null,
    });
    await bumpDataVersion(tx, 'experience');
    return 'stored';
  });
}

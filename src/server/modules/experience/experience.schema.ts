import { z } from '@hono/zod-openapi';
import { isoDate, ZPageQuery } from '../../http/openapi.js';
import { experienceAudiences, experienceLimits, experienceThemes, questionKinds } from '../../../shared/experience.js';

export const ZRegionQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

const ZAudience = z.enum(experienceAudiences, 'audience: kies jongere of ouder').describe('Voor wie de vragenlijst is');

export const ZQuestion = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'kleine letters, cijfers en _ (hoogstens 40), beginnend met een letter')
      .describe('Vaste sleutel van de vraag, gelijk over versies zodat antwoorden vergelijkbaar blijven'),
    kind: z.enum(questionKinds, 'kies smiley, score of open').describe('smiley (1–5), score (1–10) of open'),
    theme: z.enum(experienceThemes, 'kies toegang, kwaliteit of effect').optional(),
    text: z.object({
      nl: z
        .string()
        .trim()
        .min(3, 'vul de vraag in het Nederlands in (minstens 3 tekens)')
        .max(experienceLimits.questionTextMax, `hoogstens ${experienceLimits.questionTextMax} tekens`),
      en: z
        .string()
        .trim()
        .min(3, 'vul de vraag in het Engels in (minstens 3 tekens)')
        .max(experienceLimits.questionTextMax, `hoogstens ${experienceLimits.questionTextMax} tekens`),
    }),
  })
  .openapi('ExperienceQuestion');

export const ZQuestionnaire = z
  .object({
    id: z.uuid(),
    audience: ZAudience,
    version: z.number().int(),
    questions: z.array(ZQuestion),
    createdAt: z.string(),
  })
  .openapi('Questionnaire');

export const ZQuestionnaireCreate = z
  .object({
    audience: ZAudience,
    questions: z
      .array(ZQuestion)
      .min(1, 'minstens één vraag')
      .max(experienceLimits.maxQuestions, `hoogstens ${experienceLimits.maxQuestions} vragen`),
  })
  .openapi('QuestionnaireCreate');

export const ZBatchCreate = z
  .object({
    providerId: z.uuid('providerId: geen geldige aanbieder'),
    productId: z.uuid('productId: geen geldig product'),
    audience: ZAudience,
    source: z
      .enum(['count', 'ended'], 'source: count of ended')
      .describe('count: een aantal; ended: per jeugdige van wie de zorg in de periode eindigde (JW307)'),
    count: z
      .number()
      .int('count: een geheel getal')
      .min(1, 'count: minstens 1')
      .max(experienceLimits.maxBatchSize, `count: hoogstens ${experienceLimits.maxBatchSize}`)
      .optional(),
    endedFrom: isoDate('endedFrom').optional(),
    endedTo: isoDate('endedTo').optional(),
    validDays: z
      .number()
      .int('validDays: een geheel aantal dagen')
      .min(1, 'validDays: minstens 1')
      .max(experienceLimits.maxTokenDays, `validDays: hoogstens ${experienceLimits.maxTokenDays}`)
      .optional()
      .describe(`Hoe lang de uitnodigingen werken, in dagen (standaard ${experienceLimits.defaultTokenDays})`),
  })
  .openapi('InvitationBatchCreate');

export const ZBatch = z
  .object({
    id: z.uuid(),
    provider: z.object({ id: z.uuid(), name: z.string(), agbCode: z.string() }),
    product: z.object({ id: z.uuid(), code: z.string(), name: z.string(), category: z.string() }),
    audience: ZAudience,
    questionnaireVersion: z.number().int(),
    source: z.enum(['count', 'ended']),
    endedFrom: z.string().nullable(),
    endedTo: z.string().nullable(),
    size: z.number().int().describe('Aantal uitnodigingen'),
    used: z.number().int().describe('Aantal ingevulde'),
    links: z.boolean().describe('Of de links te downloaden zijn (niet bij de reeksen van de demogegevens)'),
    expiresAt: z.string(),
    createdByName: z.string(),
    createdAt: z.string(),
  })
  .openapi('InvitationBatch');

export const ZBatchQuery = ZPageQuery.extend(ZRegionQuery.shape).extend({
  providerId: z
    .uuid('providerId: moet een geldige id (uuid) zijn')
    .optional()
    .describe('Alleen de reeksen van deze aanbieder'),
});

export const ZLinksQuery = z.object({
  format: z.enum(['csv'], 'format: csv').default('csv').describe('Bestandsformaat'),
});

const ZToken = z.string().min(1, 'token ontbreekt').max(100, 'token: te lang').describe('Het token uit de link');

export const ZInvitationCheck = z.object({ token: ZToken }).openapi('InvitationCheck');

export const ZInvitation = z
  .object({
    audience: ZAudience,
    providerName: z.string().describe('Over de hulp van deze organisatie'),
    questions: z.array(ZQuestion),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

export const ZSubmission = z
  .object({
    token: ZToken,
    submissionId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'submissionId: 8 tot 64 letters, cijfers, - of _')
      .describe(
        'Een willekeurige id die het apparaat per inzending maakt; dezelfde nog eens sturen slaat niets dubbel op',
      ),
    language: z.enum(['nl', 'en'], 'language: nl of en').default('nl'),
    answers: z
      .record(z.string().max(40), z.union([z.number(), z.string().max(20_000, 'antwoord: te lang')]))
      .refine((a) => Object.keys(a).length <= 20, 'answers: te veel antwoorden')
      .describe('Per sleutel van een vraag: 1–5 (smiley), 1–10 (cijfer) of een tekst (open vraag)'),
  })
  .openapi('ExperienceSubmission');

export const ZSubmissionResult = z
  .object({ status: z.enum(['stored', 'already-stored']).describe('already-stored: deze inzending was al ontvangen') })
  .openapi('ExperienceSubmissionResult');

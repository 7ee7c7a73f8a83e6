import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems } from '../../http/openapi.js';
import { defineRoute } from '../../http/permission.js';
import { throttleAnswers } from './answer-throttle.js';
import { checkInvitation, submitAnswers } from './answering.service.js';
import { ZInvitation, ZInvitationCheck, ZSubmission, ZSubmissionResult } from './experience.schema.js';

/**
 * Answering the Ervaringwijzer without an account: whoever holds an invitation's token. The token travels in the body,
 * never in an API path; the answer page (/ervaring/<token>) reads it from its own address.
 */
export const answerRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Ervaringwijzer'];

answerRoutes.openapi(
  defineRoute({
    permission: 'experience.answer',
    method: 'post',
    path: '/invitation-checks',
    tags,
    summary: 'Nagaan of een uitnodiging nog werkt, en de vragen ervan',
    request: body(ZInvitationCheck),
    responses: { 200: json(ZInvitation, 'De vragenlijst van de uitnodiging'), ...problems(400, 404, 410, 429) },
  }),
  async (c) => {
    throttleAnswers(c);
    return c.json(await checkInvitation(c.get('db'), c.req.valid('json').token), 200);
  },
);

answerRoutes.openapi(
  defineRoute({
    permission: 'experience.answer',
    method: 'post',
    path: '/experience-responses',
    tags,
    summary: 'De antwoorden op een vragenlijst insturen; de uitnodiging is daarna gebruikt',
    description:
      'Alles of niets: een fout antwoord slaat niets op en laat de uitnodiging bruikbaar. Dezelfde inzending (zelfde ' +
      'submissionId) nog eens: 200, niets dubbel. Er wordt geen IP-adres, tijdstip of token bij de antwoorden bewaard.',
    request: body(ZSubmission),
    responses: {
      201: json(ZSubmissionResult, 'Opgeslagen'),
      200: json(ZSubmissionResult, 'Deze inzending was al ontvangen'),
      ...problems(400, 404, 410, 429),
    },
  }),
  async (c) => {
    throttleAnswers(c);
    const status = await submitAnswers(c.get('db'), c.req.valid('json'));
    return status === 'stored' ? c.json({ status }, 201) : c.json({ status }, 200);
  },
);

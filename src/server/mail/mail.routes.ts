import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../http/permission.js';
import type { AppEnv } from '../http/context.js';
import { json, paged, problems, toPage, ZPageQuery } from '../http/openapi.js';
import { getMail, listMail, mailStatuses, retryMail } from './outbox.js';

const tags = ['Beheer'];
const at = (what: string) => z.string().nullable().describe(`${what} (ISO 8601)`);
const ZMail = z
  .object({
    id: z.uuid(),
    regionId: z.uuid().nullable().describe('De regio waarover de e-mail gaat; leeg voor de installatie zelf'),
    to: z.string().describe('Ontvanger'),
    subject: z.string(),
    kind: z.string().describe('Soort e-mail, zoals availability-reminder'),
    reference: z.string().nullable().describe('Sleutel van de module voor de aanleiding'),
    createdAt: z.string().describe('In het postvak uit gezet (ISO 8601)'),
    status: z
      .enum(mailStatuses)
      .describe(
        'queued: wacht op verzending; sent: door de mailserver aangenomen; retrying: een poging mislukte, er volgt er ' +
          'een; failed: de laatste poging mislukte; not-sent-no-smtp: niet verzonden, er is geen mailserver ingesteld',
      ),
    attempts: z.number().int().describe('Verzendpogingen tot nu toe'),
    lastError: z.string().nullable().describe('Waarom de laatste poging mislukte'),
    nextAttemptAt: at('Volgende poging'),
    sentAt: at('Verzonden'),
  })
  .openapi('Mail');
const ZMailWithText = ZMail.extend({ text: z.string().describe('De tekst van de e-mail (platte tekst)') }).openapi(
  'MailWithText',
);
const ZMailId = z.object({
  id: z.uuid('id: geen geldige id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const mailRoutes = new OpenAPIHono<AppEnv>();

mailRoutes.openapi(
  defineRoute({
    permission: 'mail.read',
    method: 'get',
    path: '/mails',
    tags,
    summary: 'Het postvak uit: verzonden, wachtende en mislukte e-mails, nieuwste eerst (alleen beheerder)',
    request: { query: ZPageQuery.extend({ status: z.enum(mailStatuses).optional() }) },
    responses: {
      200: json(paged(ZMail, 'MailPage'), 'Een pagina e-mails, nieuwste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listMail(c.get('db'), actorOf(c), query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

mailRoutes.openapi(
  defineRoute({
    permission: 'mail.read',
    method: 'get',
    path: '/mails/{id}',
    tags,
    summary: 'Eén e-mail uit het postvak uit, met de tekst (alleen beheerder)',
    request: { params: ZMailId },
    responses: { 200: json(ZMailWithText, 'De e-mail'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    return c.json(await getMail(c.get('db'), actorOf(c), c.req.valid('param').id), 200);
  },
);

mailRoutes.openapi(
  defineRoute({
    permission: 'mail.manage',
    method: 'post',
    path: '/mails/{id}/retries',
    tags,
    summary: 'Een mislukte of niet verzonden e-mail opnieuw laten verzenden (alleen beheerder)',
    description:
      'Zet de e-mail terug in de wachtrij, met de pogingen opnieuw geteld, en vraagt de verzendtaak te draaien. ' +
      'Voor een e-mail die al verzonden is of al wacht: 409.',
    request: { params: ZMailId },
    responses: { 202: json(ZMailWithText, 'De e-mail staat weer klaar'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    return c.json(await retryMail(c.get('db'), actorOf(c), c.req.valid('param').id), 202);
  },
);

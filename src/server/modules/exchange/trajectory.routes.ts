import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { json, problems, ZDate } from '../../http/openapi.js';
import { getTrajectoryDetail } from './trajectory-detail.js';

/** One trajectory with the messages, declarations and contract behind it. */
export const trajectoryRoutes = new OpenAPIHono<AppEnv>();
const tags = ['iJw-berichten'];

const ZTrajectoryMessage = z
  .object({
    messageType: z.string().describe('Berichttype van het bestand, bv. JW301'),
    kind: z
      .enum(['verzoek', 'wijzigingsverzoek', 'antwoord', 'toewijzing', 'start', 'stop', 'declaratie'])
      .describe('Wat het bericht over dit traject zegt'),
    date: ZDate.describe('De dag waar het bericht over gaat (aanvraag, toewijzing, start, einde, declaratieperiode)'),
    messageDate: ZDate.nullable().describe('Dagtekening van het bericht'),
    receivedAt: z.string(),
    fileId: z.uuid().describe('Het bestand waarin het bericht binnenkwam'),
    fileName: z.string(),
    fileStatus: z.enum(['accepted', 'rejected']),
    hasRetour: z.boolean().describe('Er is een retourbericht aan de afzender (bij een aanvaard bestand: positief)'),
    receivedRetourCodes: z.array(z.string()).describe('Retourcodes die de andere partij op dit bericht terugstuurde'),
  })
  .openapi('TrajectoryMessage');

const ZTrajectoryDetail = z
  .object({
    id: z.number().int(),
    client: z.string().describe('Pseudoniem (ingekort); nooit het BSN'),
    birthYear: z.number().int().nullable(),
    municipalityCode: z.string(),
    providerAgb: z.string(),
    allocationNumber: z.string().nullable(),
    productCategory: z.string().nullable(),
    productCode: z.string().nullable(),
    requestDate: ZDate.nullable(),
    allocationStart: ZDate.nullable(),
    allocationEnd: ZDate.nullable(),
    volume: z.number().int().nullable(),
    unit: z.string().nullable(),
    frequency: z.string().nullable(),
    startDate: ZDate.nullable(),
    endDate: ZDate.nullable(),
    endReason: z.string().nullable(),
    fundingVariant: z.enum(['toewijzing', 'taakgericht']),
    declaredCents: z.number().int().describe('Netto gedeclareerd (creditregels negatief)'),
    messages: z.array(ZTrajectoryMessage).describe('De berichten achter het traject, in de volgorde van verzenden'),
    declarations: z
      .array(
        z.object({
          month: z.string().describe('Maand van de declaratieperiode, JJJJ-MM'),
          volume: z.number().int(),
          amountCents: z.number().int(),
          lines: z.number().int(),
        }),
      )
      .describe('Declaraties per maand'),
    product: z
      .object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        category: z.string(),
        lotCode: z.string().nullable(),
        withdrawn: z
          .object({ at: z.string(), reason: z.string() })
          .nullable()
          .describe('Ingetrokken (een vergissing): wanneer en waarom; null als het staat'),
      })
      .nullable()
      .describe('Het product uit het productenboek van de regio; null als de regio het niet kent'),
    contract: z
      .object({
        id: z.uuid(),
        reference: z.string(),
        startDate: ZDate,
        endDate: ZDate.describe('Met besloten verlengingen'),
        lotCode: z.string(),
        lotName: z.string(),
        throughCombination: z.boolean(),
        withdrawn: z
          .object({ at: z.string(), reason: z.string() })
          .nullable()
          .describe('Ingetrokken (een vergissing): wanneer en waarom; null als het staat'),
      })
      .nullable()
      .describe('Het contract waaronder de zorg liep; null als de aanbieder op de startdatum geen contract had'),
  })
  .openapi('TrajectoryDetail');

const ZTrajectoryIdParam = z.object({
  id: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int({ message: 'moet een geheel getal zijn' })
    .positive({ message: 'moet een positief getal zijn' })
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
});

trajectoryRoutes.openapi(
  defineRoute({
    permission: 'trajectories.read',
    method: 'get',
    path: '/trajectories/{id}',
    tags,
    summary: 'Eén zorgtraject met zijn berichten, declaraties per maand en contract',
    description:
      'Een aanbieder ziet alleen de eigen trajecten; een traject van een ander is onbekend (404). Het inzien wordt gelogd.',
    request: { params: ZTrajectoryIdParam },
    responses: { 200: json(ZTrajectoryDetail, 'Het traject'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const detail = await getTrajectoryDetail(c.get('db'), actorOf(c), c.req.valid('param').id);
    return c.json(detail as z.infer<typeof ZTrajectoryDetail>, 200);
  },
);

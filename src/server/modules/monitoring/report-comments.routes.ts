import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { resolveRegion } from './kpi.service.js';
import { assertQuarterExists, commentSubjects, listComments, setComment } from './report/commentary.service.js';
import { quarterPattern, quarterReason } from './report/index.js';

/** The region's own commentary on its figures, per quarter: on the whole report and per KPI (docs/decisions.md). */
export const reportCommentRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Sturingsinformatie'];

const ZQuarter = z.string().regex(quarterPattern, quarterReason).describe('Kwartaal, bv. 2025Q3');
const ZComment = z
  .object({
    subject: z.enum(commentSubjects).describe('"report" voor de hele rapportage, anders de KPI'),
    text: z.string(),
    updatedAt: z.string().describe('Laatst gewijzigd (ISO 8601)'),
    updatedByName: z.string(),
  })
  .openapi('ReportComment');
const ZQuarterComments = z
  .object({ quarter: z.string(), report: ZComment.nullable(), kpis: z.array(ZComment) })
  .openapi('QuarterComments');
const ZCommentParams = z.object({ quarter: ZQuarter, subject: z.enum(commentSubjects) });
const ZCommentWrite = z
  .object({
    text: z
      .string()
      .max(4000, 'mag hoogstens 4.000 tekens zijn')
      .describe(
        'De toelichting; leeg verwijdert haar. Geen persoonsgegevens: de tekst komt in de openbare rapportage.',
      ),
  })
  .openapi('ReportCommentWrite');

reportCommentRoutes.openapi(
  defineRoute({
    permission: 'reports.read',
    method: 'get',
    path: '/report-comments/{quarter}',
    tags,
    summary: 'De toelichting van de regio bij een kwartaal',
    request: { params: z.object({ quarter: ZQuarter }) },
    responses: { 200: json(ZQuarterComments, 'Toelichting'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actorOf(c).regionIds);
    const { quarter } = c.req.valid('param');
    await assertQuarterExists(db, region.id, quarter);
    return c.json(await listComments(db, region.id, quarter), 200);
  },
);

reportCommentRoutes.openapi(
  defineRoute({
    permission: 'reports.edit',
    method: 'put',
    path: '/report-comments/{quarter}/{subject}',
    tags,
    summary: 'Toelichting bij een kwartaal schrijven of (leeg) verwijderen',
    description:
      'Per kwartaal één toelichting op de hele rapportage (subject "report") en één per KPI. Een kwartaal zonder cijfers van de regio, of dat nog niet begonnen is, geeft 400.',
    request: { params: ZCommentParams, ...body(ZCommentWrite) },
    responses: {
      200: json(z.object({ comment: ZComment.nullable() }), 'Opgeslagen (null: verwijderd)'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actor.regionIds);
    const params = c.req.valid('param');
    const comment = await db.transaction((tx) =>
      setComment(tx, actor, region.id, { ...params, text: c.req.valid('json').text }),
    );
    return c.json({ comment }, 200);
  },
);

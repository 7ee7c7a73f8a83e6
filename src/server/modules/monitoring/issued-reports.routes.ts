import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { resolveRegion } from './kpi.service.js';
import { quarterPattern, quarterReason } from './report/index.js';
import { issueReport, issuedReportPdf, issuedVersion, listIssuedReports } from './report/issued.service.js';
import { cachedAnswer, jsonResponse } from './answer-cache.js';
import { dutchToday } from './period.js';

/** Quarterly reports as issued to the council: kept byte for byte, with the figures they showed. */
export const issuedReportRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Sturingsinformatie'];

const ZFigureChange = z.object({
  subject: z.string(),
  unit: z.string(),
  issued: z.number().nullable(),
  current: z.number().nullable(),
});
const ZIssuedReport = z
  .object({
    id: z.string().uuid(),
    quarter: z.string(),
    issuedAt: z.string().describe('Vastgesteld (ISO 8601)'),
    issuedByName: z.string(),
    fileName: z.string(),
    sha256: z.string().describe('SHA-256 van de uitgegeven PDF'),
    changes: z
      .array(ZFigureChange)
      .nullable()
      .describe('Cijfers die nu anders zijn dan bij de uitgave (laatste uitgave van een recent kwartaal); anders null'),
  })
  .openapi('IssuedReport');

issuedReportRoutes.openapi(
  defineRoute({
    permission: 'reports.read',
    method: 'get',
    path: '/issued-reports',
    tags,
    summary: 'Uitgegeven kwartaalrapportages, met cijfers die sindsdien veranderden',
    responses: {
      200: json(z.object({ data: z.array(ZIssuedReport) }), 'Uitgegeven rapportages'),
      ...problems(401, 403),
    },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actorOf(c).regionIds);
    // Comparing with today's figures costs a KPI answer per issued quarter: kept per data version, day and issues.
    const issues = await issuedVersion(db, region.id);
    const json = await cachedAnswer(
      c,
      'issued-reports',
      { region: region.id, issues, today: dutchToday() },
      async () => ({
        data: await listIssuedReports(db, { regionId: region.id, threshold: c.get('config').suppressionThreshold }),
      }),
    );
    return jsonResponse(c, json);
  },
);

issuedReportRoutes.openapi(
  defineRoute({
    permission: 'reports.edit',
    method: 'post',
    path: '/issued-reports',
    tags,
    summary: 'De kwartaalrapportage vaststellen en uitgeven',
    description:
      'Maakt de rapportage van de regio over het kwartaal, met datum en naam van wie haar vaststelt, en bewaart de PDF en de cijfers. Later is precies deze PDF weer te downloaden.',
    request: body(z.object({ quarter: z.string().regex(quarterPattern, quarterReason) }).openapi('IssueReport')),
    responses: { 201: json(ZIssuedReport, 'Uitgegeven'), ...problems(400, 401, 403, 503) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actor.regionIds);
    const issued = await db.transaction((tx) =>
      issueReport(tx, actor, {
        regionId: region.id,
        quarter: c.req.valid('json').quarter,
        threshold: c.get('config').suppressionThreshold,
      }),
    );
    return c.json(issued, 201);
  },
);

issuedReportRoutes.openapi(
  defineRoute({
    permission: 'reports.read',
    method: 'get',
    path: '/issued-reports/{id}/pdf',
    tags,
    summary: 'De uitgegeven PDF, precies zoals uitgegeven',
    request: { params: ZIdParam },
    responses: {
      200: {
        description: 'De PDF, als bijlage',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const region = await resolveRegion(c.get('db'), undefined, actorOf(c).regionIds);
    const report = await issuedReportPdf(c.get('db'), region.id, c.req.valid('param').id);
    return c.body(new Uint8Array(report.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(report.fileName),
      'Cache-Control': 'no-store',
    });
  },
);

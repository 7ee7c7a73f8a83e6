import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../http/spreadsheet.js';
import { resolveRegion } from '../monitoring/index.js';
import { resultsSheet } from './results-export.js';
import { buildExperienceReport, experienceReportFileName, renderExperienceReport } from './results-report.js';
import { ZRegionQuery } from './experience.schema.js';
import { moderateText, pendingTexts } from './moderation.service.js';
import { ZExperienceResults, ZModeration, ZPendingText, ZResultsQuery } from './results.schema.js';
import { experienceResults } from './results.service.js';

/** The Ervaringwijzer's results (for learning, never for purchasing or tiers) and the moderation of open answers. */
export const resultsRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Ervaringwijzer'];

resultsRoutes.openapi(
  defineRoute({
    permission: 'experienceResults.read',
    method: 'get',
    path: '/experience-results',
    tags,
    summary: 'De uitkomsten van de Ervaringwijzer over een jaar (een aanbieder: de eigen, met de regio ernaast)',
    description:
      'Aantallen, respons, scores per thema en het cijfer, per aanbieder, productcategorie, gemeente en kwartaal; nooit ' +
      'per reeks. Groepen onder 10 antwoorden zijn weggelaten, en zo nodig nog een groep erbij zodat het totaal min de ' +
      'getoonde groepen niets verraadt. Aanbieders staan op naam: geen rangschikking.',
    request: { query: ZResultsQuery },
    responses: { 200: json(ZExperienceResults, 'De uitkomsten'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const year = query.year ?? new Date().getUTCFullYear();
    return c.json(await experienceResults(db, actor, region.id, year), 200);
  },
);

resultsRoutes.openapi(
  defineRoute({
    permission: 'experienceResults.read',
    method: 'get',
    path: '/experience-results/export',
    tags,
    summary: 'De jaarcijfers cliëntervaring als CSV of XLSX (een aanbieder: de eigen, met de regio)',
    description: 'Dezelfde cijfers als de uitkomsten, met dezelfde weggelaten groepen (<10); zonder open antwoorden.',
    request: { query: ZResultsQuery.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('De jaarcijfers'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const year = query.year ?? new Date().getUTCFullYear();
    const results = await experienceResults(db, actor, region.id, year);
    return sendSpreadsheet(c, resultsSheet(results, region.code), query.format);
  },
);

resultsRoutes.openapi(
  defineRoute({
    permission: 'experienceResults.report',
    method: 'get',
    path: '/experience-results/report',
    tags,
    summary: 'Het jaarverslag cliëntervaring van de regio als toegankelijke PDF (Jeugdwet art. 2.10)',
    description:
      'Hoe het onderzoek is gedaan, de uitkomsten per thema en het cijfer voor de regio, per kwartaal, productcategorie, ' +
      'gemeente en aanbieder (op naam, geen rangschikking), een keuze uit de gemodereerde open antwoorden zonder ' +
      'aanbieder. Gemaakt uit dezelfde uitkomsten als GET /experience-results: dezelfde groepen (<10) weggelaten.',
    request: { query: ZResultsQuery },
    responses: {
      200: {
        description: 'De PDF, als bijlage (clientervaring-<regio>-<jaar>.pdf)',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const report = await buildExperienceReport(db, actor, region, query.year ?? new Date().getUTCFullYear());
    return c.body(new Uint8Array(await renderExperienceReport(report)), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(experienceReportFileName(report)),
      'Cache-Control': 'no-store',
    });
  },
);

resultsRoutes.openapi(
  defineRoute({
    permission: 'experienceTexts.moderate',
    method: 'get',
    path: '/open-answers',
    tags,
    summary: 'De open antwoorden die nog beoordeeld moeten worden, zoals ze geschreven zijn (de oudste eerst)',
    request: { query: ZRegionQuery },
    responses: { 200: json(z.array(ZPendingText), 'De wachtrij'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await pendingTexts(db, region.id), 200);
  },
);

resultsRoutes.openapi(
  defineRoute({
    permission: 'experienceTexts.moderate',
    method: 'put',
    path: '/open-answers/{id}/moderation',
    tags,
    summary: 'Een open antwoord publiceren zoals bewerkt (zonder namen en herkenbare details), of afwijzen',
    description:
      'De bewerkte tekst vervangt wat geschreven was. Een tekst met een nummer dat de 11-proef haalt wordt geweigerd.',
    request: { params: ZIdParam, query: ZRegionQuery, ...body(ZModeration) },
    responses: { 204: { description: 'Beoordeeld' }, ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    const { id } = c.req.valid('param');
    await db.transaction((tx) => moderateText(tx, actor, region.id, id, c.req.valid('json')));
    return c.body(null, 204);
  },
);

import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute } from '../http/permission.js';
import type { AppEnv } from '../http/context.js';
import { AppError, ErrorCode } from '../http/errors.js';
import { json, problems } from '../http/openapi.js';
import { jobCatalog } from './catalog.js';
import { listJobStatus, requestJob } from './runner.js';

const tags = ['Beheer'];
const at = (what: string) => z.string().nullable().describe(`${what} (ISO 8601)`);
const ZJob = z
  .object({
    name: z.string(),
    description: z.string(),
    everyMinutes: z.number().describe('Schema: loopt zoveel minuten na de vorige run, en bij het starten'),
    running: z.boolean(),
    requested: z.boolean().describe('Een run is gevraagd en begint zodra de taak vrij is'),
    lastStartedAt: at('Begin van de laatste run'),
    lastFinishedAt: at('Einde van de laatste run'),
    lastOutcome: z.enum(['succeeded', 'failed']).nullable(),
    lastError: z.string().nullable().describe('De fout van de laatste mislukte run'),
    failures: z
      .number()
      .int()
      .describe('Mislukte runs sinds de laatste geslaagde; de volgende poging wacht steeds langer'),
    nextRunAt: at('Volgende run of nieuwe poging'),
  })
  .openapi('Job');
const ZJobName = z.object({
  name: z
    .string()
    .max(60)
    .openapi({ param: { name: 'name', in: 'path' } }),
});

export const jobRoutes = new OpenAPIHono<AppEnv>();

jobRoutes.openapi(
  defineRoute({
    permission: 'jobs.read',
    method: 'get',
    path: '/jobs',
    tags,
    summary: 'Achtergrondtaken met hun laatste run, volgende run en fouten (alleen beheerder)',
    responses: { 200: json(z.object({ data: z.array(ZJob) }), 'De taken'), ...problems(401, 403) },
  }),
  async (c) => {
    return c.json({ data: await listJobStatus(c.get('db'), jobCatalog()) }, 200);
  },
);

jobRoutes.openapi(
  defineRoute({
    permission: 'jobs.run',
    method: 'post',
    path: '/jobs/{name}/runs',
    tags,
    summary: 'Een achtergrondtaak nu laten uitvoeren (alleen beheerder)',
    description: 'Antwoordt meteen; de taak draait op de achtergrond. Loopt ze al, dan volgt er direct nog een run.',
    request: { params: ZJobName },
    responses: { 202: json(ZJob, 'De run is gevraagd'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const { name } = c.req.valid('param');
    if (!jobCatalog().some((j) => j.name === name))
      throw new AppError(ErrorCode.NotFound, `Taak ${name} bestaat niet.`);
    const db = c.get('db');
    await requestJob(db, name);
    const job = (await listJobStatus(db, jobCatalog())).find((j) => j.name === name)!;
    return c.json(job, 202);
  },
);

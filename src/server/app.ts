import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { guardCsrf, loadActor } from './http/auth.js';
import { defineRoute, permit, refuseUndeclared } from './http/permission.js';
import type { AppEnv } from './http/context.js';
import { AppError, busy, ErrorCode, fromHttpException, invalidParamsFromZod, problemResponse } from './http/errors.js';
import { guardInput } from './http/input-guard.js';
import { noStoreByDefault } from './http/cache.js';
import type { Logger } from './http/logger.js';
import type { Secrets } from './security/secrets.js';
import { declareVersionHeader, json } from './http/openapi.js';
import { uploadLimit } from './http/stream-limit.js';
import { serverModules } from './modules/index.js';
import { SignInThrottle } from './modules/auth/index.js';

export const apiVersion = '1.0.0';
const webRoot = join(import.meta.dirname, '..', '..', 'dist', 'web');

export interface AppDeps {
  database: Database;
  config: Config;
  secrets: Secrets;
  logger?: Logger | undefined;
  /** Sign-in throttling state; tests pass one with their own clock. */
  signInThrottle?: SignInThrottle | undefined;
}

/** Builds the whole HTTP application; tests call it in-process with app.request(). */
export function createApp({ database, config, secrets, logger, signInThrottle = new SignInThrottle() }: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        throw new AppError(ErrorCode.Validation, 'Ongeldige invoer', invalidParamsFromZod(result.error));
      if (result.target === 'json' && c.req.method === 'PATCH' && isEmptyChange(result.data))
        throw new AppError(ErrorCode.Validation, 'Geef minstens één veld om te wijzigen.', [
          { name: 'body', code: 'empty_change', reason: 'geef minstens één veld om te wijzigen' },
        ]);
    },
  });
  api.use('*', async (c, next) => {
    c.set('db', database.db);
    c.set('dbKind', database.kind);
    c.set('config', config);
    c.set('secrets', secrets);
    c.set('signInThrottle', signInThrottle);
    await next();
    c.header('API-Version', apiVersion);
  });
  api.use('*', noStoreByDefault);
  // JSON bodies stay small; the uploads a module declares get their own, larger limit.
  const tooLarge = (message: string) => () => {
    throw new AppError(ErrorCode.PayloadTooLarge, message);
  };
  const jsonLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge('Het verzoek is groter dan 1 MB.') });
  // Uploads are counted as they stream in, never held whole by the limit itself (http/stream-limit.ts).
  // Each route holds at most `concurrent` upload bodies at once, per app; one more is a 503 before its body is read.
  const uploadLimits = new Map(
    serverModules
      .flatMap((m) => m.uploads ?? [])
      .map((u) => [
        `${u.method} /api/v1${u.path}`,
        uploadLimit(u, {
          tooLarge: () => new AppError(ErrorCode.PayloadTooLarge, u.message),
          busy: () => busy(u.busyMessage),
        }),
      ]),
  );
  api.use('*', (c, next) => (uploadLimits.get(`${c.req.method} ${c.req.path}`) ?? jsonLimit)(c, next));
  api.use('*', loadActor);
  api.use('*', guardCsrf);
  api.use('*', refuseUndeclared);
  // After the CSRF check and the actor: a cross-site or undeclared request is refused as such before its input is read.
  api.use('*', guardInput);

  api.openapi(
    defineRoute({
      permission: 'health.read',
      method: 'get',
      path: '/health',
      tags: ['Systeem'],
      summary: 'Gezondheid van de dienst en de database',
      responses: {
        200: json(z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }), 'De dienst werkt'),
      },
    }),
    async (c) => {
      await database.db.execute('select 1');
      return c.json({ status: 'ok' as const, database: database.kind }, 200);
    },
  );
  for (const routes of serverModules.flatMap((m) => m.routes)) api.route('/', routes);

  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'zl_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.use('/openapi.json', permit('apiDocs.read'));
  api.get('/openapi.json', (c) =>
    c.json(
      declareVersionHeader(
        api.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Zorglandschap API',
            version: apiVersion,
            description:
              'Stamgegevens van het zorglandschap van een jeugdregio. Fouten volgen RFC 9457 (application/problem+json).',
            contact: { name: 'Zorglandschap', url: 'https://github.com/zorglandschap', email: 'dev@zorglandschap.nl' },
            license: { name: 'EUPL-1.2' },
          },
          servers: [{ url: '/api/v1' }],
          security: [{ sessionCookie: [] }, { bearer: [] }],
        }),
        apiVersion,
      ),
    ),
  );

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestId());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    logger?.info({
      id: c.get('requestId' as never),
      method: c.req.method,
      // An invitation's token is a key to one questionnaire: it does not go into the log.
      path: c.req.path.replace(/^\/ervaring\/.+/, '/ervaring/…'),
      status: c.res.status,
      ms: Math.round(performance.now() - start),
    });
  });
  app.route('/api/v1', api);
  app.notFound((c) => problemResponse(c, new AppError(ErrorCode.NotFound, `Geen pad ${c.req.method} ${c.req.path}.`)));
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) return problemResponse(c, fromHttpException(err));
    if (isUniqueViolation(err))
      return problemResponse(c, new AppError(ErrorCode.Conflict, 'Deze code of combinatie bestaat al.'));
    logger?.error({ err, path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      new AppError(ErrorCode.Internal, 'Er ging iets mis aan onze kant. Probeer het later opnieuw.'),
    );
  });

  if (existsSync(webRoot)) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    // The Ervaringwijzer's answer page is a page of its own, without the app (docs/decisions.md).
    const answerHtml = existsSync(join(webRoot, 'ervaring.html'))
      ? readFileSync(join(webRoot, 'ervaring.html'), 'utf8')
      : null;
    if (answerHtml)
      app.get('/ervaring/*', (c) => {
        c.header('Cache-Control', 'no-store');
        return c.html(answerHtml);
      });
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/'))
        return problemResponse(c, new AppError(ErrorCode.NotFound, `Geen API-pad ${c.req.method} ${c.req.path}.`));
      return c.html(indexHtml);
    });
  }
  return app;
}

/** A PATCH whose body, once validated, names no field: nothing to change, and no update to run. */
function isEmptyChange(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.values(data).every((v) => v === undefined);
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.js';
import type { JobDefinition } from '../jobs/runner.js';

/** A request body larger than the 1 MB every other route takes: an upload, with its own limit and message. */
export interface UploadLimit {
  method: 'POST' | 'PUT' | 'PATCH';
  /** The route's path under /api/v1, as declared (e.g. `/imports`). */
  path: string;
  maxBytes: number;
  /** What the user reads when the upload is too large, in Dutch. */
  message: string;
}

/**
 * What a server module brings to the installation, declared in its own `module.ts`: the app mounts the routes and
 * upload limits of every module in `modules/index.ts`, and the job runner schedules their jobs. Other modules use a
 * module's data only through its public surface, `index.ts` (lint enforces it).
 */
export interface ServerModule {
  name: string;
  /** Routers with the module's API operations, mounted under /api/v1; each operation declares its permission. */
  routes: ReadonlyArray<OpenAPIHono<AppEnv>>;
  uploads?: readonly UploadLimit[];
  jobs?: readonly JobDefinition[];
  /**
   * The kinds of object this module records in the audit log (`recordAudit`'s `entity`), declared `as const` so the
   * audit log's entity type is their union; each has its label in the web feature that shows it.
   */
  auditEntities?: readonly string[];
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { DataDirLockedError } from '../db/data-dir-lock.js';
import type { AppEnv } from '../http/context.js';
import type { JobDefinition } from '../jobs/runner.js';
import type { Secrets } from '../security/secrets.js';

/** A request body larger than the 1 MB every other route takes: an upload, with its own limit and message. */
export interface UploadLimit {
  method: 'POST' | 'PUT' | 'PATCH';
  /** The route's path under /api/v1, as declared (e.g. `/imports`). */
  path: string;
  maxBytes: number;
  /** What the user reads when the upload is too large, in Dutch. */
  message: string;
  /** How many of these uploads the server holds at once; one more is refused with 503 and Retry-After. */
  concurrent: number;
  /** What the user reads when the server is busy with `concurrent` uploads, in Dutch. */
  busyMessage: string;
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

/** What the command line (src/cli/main.ts) gives a module's commands. */
export interface CliContext {
  /**
   * Opens the configured database, runs `work` and closes it. When a server holds the data directory, `whenLocked`
   * may hand the work to it; without it the command is refused (exit 2).
   */
  withDatabase<T>(
    work: (database: Database) => Promise<T>,
    whenLocked?: (locked: DataDirLockedError) => Promise<T>,
  ): Promise<T>;
  config(): Config;
  /** The installation's secrets (the BSN pseudonym key among them). */
  secrets(): Secrets;
  /** Runs a background job here and now, recorded as a run of it; throws when it fails. */
  runJob(database: Database, name: string): Promise<void>;
  /** A command group such as `import` or `export`, shared by the modules that add subcommands to it. */
  group(name: string, description: string): Command;
  prompt(question: string): Promise<string>;
}

/**
 * A module's commands, registered on the `zorglandschap` program. They live in the module's `cli.ts`, not in
 * `module.ts`: that loads the routes, and a command such as an import starts faster without them. Heavy parts are
 * imported inside an action.
 */
export type CliCommands = (program: Command, cli: CliContext) => void;

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { Db, DatabaseKind } from '../db/client.js';
import type { Actor } from '../modules/auth/index.js';
import type { Secrets } from '../security/secrets.js';

export interface AppEnv {
  Variables: {
    db: Db;
    dbKind: DatabaseKind;
    config: Config;
    secrets: Secrets;
    actor: Actor | null;
    sessionToken: string | null;
  };
}

export type Router = OpenAPIHono<AppEnv>;

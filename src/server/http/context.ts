import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { Db, DatabaseKind } from '../db/client.js';
import type { Actor, SignInThrottle } from '../modules/auth/index.js';
import type { Secrets } from '../security/secrets.js';

export interface AppEnv {
  Variables: {
    db: Db;
    dbKind: DatabaseKind;
    config: Config;
    secrets: Secrets;
    actor: Actor | null;
    sessionToken: string | null;
    /** Where the actor's credential came from: only a cookie is ambient, and so needs the CSRF check. */
    credential: 'cookie' | 'bearer' | null;
    signInThrottle: SignInThrottle;
  };
}

export type Router = OpenAPIHono<AppEnv>;

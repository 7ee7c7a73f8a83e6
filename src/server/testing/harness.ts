import { randomBytes } from 'node:crypto';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { createScratchDatabase } from '../db/scratch.js';
import { chooseRegion, openSession } from '../modules/auth/auth.service.js';
import type { Role } from '../../shared/domain.js';
import { users } from '../db/schema/index.js';
import { secretsFromKey, type Secrets } from '../security/secrets.js';

export interface TestContext {
  database: Database;
  secrets: Secrets;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * A fresh, empty, migrated database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL, so the same suite proves both engines.
 */
export async function createTestContext(): Promise<TestContext> {
  const serverUrl = process.env.DATABASE_URL;
  let database: Database;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, 'zl_test');
    database = await openDatabase({ databaseUrl: scratch.url });
    dropDatabase = scratch.drop;
  } else {
    database = await openDatabase({ dataDir: 'memory' });
  }
  const secrets = secretsFromKey(randomBytes(32));
  const app = createApp({ database, config: loadConfig({}, { databaseUrl: undefined }), secrets });
  return {
    database,
    secrets,
    app,
    close: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

let counter = 0;
/**
 * A user with a live session; skips password hashing, which the auth tests cover on their own. Placed like
 * `createUser` places it: in the region given, else in the only region there is; a beheerder without one keeps the
 * whole installation, any other role without one sees no region's data.
 */
export async function buildUser(ctx: TestContext, role: Role, providerId?: string, regionId?: string) {
  counter += 1;
  const [user] = await ctx.database.db
    .insert(users)
    .values({
      email: `${role}-${counter}-${randomBytes(3).toString('hex')}@test.nl`,
      name: `Test ${role}`,
      role,
      providerId: role === 'aanbieder' ? (providerId ?? null) : null,
      regionId: await chooseRegion(ctx.database.db, { role, regionId }),
    })
    .returning();
  const { token } = await openSession(ctx.database.db, user!.id);
  return { user: user!, token };
}

/** Calls the API in-process as the holder of `token`. */
export async function call(ctx: TestContext, token: string | null, method: string, path: string, payload?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  const res = await ctx.app.request(`/api/v1${path}`, {
    method,
    headers,
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * A throw-away database on the PostgreSQL server named by `serverUrl`, for tests and benchmarks: each gets its own,
 * so they never see each other's rows. The user needs CREATEDB.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE cannot end an autovacuum worker (a superuser process) that happens to be busy in the database; it
    // finishes within moments, so try again a few times before giving up.
    drop: async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
          return;
        } catch (e) {
          if (attempt >= 10) throw e;
          await sleep(300 * attempt);
        }
      }
    },
  };
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

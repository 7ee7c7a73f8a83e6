import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQLWrapper } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { restrictDataDir } from '../security/data-dir.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One type for both engines: every service takes a Db (or a transaction, which is one). */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Held while a PGlite data directory is open (not for PostgreSQL or in-memory PGlite). */
  lock?: DataDirLock | undefined;
  close(): Promise<void>;
}

const migrationsFolder = join(import.meta.dirname, 'migrations');

export interface OpenDatabaseOptions {
  /** A postgres:// URL selects a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory' keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Who opens it, as a second process finds it named when the directory is locked (e.g. "zorglandschap serve"). */
  holder?: string | undefined;
}

/**
 * Opens the database and applies pending migrations, so a fresh install and an upgrade start the same way.
 * A PGlite data directory is locked first: a second process gets a DataDirLockedError instead of a second writer.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // JIT off for every connection: the app's queries are short, and PostgreSQL's cost estimate for the KPI facts'
    // staleness check (digests of the master data) made it compile that query on every dashboard read: 2 s instead of
    // 9 ms, which held all ten connections under 50 users (docs/benchmarks.md). The facts refresh had it off already.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: '-c jit=off' });
    // An idle connection can be cut by the server (a restart, an administrator, a dropped test database). pg reports
    // that as an 'error' event on the pool, which would end the process if nobody listened; the pool simply opens a
    // new connection on the next query.
    pool.on('error', (err) => console.warn(`PostgreSQL-verbinding verbroken: ${err.message}`));
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    return { db, kind: 'postgresql', close: () => pool.end() };
  }
  const dir = options.dataDir ?? 'data';
  if (dir === 'memory') return openPglite(new PGlite());
  restrictDataDir(dir);
  const lock = await lockDataDir(dir, options.holder ?? `node ${process.argv.slice(1, 3).join(' ')}`);
  const client = new PGlite(join(dir, 'pglite'));
  try {
    const database = await openPglite(client, lock);
    restrictDataDir(dir);
    return {
      ...database,
      close: async () => {
        await database.close();
        restrictDataDir(dir);
      },
    };
  } catch (err) {
    await client.close().catch(() => {});
    await lock.release();
    throw err;
  }
}

async function openPglite(client: PGlite, lock?: DataDirLock): Promise<Database> {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    lock,
    close: async () => {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/**
 * Awaits lazy drizzle queries one after another. Inside a transaction there is one connection, and
 * node-postgres refuses (from pg 9) to run two queries on it at once, so services use this instead of Promise.all.
 */
export async function runInOrder<T extends readonly unknown[]>(
  queries: [...T],
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const q of queries) results.push(await q);
  return results as { [K in keyof T]: Awaited<T[K]> };
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T extends Record<string, unknown> = Record<string, unknown>>(
  db: Db,
  query: SQLWrapper,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

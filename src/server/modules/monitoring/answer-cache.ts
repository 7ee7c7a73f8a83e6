import { sql } from 'drizzle-orm';
import type { Context, TypedResponse } from 'hono';
import { scopeOf } from '../../../shared/permissions.js';
import { queryRows, type Db } from '../../db/client.js';
import type { AppEnv } from '../../http/context.js';
import { actorOf } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';

/**
 * The dashboard's answers, kept per actor scope, query and data version: the figures change only when data changes
 * (an import, a refresh of the KPI facts, a change of master data or targets), while fifty colleagues ask for the
 * same overview again and again. A kept answer is the serialized JSON, so a hit costs neither the computation nor the
 * serialization. Kept in this process's memory, bounded (least recently used out first); every process reads the
 * data version from the database per request, so two servers on one PostgreSQL both see each change land.
 */

/** Answers whose facts are `refreshing` or `building` change when the job ends: kept this long at most. */
const volatileMs = 2000;

interface Entry {
  json: string;
  /** When a volatile answer stops being served; Infinity for one that changes only with the data version. */
  until: number;
}

export interface AnswerCacheLimits {
  /** Total characters of the kept answers. */
  maxChars: number;
  maxEntries: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<string>>();
  private chars = 0;
  private version: string | null = null;
  /** Answers served from the cache and computed, since the start (for the tests and for a look under load). */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly limits: AnswerCacheLimits = { maxChars: 32 * 2 ** 20, maxEntries: 5000 }) {}

  /**
   * The answer for `key` under data version `version` as JSON: the kept one, the one being computed for the same
   * key (concurrent misses compute once), or `compute()`'s, kept unless it failed. `isVolatile` marks an answer that
   * may change without a new version (the facts are being refreshed): it is kept for two seconds only.
   */
  async get<T>(
    version: string,
    key: string,
    compute: () => Promise<T>,
    isVolatile: (answer: T) => boolean = () => false,
  ): Promise<string> {
    if (version !== this.version) {
      // The data changed: what was kept under the older version is never asked for again.
      this.clear();
      this.version = version;
    }
    const full = `${version}\n${key}`;
    const hit = this.entries.get(full);
    if (hit && hit.until > Date.now()) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(full);
      this.entries.set(full, hit);
      this.counts.hits++;
      return hit.json;
    }
    const running = this.computing.get(full);
    if (running) {
      this.counts.hits++;
      return running;
    }
    this.counts.misses++;
    const work = (async () => {
      const answer = await compute();
      const json = JSON.stringify(answer);
      if (this.version === version)
        this.keep(full, { json, until: isVolatile(answer) ? Date.now() + volatileMs : Infinity });
      return json;
    })().finally(() => this.computing.delete(full));
    this.computing.set(full, work);
    return work;
  }

  /** How many answers and characters are kept (for the tests of the bound). */
  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  private keep(key: string, entry: Entry): void {
    if (entry.json.length > this.limits.maxChars) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.chars -= old.json.length;
    }
    this.entries.set(key, entry);
    this.chars += entry.json.length;
    for (const [k, e] of this.entries) {
      if (this.chars <= this.limits.maxChars && this.entries.size <= this.limits.maxEntries) break;
      this.entries.delete(k);
      this.chars -= e.json.length;
    }
  }
}

/** One cache per database: tests run several in one process, and an answer belongs to its database. */
const caches = new WeakMap<Db, AnswerCache>();
export function answerCacheFor(db: Db): AnswerCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AnswerCache()));
  return cache;
}

/**
 * The version of everything a dashboard answer is made of, in one small read: the counters of the domains
 * (src/server/db/data-versions.ts: master data, imports, targets, refreshes, experience answers) and when the KPI facts were last
 * completed (a migration that empties them clears that too).
 */
export async function dashboardDataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select coalesce((select string_agg(domain || '=' || version, ',' order by domain) from data_versions
        where domain in ('landscape', 'exchange', 'kpi-facts', 'kpi-targets', 'experience')), '')
      || '|' || coalesce((select completed_at::text from kpi_refresh where id = 1), '-') as version`,
  );
  return row!.version;
}

/**
 * Who an answer may be served to, as the permission table scopes `kpis.read`: the role (what a role may see of the
 * same figures can differ), the regions of a region-scoped actor, the provider of an actor scoped to its own. Two
 * actors with the same key are entitled to exactly the same answers.
 */
export function scopeKey(actor: Actor): string {
  const scope = scopeOf(actor.role, 'kpis.read');
  return JSON.stringify([
    actor.role,
    scope,
    [...actor.regionIds].sort(),
    scope === 'ownProvider' ? (actor.providerId ?? null) : null,
  ]);
}

/** A query's parameters in one order, without the empty ones: two spellings of one question share an answer. */
export function queryKey(query: Record<string, unknown>): string {
  return JSON.stringify(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * The answer of read `name` for this actor and query as JSON, from the cache of this database when the data did not
 * change since it was computed, else computed now (and kept). Errors are not kept.
 */
export async function cachedAnswer<T>(
  c: Context<AppEnv>,
  name: string,
  query: Record<string, unknown>,
  compute: () => Promise<T>,
  isVolatile?: (answer: T) => boolean,
): Promise<Cached<T>> {
  const db = c.get('db');
  const version = await dashboardDataVersion(db);
  return answerCacheFor(db).get(version, `${name}\n${scopeKey(actorOf(c))}\n${queryKey(query)}`, compute, isVolatile);
}

/** An answer of type T serialized as JSON. */
export type Cached<T> = string & { readonly answer?: T };

/** A kept answer as the 200 response it was (typed as c.json would type it, for the OpenAPI route). */
export function jsonResponse<T>(c: Context<AppEnv>, json: Cached<T>): TypedResponse<T, 200, 'json'> {
  return c.body(json, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<T, 200, 'json'>;
}

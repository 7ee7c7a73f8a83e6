import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkSource, type CheckedFile } from './check.js';
import type { Pseudonymise } from './messages.js';
import { pseudonymiserFromKey, pseudonymKeyOf, type Secrets } from '../../security/secrets.js';
import type { SourceItem } from './sources.js';
import { loadXsdSupport } from './xsd.js';

/** Checks chunks of files; results come back per chunk, to be awaited in the order the chunks were submitted. */
export interface Checker {
  check(items: SourceItem[]): Promise<CheckedFile[]>;
}

interface PoolWorker {
  worker: Worker;
  outstanding: number;
  failed?: Error;
}
interface Job {
  resolve: (r: CheckedFile[]) => void;
  reject: (e: Error) => void;
  worker: PoolWorker;
}

/**
 * Threads that read, parse, XSD-validate and pseudonymise files while the main thread writes earlier batches. One
 * pool per process, started on the first large import; between imports its threads do not keep the process alive.
 * The main thread of a large import never loads libxml2 itself, which keeps that process over 100 MB smaller.
 */
class CheckPool {
  private readonly workers: PoolWorker[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn(): PoolWorker {
    const worker = new Worker(new URL('./check-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./check-worker.ts', import.meta.url).href },
      execArgv: [],
    });
    const w: PoolWorker = { worker, outstanding: 0 };
    worker.unref();
    worker.on('message', (m: { id: number; results?: CheckedFile[]; error?: string }) => {
      const job = this.settle(m.id);
      if (!job) return;
      if (m.results) job.resolve(m.results.map(revive));
      else job.reject(new Error(`controle in werkthread mislukt: ${m.error}`));
    });
    const fail = (e: Error) => {
      w.failed ??= e;
      for (const [id, job] of [...this.jobs])
        if (job.worker === w) this.settle(id)?.reject(new Error(`werkthread gestopt: ${e.message}`));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
    return w;
  }

  get usable(): boolean {
    return this.workers.some((w) => !w.failed);
  }

  check(items: SourceItem[], key: Buffer): Promise<CheckedFile[]> {
    const live = this.workers.filter((x) => !x.failed);
    // Every thread has stopped (each failure failed its own chunks): carry on here rather than not at all.
    if (!live.length) return checkHere(items, pseudonymiserFromKey(key));
    const w = live.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, worker: w });
      if (w.outstanding++ === 0) w.worker.ref();
      w.worker.postMessage({ id, key, items: items.map(exactBytes) });
    });
  }

  /** Ends the threads; an idle thread would otherwise keep a command-line process from exiting. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private settle(id: number): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    this.jobs.delete(id);
    if (--job.worker.outstanding === 0) job.worker.worker.unref();
    return job;
  }
}

let pool: CheckPool | undefined;

/**
 * Worker threads for a large import: ZL_IMPORT_WORKERS, else one per core, at most four; one fewer when the database
 * (PGlite) runs on the main thread, which then has a core's work of its own. Each thread costs some 80 MB.
 */
export function workerCount(databaseInProcess: boolean): number {
  const configured = process.env.ZL_IMPORT_WORKERS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.floor(Number(configured)) || 0);
  return Math.max(1, Math.min(4, availableParallelism() - (databaseInProcess ? 1 : 0)));
}

/**
 * Starts the worker threads ahead of a large import (the command line does this before it opens the database), so
 * their start-up (libxml2, the schemas) overlaps with other work. They stay idle until the import uses them.
 */
export function warmUpCheckWorkers(databaseInProcess: boolean): void {
  const count = workerCount(databaseInProcess);
  if (count > 0) pool ??= new CheckPool(count);
}

/** Stops the worker threads, if any were started (the command line does this when its import is done). */
export async function stopCheckWorkers(): Promise<void> {
  const running = pool;
  pool = undefined;
  await running?.stop();
}

/**
 * A checker for one import. `large` says whether the import has more files than it is worth starting threads for
 * (an upload of a few files, a test): small imports are checked on the calling thread.
 */
export function createChecker(secrets: Secrets, large: boolean, databaseInProcess: boolean): Checker {
  const key = pseudonymKeyOf(secrets);
  const count = workerCount(databaseInProcess);
  if (large && key && count > 0 && (pool?.usable ?? true)) {
    pool ??= new CheckPool(count);
    const p = pool;
    return { check: (items) => p.check(items, key) };
  }
  return { check: (items) => checkHere(items, secrets.pseudonymise) };
}

/** Checks on this thread, loading libxml2 here the first time. */
async function checkHere(items: SourceItem[], pseudonymise: Pseudonymise): Promise<CheckedFile[]> {
  await loadXsdSupport();
  return items.map((s) => checkSource(s, pseudonymise));
}

/** A view's own bytes: posting a slice of Node's shared buffer pool would copy the whole pool. */
function exactBytes(s: SourceItem): SourceItem {
  return 'bytes' in s && s.bytes.byteLength !== s.bytes.buffer.byteLength
    ? { name: s.name, bytes: Buffer.from(new Uint8Array(s.bytes).buffer) }
    : s;
}

function revive(c: CheckedFile): CheckedFile {
  return { ...c, bytes: Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength) };
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkSource, unreadable, type CheckedFile } from './check.js';
import type { Pseudonymise } from './messages.js';
import { pseudonymiserFromKey, pseudonymKeyOf, type Secrets } from '../../security/secrets.js';
import type { SourceItem } from './sources.js';
import { loadXsdSupport } from './xsd.js';

/** Checks chunks of files; results come back per chunk, to be awaited in the order the chunks were submitted. */
export interface Checker {
  check(items: SourceItem[]): Promise<CheckedFile[]>;
}

/**
 * What one file may cost its worker. Parsing is linear and stops at the first limit, so a 25 MB file takes seconds;
 * these are the backstop for anything that still runs away: past the time the thread is ended and a new one started,
 * and a thread that outgrows its heap ends itself. Either way only that file is rejected and the server answers on.
 */
export const checkBudget = {
  secondsPerFile: () => Number(process.env.ZL_CHECK_SECONDS_PER_FILE) || 120,
  heapMb: 1024,
} as const;

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  job?: Job;
  lost?: boolean;
}
interface Job {
  items: SourceItem[];
  key: Buffer;
  resolve: (r: CheckedFile[]) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
  timedOut?: boolean;
}

/**
 * Threads that read, parse, XSD-validate and pseudonymise files, so that this work never runs on the thread that
 * answers requests, and while the main thread writes earlier batches. One pool per process, started on the first
 * import; between imports its threads do not keep the process alive. A thread takes one chunk at a time, within a
 * time budget. When a thread fails on a chunk (out of time, out of memory, an exception), the chunk's files are checked
 * again one by one on fresh threads, and a file that fails on its own is rejected with the reason.
 */
class CheckPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: Job[] = [];
  private failuresInARow = 0;
  private stopped = false;

  constructor(private readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  /** False once threads keep dying before they could check anything (a broken installation): work stays here. */
  get usable(): boolean {
    return !this.stopped && this.failuresInARow < 3 * this.size;
  }

  private spawn(): PoolWorker {
    const worker = new Worker(new URL('./check-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./check-worker.ts', import.meta.url).href },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: checkBudget.heapMb },
    });
    const w: PoolWorker = { worker, ready: false };
    worker.unref();
    worker.on('message', (m: { ready?: true; checked?: number; results?: CheckedFile[]; error?: string }) => {
      if (m.ready) {
        w.ready = true;
        this.dispatch();
        return;
      }
      const job = w.job;
      if (!job) return;
      if (m.checked !== undefined) {
        // One more file done: the next one gets its own time.
        this.startClock(w, job);
        return;
      }
      this.release(w);
      this.failuresInARow = 0;
      if (m.results) job.resolve(m.results.map(revive));
      else this.retry(job, `de controle liep vast: ${m.error?.split('\n')[0]}`);
      this.dispatch();
    });
    const lose = (e: Error) => this.lose(w, e);
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`exit ${code}`)));
    return w;
  }

  check(items: SourceItem[], key: Buffer): Promise<CheckedFile[]> {
    if (!this.usable) return checkHere(items, pseudonymiserFromKey(key));
    return new Promise((resolve, reject) => {
      this.waiting.push({ items: items.map(exactBytes), key, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the threads; an idle thread would otherwise keep a command-line process from exiting. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('de controle is gestopt'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (!w.ready || w.job || w.lost) continue;
      const job = this.waiting.shift();
      if (!job) return;
      w.job = job;
      w.worker.ref();
      this.startClock(w, job);
      w.worker.postMessage({ key: job.key, items: job.items });
    }
  }

  private startClock(w: PoolWorker, job: Job): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      job.timedOut = true;
      void w.worker.terminate();
    }, checkBudget.secondsPerFile() * 1000);
    job.timer.unref();
  }

  private release(w: PoolWorker): void {
    clearTimeout(w.job?.timer);
    w.job = undefined;
    w.worker.unref();
  }

  /** A thread ended or crashed: its chunk is checked again, and a fresh thread takes its place. */
  private lose(w: PoolWorker, e: Error): void {
    if (w.lost) return;
    w.lost = true;
    const job = w.job;
    this.release(w);
    const at = this.workers.indexOf(w);
    if (this.stopped) {
      job?.reject(new Error('de controle is gestopt'));
      return;
    }
    if (!w.ready) this.failuresInARow += 1;
    if (at !== -1) {
      if (this.usable) this.workers[at] = this.spawn();
      else this.workers.splice(at, 1);
    }
    if (job) {
      const reason = job.timedOut
        ? `de controle duurde langer dan ${checkBudget.secondsPerFile()} s per bestand en is afgebroken`
        : `de controle is afgebroken (${/memory/i.test(e.message) ? 'te veel geheugen nodig' : e.message})`;
      this.retry(job, reason);
    }
    if (!this.usable)
      for (const waiting of this.waiting.splice(0))
        this.check(waiting.items, waiting.key).then(waiting.resolve, waiting.reject);
    this.dispatch();
  }

  /** A chunk of several files is split and each checked alone; a single file that failed is rejected with the reason. */
  private retry(job: Job, reason: string): void {
    if (job.items.length === 1) {
      const item = job.items[0]!;
      job.resolve([unreadable(item.name, `bestand kan niet worden gecontroleerd: ${reason}`)]);
      return;
    }
    Promise.all(job.items.map((item) => this.check([item], job.key))).then((r) => job.resolve(r.flat()), job.reject);
  }
}

let pool: CheckPool | undefined;

/**
 * Worker threads for imports: ZL_IMPORT_WORKERS, else one per core, at most four; one fewer when the database
 * (PGlite) runs on the main thread, which then has a core's work of its own. Each thread costs some 80 MB.
 * ZL_IMPORT_WORKERS=0 checks on the calling thread, which is only sensible for the command line.
 */
export function workerCount(databaseInProcess: boolean): number {
  const configured = process.env.ZL_IMPORT_WORKERS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.floor(Number(configured)) || 0);
  return Math.max(1, Math.min(4, availableParallelism() - (databaseInProcess ? 1 : 0)));
}

/**
 * Starts the worker threads ahead of an import (the command line does this before it opens the database), so
 * their start-up (libxml2, the schemas) overlaps with other work. They stay idle until an import uses them.
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
 * A checker for one import. Every import, an upload of one file included, is checked on the worker threads: a
 * hostile file then costs a worker, never the thread that answers requests. Only without threads (ZL_IMPORT_WORKERS=0,
 * or Secrets that cannot hand a worker its pseudonym key) is the work done on the calling thread.
 */
export function createChecker(secrets: Secrets, databaseInProcess: boolean): Checker {
  const key = pseudonymKeyOf(secrets);
  const count = workerCount(databaseInProcess);
  if (key && count > 0 && (pool?.usable ?? true)) {
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

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** Who holds a data directory: written next to the lock, so a second process can name it (and reach it). */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** What the holder is doing, e.g. "zorglandschap serve". */
  command: string;
  since: string;
  /** A running server's address and its per-start token for the CLI (docs/decisions.md, "One process per DATA_DIR"). */
  url?: string;
  cliToken?: string;
}

/** The data directory is open in another process; nothing was changed. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    super(lockedMessage(dataDir, owner));
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Tells later processes where this server listens and which token lets the CLI forward work to it. */
  announce(details: { url: string; cliToken: string }): void;
  release(): Promise<void>;
}

/**
 * A holder refreshes the lock's mtime every 2 s; others count it stale only after 60 s without a refresh, because
 * PGlite runs on the holder's event loop and a long query (a region's KPI refresh: ~18 s) delays the refresh.
 * A holder that is known to be dead (same host, no such pid) is taken over as soon as its mtime is 3 s old.
 */
const staleMs = 60_000;
const updateMs = 2_000;
const deadHolderStaleMs = 3_000;
const deadHolderRetries = { retries: 6, minTimeout: 1_000, maxTimeout: 1_000 };

/**
 * Takes the one lock on a PGlite data directory (proper-lockfile: an atomic mkdir whose mtime the holder keeps
 * fresh), so no second process can open the same database; the lock goes with the process on exit or a signal.
 */
export async function lockDataDir(dataDir: string, command: string): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const ownerFile = join(dir, 'pglite.owner.json');
  const options = {
    lockfilePath: join(dir, 'pglite.lock'),
    realpath: false,
    update: updateMs,
    onCompromised: (err: Error) => {
      process.stderr.write(
        `De vergrendeling van ${dir} is verloren (${err.message}); het proces stopt om de database niet te beschadigen.\n` +
          `The lock on ${dir} was lost (${err.message}); stopping so the database is not damaged.\n`,
      );
      process.exit(1);
    },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { ...options, stale: staleMs });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    const owner = readOwner(ownerFile);
    if (!owner || isAlive(owner)) throw new DataDirLockedError(dir, owner);
    try {
      release = await lockfile.lock(dir, { ...options, stale: deadHolderStaleMs, retries: deadHolderRetries });
    } catch (again) {
      if ((again as { code?: string }).code !== 'ELOCKED') throw again;
      throw new DataDirLockedError(dir, readOwner(ownerFile));
    }
  }

  let owner: LockOwner = { pid: process.pid, hostname: hostname(), command, since: new Date().toISOString() };
  writeOwner(ownerFile, owner);
  const removeOwner = () => {
    if (readOwner(ownerFile)?.pid === process.pid) rmSync(ownerFile, { force: true });
  };
  process.on('exit', removeOwner);
  return {
    announce(details) {
      owner = { ...owner, ...details };
      writeOwner(ownerFile, owner);
    },
    async release() {
      process.off('exit', removeOwner);
      removeOwner();
      await release();
    },
  };
}

/** Written whole and readable by the owner only (mode 0600), because it may carry the CLI token. */
function writeOwner(file: string, owner: LockOwner): void {
  const temporary = `${file}.${process.pid}`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, JSON.stringify(owner, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

/** The holder as it described itself; null when it has not yet written, or the file is not ours to read. */
function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Only a holder on this host can be checked; one elsewhere counts as alive until its lock goes stale. */
function isAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

function lockedMessage(dir: string, owner: LockOwner | null): string {
  const who = owner
    ? `${owner.command}, pid ${owner.pid}${owner.hostname === hostname() ? '' : ` op ${owner.hostname}`}` +
      `${owner.url ? `, ${owner.url}` : ''}`
    : 'onbekend welk';
  const whoEn = owner ? who.replace(' op ', ' on ') : 'unknown which';
  return (
    `De gegevensmap ${dir} is in gebruik door een ander proces (${who}). Een PGlite-database kan maar door één ` +
    `proces tegelijk geopend worden: er is niets gewijzigd. Stop dat proces eerst, of doe het werk via de ` +
    `webapplicatie of de API van de draaiende server.\n` +
    `The data directory ${dir} is in use by another process (${whoEn}). A PGlite database can be opened by one ` +
    `process at a time: nothing was changed. Stop that process first, or do the work through the running ` +
    `server's web application or API.`
  );
}

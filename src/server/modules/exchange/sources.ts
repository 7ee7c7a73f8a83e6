import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import yauzl from 'yauzl';

/** One file to import, from disk, from a zip or from an upload. */
export interface ImportSource {
  name: string;
  bytes: Buffer;
}
/** A source that could not even be read (a truncated zip, a file too large): it becomes a rejected result. */
export interface UnreadableSource {
  name: string;
  problem: string;
}
/** A file on disk not read yet: the thread that checks it reads it (an import worker), so the main thread never does. */
export interface FileRef {
  name: string;
  path: string;
}
export type SourceItem = ImportSource | FileRef | UnreadableSource;

export const importLimits = {
  /** OP179 caps an iJw file at 25 MB; anything larger is refused before it is read. */
  maxFileBytes: 25 * 1024 * 1024,
  maxZipEntries: 1_000_000,
} as const;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Yields the files under the given paths one at a time (never all in memory): plain files as references that the
 * checking thread reads (refusing one over the size limit before reading it), folders (recursively, in name order, so
 * a month's JW301 comes before its JW305) and zip archives (entries in name order, read here).
 */
export async function* readSources(paths: string[]): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      yield { name: path, problem: 'bestand of map bestaat niet' };
    } else if (info.isDirectory()) {
      for (const file of await listFiles(path)) yield* readOne(file, relative(path, file) || basename(file));
    } else {
      yield* readOne(path, basename(path));
    }
  }
}

async function* readOne(path: string, name: string): AsyncGenerator<SourceItem> {
  if (/\.zip$/i.test(path)) yield* readZip(path, name);
  else yield { name, path };
}

/** The XML and zip files under a folder, in name order, folder by folder. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (/\.(xml|zip)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * How much an archive may unpack to. `remaining` is shared by the archives of one upload and counts down as each is
 * opened: an archive whose XML entries would unpack to more than what is left is refused as a whole, before any entry
 * is inflated, so a small zip of large entries cannot make the server unpack gigabytes.
 */
export interface UnpackBudget {
  remaining: number;
  /** The reason given when an archive does not fit, e.g. where larger sets can go instead. */
  refusal: string;
}

/** Streams the archive's entries; a damaged archive yields one unreadable source with yauzl's reason. */
async function* readZip(path: string, name: string): AsyncGenerator<ImportSource | UnreadableSource> {
  yield* readArchive(name, (cb) => yauzl.open(path, { lazyEntries: true, autoClose: false }, cb));
}

/** The entries of an uploaded archive held in memory (an upload is never written to disk), within the budget. */
export async function* readZipBuffer(
  name: string,
  bytes: Buffer,
  budget: UnpackBudget,
): AsyncGenerator<ImportSource | UnreadableSource> {
  yield* readArchive(name, (cb) => yauzl.fromBuffer(bytes, { lazyEntries: true }, cb), budget);
}

type OpenZip = (cb: (err: Error | null, zip: yauzl.ZipFile) => void) => void;

async function* readArchive(
  name: string,
  open: OpenZip,
  budget?: UnpackBudget,
): AsyncGenerator<ImportSource | UnreadableSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => open((err, z) => (err ? reject(err) : resolve(z))));
  } catch (e) {
    yield { name, problem: `zip-bestand is beschadigd of onvolledig: ${(e as Error).message}` };
    return;
  }
  try {
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.length >= importLimits.maxZipEntries) return reject(new Error('te veel bestanden in het archief'));
        // Like a folder, an archive may hold other files (a manifest, a readme): only XML messages are imported.
        if (/\.xml$/i.test(entry.fileName)) entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch((e: Error) => {
      entries.length = 0;
      throw e;
    });
    if (budget) {
      // Entries over the per-file limit are refused unread, so they do not count; yauzl holds every entry to its size.
      const unpacked = entries.reduce(
        (n, e) => n + (e.uncompressedSize > importLimits.maxFileBytes ? 0 : e.uncompressedSize),
        0,
      );
      if (unpacked > budget.remaining) {
        yield { name, problem: `zip-bestand pakt uit tot ${mb(unpacked)}; ${budget.refusal}` };
        return;
      }
      budget.remaining -= unpacked;
    }
    for (const entry of entries.sort((a, b) => a.fileName.localeCompare(b.fileName))) {
      const entryName = `${name}/${entry.fileName}`;
      if (entry.uncompressedSize > importLimits.maxFileBytes) {
        yield { name: entryName, problem: tooLarge(entry.uncompressedSize) };
        continue;
      }
      try {
        yield { name: entryName, bytes: await readEntry(zip, entry) };
      } catch (e) {
        yield { name: entryName, problem: `kan niet uit het zip-bestand worden gelezen: ${(e as Error).message}` };
      }
    }
  } catch (e) {
    yield { name, problem: `zip-bestand is beschadigd of onvolledig: ${(e as Error).message}` };
  } finally {
    zip.close();
  }
}

/** The reason for a file over the OP179 limit, wherever it came from (upload, archive entry, disk). */
export function tooLarge(bytes: number, atLeast = false): string {
  return `bestand is ${atLeast ? 'meer dan ' : ''}${mb(bytes)}; de grens is ${mb(importLimits.maxFileBytes)} (OP179)`;
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

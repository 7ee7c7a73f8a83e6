import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobDefinition } from '../../jobs/runner.js';
import { sweepOriginalParts } from './write-batch.js';

/** The folders uploads were written to before they were held in memory only (docs/decisions.md, issue 14). */
export const uploadTempPrefix = 'zl-upload-';

export interface SweepOptions {
  /** The folder to sweep; the system's temporary folder by default. */
  dir?: string;
  /** A folder is left alone until it has not changed for this long: an upload of an older server may still use it. */
  olderThanMs?: number;
  now?: number;
}

/**
 * Removes the upload folders an earlier release left in the temporary folder when its process died mid-upload: their
 * zips were written unencrypted and may hold personal data. Only folders of this process's user, only real folders
 * (never a link someone put there), and only after a day without change. Returns the names removed.
 */
export async function sweepUploadTemp(options: SweepOptions = {}): Promise<string[]> {
  const dir = options.dir ?? tmpdir();
  const olderThanMs = options.olderThanMs ?? 24 * 60 * 60 * 1000;
  const now = options.now ?? Date.now();
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.name.startsWith(uploadTempPrefix) || !entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    if (now - info.mtimeMs < olderThanMs) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

export const uploadTempSweepJob: JobDefinition = {
  name: 'upload-temp-sweep',
  description:
    'Ruimt tijdelijke uploadmappen (zl-upload-*) op die een eerdere versie achterliet toen het proces stopte tijdens een upload; alleen mappen die een dag niet zijn gewijzigd.',
  everyMinutes: 24 * 60,
  runAtStart: true,
  timeoutMinutes: 10,
  run: async () => {
    await sweepUploadTemp();
  },
};

export const originalPartsSweepJob: JobDefinition = {
  name: 'original-parts-sweep',
  description:
    'Ruimt delen van grote afgekeurde bestanden op waar geen bestand naar verwijst (achtergelaten toen het proces stopte tijdens een import); alleen delen van meer dan een dag oud.',
  everyMinutes: 24 * 60,
  runAtStart: true,
  timeoutMinutes: 10,
  run: async (db) => {
    await sweepOriginalParts(db);
  },
};

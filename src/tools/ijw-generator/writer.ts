import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface FileJob {
  path: string;
  render(): string;
}

/**
 * Writes many small files: creates each folder once, then keeps `concurrency` writes in flight (rendering the next
 * file while the thread pool writes the previous ones), so memory stays flat however many files there are.
 * Returns the number of bytes written.
 */
export async function writeFiles(outDir: string, jobs: readonly FileJob[], concurrency = 32): Promise<number> {
  const folders = [...new Set(jobs.map((j) => dirname(j.path)))].sort();
  for (const folder of folders) await mkdir(join(outDir, folder), { recursive: true });
  let next = 0;
  let bytes = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++] as FileJob;
      const data = Buffer.from(job.render(), 'utf8');
      bytes += data.length;
      await writeFile(join(outDir, job.path), data);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return bytes;
}

/** Splits a folder's files into part-NN subfolders when there are more than `max`. */
export function shardedPath(folder: string, index: number, total: number, name: string, max: number): string {
  if (total <= max) return `${folder}/${name}`;
  return `${folder}/part-${String(Math.floor(index / max) + 1).padStart(2, '0')}/${name}`;
}

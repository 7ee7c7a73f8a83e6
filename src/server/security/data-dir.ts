import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps an embedded database's data directory to the account that runs the server: the directory and every folder
 * in it 0700, every file 0600. PGlite creates its files 0666 whatever the umask (its file system sets the mode
 * itself), so a file it adds while running is world-writable on its own; the 0700 directory is what keeps other
 * accounts out of it, and this walk, at every open and close, brings the files themselves back to 0600.
 * Symbolic links are left as they are (their target is not ours to change).
 */
export function restrictDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pending = [dir];
  while (pending.length) {
    const path = pending.pop()!;
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) pending.push(join(path, name));
    } else if ((stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  }
}

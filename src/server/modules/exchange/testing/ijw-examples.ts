import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example messages of the iJw 3.2 release, kept in the repository so a fresh clone tests itself (SOURCES.md). */
export const examplesDir = join(import.meta.dirname, 'fixtures', 'ijw-3.2');

/** An example message's bytes, as received from a municipality or provider. */
export function example(name: string): Buffer {
  return readFileSync(join(examplesDir, `${name}.xml`));
}

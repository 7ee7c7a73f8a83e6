import { join } from 'node:path';

/** The file name of the test excerpt of CBS's list of municipalities (in CBS's layout; see fixtures/README.md). */
export const cbsExcerptName = 'gemeenten-alfabetisch-2026-testuittreksel.csv';
/** Its path, for the tests that upload or import it as the keeper does with CBS's own file. */
export const cbsExcerptPath = join(import.meta.dirname, 'fixtures', cbsExcerptName);

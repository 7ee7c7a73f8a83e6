import { serverModules } from '../modules/index.js';
import type { JobDefinition } from './runner.js';

/**
 * Every background job of the installation, as the modules declare them: the server runs them, the beheerder sees
 * them. A function, not a constant: the module list includes the jobs routes, which use it.
 */
export function jobCatalog(): readonly JobDefinition[] {
  return serverModules.flatMap((m) => m.jobs ?? []);
}

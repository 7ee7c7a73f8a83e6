import { kpiRefreshJob } from '../modules/monitoring/facts.job.js';
import type { JobDefinition } from './runner.js';

/** Every background job of the installation: the server runs them, the beheerder sees them (GET /api/v1/jobs). */
export const jobCatalog: readonly JobDefinition[] = [kpiRefreshJob];

import type { ServerModule } from '../modules/server-module.js';
import { jobRoutes } from './jobs.routes.js';

/** The job runner's own API: the beheerder sees each job's runs and asks for one. */
export const jobsModule: ServerModule = { name: 'jobs', routes: [jobRoutes] };

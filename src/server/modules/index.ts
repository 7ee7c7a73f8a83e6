import { jobsModule } from '../jobs/module.js';
import { auditModule } from './audit/module.js';
import { authModule } from './auth/module.js';
import { exchangeModule } from './exchange/module.js';
import { landscapeModule } from './landscape/module.js';
import { monitoringModule } from './monitoring/module.js';
import type { ServerModule } from './server-module.js';

/**
 * Every server module of the installation. A new module is a folder with its `module.ts` (routes, upload limits,
 * jobs) and `index.ts` (what other modules may use), plus one line here.
 */
export const serverModules: readonly ServerModule[] = [
  authModule,
  auditModule,
  landscapeModule,
  exchangeModule,
  monitoringModule,
  jobsModule,
];

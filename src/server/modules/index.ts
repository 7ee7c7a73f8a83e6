import { jobsModule } from '../jobs/module.js';
import { mailModule } from '../mail/module.js';
import { auditModule } from './audit/module.js';
import { availabilityModule } from './availability/module.js';
import { authModule } from './auth/module.js';
import { exchangeModule } from './exchange/module.js';
import { faqModule } from './faq/module.js';
import { experienceModule } from './experience/module.js';
import { landscapeModule } from './landscape/module.js';
import { meetingsModule } from './meetings/module.js';
import { monitoringModule } from './monitoring/module.js';
import { outcomesModule } from './outcomes/module.js';
import { suppliersModule } from './suppliers/module.js';
import type { ServerModule } from './server-module.js';

/**
 * Every server module of the installation. A new module is a folder with its `module.ts` (routes, upload limits,
 * jobs, audit entities) and `index.ts` (what other modules may use), plus one line here.
 */
const modules = [
  authModule,
  auditModule,
  landscapeModule,
  exchangeModule,
  monitoringModule,
  availabilityModule,
  suppliersModule,
  faqModule,
  outcomesModule,
  experienceModule,
  meetingsModule,
  jobsModule,
  mailModule,
] as const satisfies readonly ServerModule[];

export const serverModules: readonly ServerModule[] = modules;

type AuditEntitiesOf<M> = M extends { auditEntities: ReadonlyArray<infer E> } ? E : never;
/** Every kind of object the audit log records: the union of what the modules declare. */
export type AuditEntity = AuditEntitiesOf<(typeof modules)[number]>;

import type { WebFeature } from './feature';
import { accountFeature } from './account/feature';
import { auditFeature } from './audit/feature';
import { availabilityFeature } from './availability/feature';
import { budgetsFeature } from './budgets/feature';
import { combinationsFeature } from './combinations/feature';
import { contractsFeature } from './contracts/feature';
import { exchangeFeature } from './exchange/feature';
import { faqFeature } from './faq/feature';
import { experienceFeature } from './experience/feature';
import { jobsFeature } from './jobs/feature';
import { mailFeature } from './mail/feature';
import { meetingsFeature } from './meetings/feature';
import { monitoringFeature } from './monitoring/feature';
import { outcomesFeature } from './outcomes/feature';
import { productsFeature } from './products/feature';
import { providersFeature } from './providers/feature';
import { regionFeature } from './region/feature';
import { suppliersFeature } from './suppliers/feature';
import { usersFeature } from './users/feature';

/**
 * Every web feature, in menu and start-page order: a new feature is its own folder with a feature.tsx, plus one
 * line here (and, when it keeps its own English texts, one line in ./messages.ts).
 */
export const features: readonly WebFeature[] = [
  providersFeature,
  combinationsFeature,
  contractsFeature,
  suppliersFeature,
  meetingsFeature,
  faqFeature,
  productsFeature,
  budgetsFeature,
  regionFeature,
  exchangeFeature,
  monitoringFeature,
  outcomesFeature,
  availabilityFeature,
  experienceFeature,
  usersFeature,
  auditFeature,
  jobsFeature,
  mailFeature,
  accountFeature,
];

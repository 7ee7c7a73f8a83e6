import { accountEn } from './account/i18n-account';
import { availabilityEn } from './availability/i18n-availability';
import { moneyEn } from './budgets/i18n-money';
import { regionWaitsEn } from './availability/i18n-region';
import { exchangeEn } from './exchange/i18n-exchange';
import { faqEn } from './faq/i18n-faq';
import { trajectoryEn } from './exchange/i18n-trajectory';
import { regionSetupEn } from './region/i18n-region-setup';
import { experienceEn } from './experience/i18n-experience';
import { jobsEn } from './jobs/i18n-jobs';
import { mailEn } from './mail/i18n-mail';
import { monitoringEn } from './monitoring/i18n-monitoring';
import { trendsEn } from './monitoring/i18n-trends';
import { suppliersEn } from './suppliers/i18n-suppliers';
import { packEn } from './suppliers/i18n-pack';
import { meetingsEn } from './meetings/i18n-meetings';
import { devtasksEn } from './meetings/i18n-devtasks';
import { reportsEn } from './monitoring/i18n-reports';
import { outcomesEn } from './outcomes/i18n-outcomes';
import { bulkEn } from './products/i18n-bulk';
import { withdrawalEn } from './contracts/i18n-withdrawal';

/**
 * The English dictionaries of the features that keep their own texts, merged by ../i18n.ts. They are listed here
 * rather than in each feature.tsx because the type of t() needs every key before any page module is loaded (a
 * feature.tsx imports its pages, which import i18n.ts). A key may live in one dictionary only (a type error otherwise).
 */
export const featureMessages = [
  exchangeEn,
  monitoringEn,
  jobsEn,
  availabilityEn,
  mailEn,
  regionWaitsEn,
  trendsEn,
  moneyEn,
  suppliersEn,
  packEn,
  meetingsEn,
  devtasksEn,
  accountEn,
  reportsEn,
  faqEn,
  outcomesEn,
  trajectoryEn,
  regionSetupEn,
  bulkEn,
  experienceEn,
  withdrawalEn,
] as const;

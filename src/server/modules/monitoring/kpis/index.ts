import type { KpiId } from '../../../../shared/kpi.js';
import { ambulantStayRatio, familyCareShare, outsideRegionLocationShare, outsideRegionShare } from './care-mix.js';
import { allocationWaitDays, dropout, endedPerPlan, lengthOfStay, requestWaitDays } from './endings.js';
import { goalGoalsMet, goalProblemsReduced, goalWithoutHelp } from './goal-attainment.js';
import type { KpiModule } from './kpi-module.js';
import { repeatCare12m, repeatCare6m } from './repeat-care.js';
import { satisfaction } from './satisfaction.js';
import { spend, spendForecast } from './spend.js';
import {
  inflow,
  outflow,
  residentialYouths,
  youths18Plus,
  youthsInCare,
  youthsYouthProbation,
  youthsYouthProtection,
} from './youth-counts.js';

export const kpiModules: Record<KpiId, KpiModule> = {
  youths_in_care: youthsInCare,
  inflow,
  outflow,
  spend,
  spend_forecast: spendForecast,
  request_wait_days: requestWaitDays,
  allocation_wait_days: allocationWaitDays,
  dropout,
  ended_per_plan: endedPerPlan,
  repeat_care_6m: repeatCare6m,
  repeat_care_12m: repeatCare12m,
  goal_without_help: goalWithoutHelp,
  goal_problems_reduced: goalProblemsReduced,
  goal_goals_met: goalGoalsMet,
  length_of_stay: lengthOfStay,
  ambulant_stay_ratio: ambulantStayRatio,
  family_care_share: familyCareShare,
  residential_youths: residentialYouths,
  outside_region_share: outsideRegionShare,
  outside_region_location_share: outsideRegionLocationShare,
  youths_18_plus: youths18Plus,
  youths_youth_protection: youthsYouthProtection,
  youths_youth_probation: youthsYouthProbation,
  satisfaction,
};

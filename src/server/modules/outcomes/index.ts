/** The public surface of the outcomes: goal attainment (doelrealisatie) registered by providers, for the KPIs and the demo. */
export { goalAttainmentSource, hasGoalAttainments } from './source.js';
export { seedDemoGoalAttainments } from './demo-goals.js';
export { goalCompleteness, goalSummary, type GoalSummary } from './goals-summary.js';
export { municipalitiesOf } from './goals.service.js';

/** The public surface of supplier management: the contract calendar and the suggested tiers, for tools and later parts. */
export { contractCalendar, type ContractCalendar } from './calendar.service.js';
export { tierOverview } from './tiers.service.js';

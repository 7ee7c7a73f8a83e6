/** The public surface of supplier management: the contract calendar and the suggested tiers, for tools and later parts. */
export { contractCalendar, type ContractCalendar } from './calendar.service.js';
export { tierOverview, type TierChange, type TierOverview } from './tiers.service.js';
export type { ProviderPack } from './pack.service.js';

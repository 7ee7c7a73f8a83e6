import type { WebFeature } from '../feature';
import { ContractCalendarPage } from './calendar-page';
import { TierDecisionPage } from './tier-decision-page';
import { TiersPage } from './tiers-page';

/**
 * Supplier management (leveranciersmanagement): the contract calendar with the NZa list, and the tiers with reasons.
 * Meetings, the year planner, the provider pack and the FAQ come later as more pages of this feature.
 */
export const suppliersFeature: WebFeature = {
  id: 'suppliers',
  routes: [
    { path: 'contractkalender', element: <ContractCalendarPage />, permission: 'contractCalendar.read' },
    { path: 'aanbieders/indeling', element: <TiersPage />, permission: 'tiers.read' },
    { path: 'aanbieders/:id/indeling', element: <TierDecisionPage />, permission: 'tiers.read' },
  ],
  menu: [
    { section: 'inkoop', label: 'Contractkalender', path: '/contractkalender', permission: 'contractCalendar.read' },
    {
      section: 'inkoop',
      label: 'Indeling van aanbieders',
      path: '/aanbieders/indeling',
      permission: 'tiers.read',
    },
  ],
  auditEntities: {
    'provider-tier': { label: 'Indeling van een aanbieder', path: '/aanbieders' },
    'tier-weights': { label: 'Weging van de indeling' },
  },
};

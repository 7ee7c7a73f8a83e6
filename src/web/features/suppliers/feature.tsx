import type { WebFeature } from '../feature';
import { ContractCalendarPage } from './calendar-page';
import { PackPage } from './pack-page';
import { TierDecisionPage } from './tier-decision-page';
import { TiersPage } from './tiers-page';

/**
 * Supplier management (leveranciersmanagement): the contract calendar with the NZa list, and the tiers with reasons.
 * The provider pack (/aanbieders/:id/dossier) is reached from a provider's page and from a meeting with it.
 */
export const suppliersFeature: WebFeature = {
  id: 'suppliers',
  routes: [
    { path: 'contractkalender', element: <ContractCalendarPage />, permission: 'contractCalendar.read' },
    { path: 'aanbieders/indeling', element: <TiersPage />, permission: 'tiers.read' },
    { path: 'aanbieders/:id/indeling', element: <TierDecisionPage />, permission: 'tiers.read' },
    { path: 'aanbieders/:id/dossier', element: <PackPage />, permission: 'providerPack.read' },
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

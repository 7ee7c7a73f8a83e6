import type { WebFeature } from '../feature';
import { EntryListPage } from './entry-list';
import { EntryNewPage, EntryPage } from './entry-page';
import { PublicRegionPage, RegionViewPage } from './region-view';
import { SearchPage } from './search-page';
import { SettingsPage } from './settings-page';
import { CompliancePage } from './compliance-page';
import { MeasuredSignalTile, OwnAvailabilityTile, SearchTile } from './start-tiles';

/**
 * The availability finder (Beschikbaarheidswijzer): referrers search contracted providers with room; providers keep
 * their entries current and confirm them; the backoffice sees who is behind and keeps the region's settings; the
 * region's waits against the norm are shown signed in and, published, without sign-in.
 */
export const availabilityFeature: WebFeature = {
  id: 'availability',
  routes: [
    { path: 'beschikbaarheid/zoeken', element: <SearchPage />, permission: 'availability.search' },
    { path: 'beschikbaarheid/aanbod', element: <EntryListPage />, permission: 'availability.read' },
    { path: 'beschikbaarheid/aanbod/nieuw', element: <EntryNewPage />, permission: 'availability.edit' },
    { path: 'beschikbaarheid/aanbod/:id', element: <EntryPage />, permission: 'availability.read' },
    { path: 'beschikbaarheid/regio', element: <RegionViewPage />, permission: 'availability.search' },
    { path: 'beschikbaarheid/instellingen', element: <SettingsPage />, permission: 'availability.settings' },
    { path: 'beschikbaarheid/bijhouden', element: <CompliancePage />, permission: 'availability.settings' },
  ],
  publicRoutes: [
    { path: '/regio/:code/wachttijden', element: <PublicRegionPage />, permission: 'availability.public' },
  ],
  menu: [
    {
      section: 'instrumenten',
      label: 'Beschikbaarheid zoeken',
      path: '/beschikbaarheid/zoeken',
      permission: 'availability.search',
    },
    {
      section: 'instrumenten',
      label: 'Beschikbaarheid',
      path: '/beschikbaarheid/aanbod',
      permission: 'availability.read',
    },
    {
      section: 'instrumenten',
      label: 'Wachttijden in de regio',
      path: '/beschikbaarheid/regio',
      permission: 'availability.search',
    },
    {
      section: 'instrumenten',
      label: 'Bijhouden van de beschikbaarheid',
      path: '/beschikbaarheid/bijhouden',
      permission: 'availability.settings',
    },
    {
      section: 'instrumenten',
      label: 'Instellingen beschikbaarheid',
      path: '/beschikbaarheid/instellingen',
      permission: 'availability.settings',
    },
  ],
  tiles: [
    { id: 'availability-search', permission: 'availability.search', component: SearchTile },
    { id: 'availability-own', permission: 'availability.edit', component: OwnAvailabilityTile },
    { id: 'availability-measured', permission: 'availability.settings', component: MeasuredSignalTile },
  ],
  auditEntities: {
    'availability-entry': { label: 'Beschikbaarheid', path: '/beschikbaarheid/aanbod' },
    'availability-settings': { label: 'Instellingen beschikbaarheid', path: '/beschikbaarheid/instellingen' },
  },
};

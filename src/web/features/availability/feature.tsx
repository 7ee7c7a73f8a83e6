import type { WebFeature } from '../feature';
import { PublicRegionPage, RegionViewPage } from './region-view';
import { SearchPlaceholderTile } from './search-placeholder-tile';

/**
 * The availability finder's place until it lands (issue: availability): a start-page block that says the search is
 * coming. It reads nothing yet, so it asks for the permission to read providers; the finder brings its own.
 */
export const availabilityFeature: WebFeature = {
  id: 'availability',
  routes: [{ path: 'beschikbaarheid/regio', element: <RegionViewPage />, permission: 'availability.search' }],
  publicRoutes: [
    { path: '/regio/:code/wachttijden', element: <PublicRegionPage />, permission: 'availability.public' },
  ],
  menu: [
    {
      section: 'sturing',
      label: 'Wachttijden in de regio',
      path: '/beschikbaarheid/regio',
      permission: 'availability.search',
    },
  ],
  tiles: [{ id: 'availability-search', permission: 'providers.read', component: SearchPlaceholderTile }],
  auditEntities: {
    'availability-entry': { label: 'Beschikbaarheid' },
    'availability-settings': { label: 'Instellingen beschikbaarheid' },
  },
};

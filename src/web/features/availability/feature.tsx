import type { WebFeature } from '../feature';
import { SearchPlaceholderTile } from './search-placeholder-tile';

/**
 * The availability finder's place until it lands (issue: availability): a start-page block that says the search is
 * coming. It reads nothing yet, so it asks for the permission to read providers; the finder brings its own.
 */
export const availabilityFeature: WebFeature = {
  id: 'availability',
  routes: [],
  tiles: [{ id: 'availability-search', permission: 'providers.read', component: SearchPlaceholderTile }],
  auditEntities: {
    'availability-entry': { label: 'Beschikbaarheid' },
    'availability-settings': { label: 'Instellingen beschikbaarheid' },
  },
};

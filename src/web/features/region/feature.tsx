import type { WebFeature } from '../feature';
import { RegionPage } from './region-page';

export const regionFeature: WebFeature = {
  id: 'region',
  routes: [{ path: 'regio', element: <RegionPage />, permission: 'regions.read' }],
  menu: [{ section: 'landschap', label: 'Regio', path: '/regio', permission: 'regions.read' }],
  auditEntities: {
    region: { label: 'Regio' },
    municipality: { label: 'Gemeente' },
    lot: { label: 'Perceel' },
    'budget-line': { label: 'Begrotingspost' },
    'tier-level': { label: 'Niveau' },
    'postcode-centroids': { label: 'Ligging van postcodegebieden' },
    'cbs-municipalities': { label: 'Gemeentelijst van CBS' },
  },
};

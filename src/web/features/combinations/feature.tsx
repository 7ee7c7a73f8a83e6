import type { WebFeature } from '../feature';
import { CombinationListPage } from './combination-list';

export const combinationsFeature: WebFeature = {
  id: 'combinations',
  routes: [{ path: 'combinaties', element: <CombinationListPage />, permission: 'combinations.read' }],
  menu: [{ section: 'landschap', label: 'Combinaties', path: '/combinaties', permission: 'combinations.read' }],
  auditEntities: { combination: { label: 'Combinatie' } },
};

import type { WebFeature } from '../feature';
import { CombinationEditPage } from './combination-edit';
import { CombinationListPage } from './combination-list';

export const combinationsFeature: WebFeature = {
  id: 'combinations',
  routes: [
    { path: 'combinaties', element: <CombinationListPage />, permission: 'combinations.read' },
    { path: 'combinaties/:id', element: <CombinationEditPage />, permission: 'combinations.edit' },
  ],
  menu: [{ section: 'landschap', label: 'Combinaties', path: '/combinaties', permission: 'combinations.read' }],
  auditEntities: { combination: { label: 'Combinatie', path: '/combinaties' } },
};

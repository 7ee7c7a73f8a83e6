import type { WebFeature } from '../feature';
import { GoalsPage } from './goals-page';

export const outcomesFeature: WebFeature = {
  id: 'outcomes',
  routes: [{ path: 'doelrealisatie', element: <GoalsPage />, permission: 'goalAttainment.read' }],
  menu: [{ section: 'sturing', label: 'Doelrealisatie', path: '/doelrealisatie', permission: 'goalAttainment.read' }],
  auditEntities: {
    'goal-attainment': { label: 'Doelrealisatie', path: '/doelrealisatie' },
    'goal-attainment-settings': { label: 'Drempel doelrealisatie', path: '/doelrealisatie' },
  },
};

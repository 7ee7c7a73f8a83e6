import type { WebFeature } from '../feature';
import { BudgetPage } from './budget-matrix';
import { RealisationPage } from './realisation-page';

export const budgetsFeature: WebFeature = {
  id: 'budgets',
  routes: [
    { path: 'budgetten', element: <BudgetPage />, permission: 'budgets.read' },
    { path: 'budgetten/realisatie', element: <RealisationPage />, permission: 'budgets.read' },
  ],
  menu: [
    { section: 'landschap', label: 'Budgetten', path: '/budgetten', permission: 'budgets.read' },
    { section: 'landschap', label: 'Realisatie', path: '/budgetten/realisatie', permission: 'budgets.read' },
  ],
  auditEntities: { budget: { label: 'Budget' }, 'budget-realisation': { label: 'Realisatie' } },
};

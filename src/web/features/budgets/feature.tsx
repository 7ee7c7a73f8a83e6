import type { WebFeature } from '../feature';
import { BudgetPage } from './budget-matrix';

export const budgetsFeature: WebFeature = {
  id: 'budgets',
  routes: [{ path: 'budgetten', element: <BudgetPage />, permission: 'budgets.read' }],
  menu: [{ section: 'landschap', label: 'Budgetten', path: '/budgetten', permission: 'budgets.read' }],
  auditEntities: { budget: { label: 'Budget' } },
};

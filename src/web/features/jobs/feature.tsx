import type { WebFeature } from '../feature';
import { JobsPage } from './jobs-page';

export const jobsFeature: WebFeature = {
  id: 'jobs',
  routes: [{ path: 'beheer/taken', element: <JobsPage />, permission: 'jobs.read' }],
  menu: [{ section: 'beheer', label: 'Achtergrondtaken', path: '/beheer/taken', permission: 'jobs.read' }],
};

import type { WebFeature } from '../feature';
import { AuditLogPage } from './audit-log';

export const auditFeature: WebFeature = {
  id: 'audit',
  routes: [{ path: 'audit', element: <AuditLogPage />, permission: 'audit.read' }],
  menu: [{ section: 'beheer', label: 'Audit-log', path: '/audit', permission: 'audit.read' }],
};

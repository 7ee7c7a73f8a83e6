import type { WebFeature } from '../feature';
import { UserEditPage } from './user-edit';
import { UserNewPage } from './user-form';
import { UserListPage } from './user-list';

export const usersFeature: WebFeature = {
  id: 'users',
  routes: [
    { path: 'gebruikers', element: <UserListPage />, permission: 'users.read' },
    { path: 'gebruikers/nieuw', element: <UserNewPage />, permission: 'users.manage' },
    { path: 'gebruikers/:id', element: <UserEditPage />, permission: 'users.manage' },
  ],
  menu: [{ section: 'beheer', label: 'Gebruikers', path: '/gebruikers', permission: 'users.read' }],
  auditEntities: { user: { label: 'Gebruiker', path: '/gebruikers' } },
};

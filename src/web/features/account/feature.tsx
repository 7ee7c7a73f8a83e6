import type { WebFeature } from '../feature';
import { ChangePasswordPage } from './change-password';
import { SetPasswordPage } from './set-password';

export const accountFeature: WebFeature = {
  id: 'account',
  routes: [{ path: 'mijn-wachtwoord', element: <ChangePasswordPage />, permission: 'account.password' }],
  publicRoutes: [{ path: 'wachtwoord-instellen', element: <SetPasswordPage />, permission: 'passwordReset.use' }],
};

import type { ReactNode } from 'react';
import { can, type Permission } from '../../shared/permissions';
import { useT } from '../i18n';
import { ApiError } from '../lib/api-client';
import { useUser } from '../lib/auth';
import { ProblemPage } from './page-state';

/**
 * Shows a page only to a user whose role holds its permission; anyone else gets "Geen toegang" at once, rather
 * than a page that starts and then fails on its first request.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useT();
  const user = useUser();
  if (can(user, permission)) return <>{children}</>;
  const detail = t('Uw rol heeft geen toegang tot deze pagina.');
  return (
    <ProblemPage
      error={new ApiError({ type: 'about:blank', title: t('Geen toegang'), status: 403, code: 'forbidden', detail })}
    />
  );
}

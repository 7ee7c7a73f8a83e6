import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { periodLabel } from './dashboard-controls';
import { locale } from './kpi-figures';
import { describeChange, type IssuedReport } from './reports-api';

/** On the dashboard: figures of an issued quarterly report that have moved since it was issued, and by how much. */
export function IssuedChangesNotice() {
  const user = useUser();
  if (!can(user, 'reports.read')) return null;
  return <Notice />;
}

function Notice() {
  const { t, lang } = useT();
  const [state] = useLoad((signal) => api<{ data: IssuedReport[] }>('/issued-reports', { signal }), []);
  if (state.status !== 'ok') return null;
  const moved = state.data.data.filter((r) => r.changes?.length);
  if (!moved.length) return null;
  return (
    <Alert type="warning" role="status">
      {moved.map((r) => (
        <div key={r.id}>
          <p className="utrecht-paragraph">
            <strong>
              {t('Cijfers van de uitgegeven rapportage over {quarter} zijn sindsdien gewijzigd:', {
                quarter: periodLabel(r.quarter, lang),
              })}
            </strong>
          </p>
          <ul>
            {r.changes!.map((c) => (
              <li key={c.subject}>
                {c.subject}: {describeChange(c, locale(lang))}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Alert>
  );
}

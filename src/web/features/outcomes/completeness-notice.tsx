import { Link } from 'react-router';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { useT } from '../../i18n';
import { api, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import type { GoalSummary } from './types';

/**
 * On the dashboard, beside the goal-attainment tiles: a note when fewer of the period's ended allocations were
 * registered than the region's threshold (the region's total; for an aanbieder its own), so 3.1, 3.3 and 3.4 are
 * read as too incomplete to trust. Nothing while there is nothing to say.
 */
export function GoalCompletenessNotice({ period }: { period: string }) {
  const { t } = useT();
  const user = useUser();
  const allowed = can(user, 'goalAttainment.read');
  const [state] = useLoad(
    (signal) =>
      allowed ? api<GoalSummary>(`/goal-attainments/summary${toQuery({ period })}`, { signal }) : Promise.resolve(null),
    [period, allowed],
  );
  if (state.status !== 'ok' || !state.data) return null;
  const summary = state.data;
  const own = can(user, 'goalAttainment.register');
  const c = own ? summary.providers[0] : summary.total;
  if (!c || c.percent === null || c.sufficient) return null;
  return (
    <Alert type="warning" role="status">
      <p className="utrecht-paragraph">
        {t(
          'Doelrealisatie te onvolledig om op te vertrouwen: {percent}% van de beëindigde toewijzingen is vastgelegd, minder dan de drempel van {min}%.',
          { percent: String(c.percent).replace('.', ','), min: summary.minCompletenessPercent },
        )}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to="/doelrealisatie">
          {t('Volledigheid per aanbieder')}
        </Link>
      </p>
    </Alert>
  );
}

import { useNavigate, useParams } from 'react-router';
import { Loaded, NotFoundPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, fetchAll } from '../../lib/api-client';
import type { Combination, Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { CombinationForm } from './combination-form';

/** /combinaties/:id: change a combination's name and members, or end it with its last day and a reason. */
export function CombinationEditPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const navigate = useNavigate();
  const [state] = useLoad(
    async (signal) => {
      const combinations = (await api<{ data: Combination[] }>('/combinations', { signal })).data;
      const providers = await fetchAll<Provider>('/providers', {}, signal);
      return { combination: combinations.find((c) => c.id === id), providers };
    },
    [id],
  );
  const name = state.status === 'ok' ? state.data.combination?.name : undefined;
  useDocumentTitle(name ?? t('Combinaties'));
  return (
    <Loaded state={state}>
      {({ combination, providers }) =>
        combination ? (
          <>
            <h1 className="utrecht-heading-1">{combination.name}</h1>
            <CombinationForm
              combination={combination}
              providers={providers}
              onCreated={async () => navigate('/combinaties', { state: { saved: true } })}
            />
          </>
        ) : (
          <NotFoundPage />
        )
      }
    </Loaded>
  );
}

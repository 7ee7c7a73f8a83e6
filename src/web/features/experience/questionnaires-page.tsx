import { useLocation } from 'react-router';
import type { QuestionnaireVersion } from '../../../server/modules/experience/index';
import { experienceAudiences } from '../../../shared/experience';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { ButtonLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { audienceLabel, kindLabels, themeLabels, type SavedVersion } from './questionnaire-labels';

type Question = QuestionnaireVersion['questions'][number];

function QuestionsTable({ version }: { version: QuestionnaireVersion }) {
  const { t } = useT();
  return (
    <Table<Question>
      caption={t('{audience}: vragen van versie {version} ({date})', {
        audience: audienceLabel(t, version.audience),
        version: version.version,
        date: formatDate(version.createdAt),
      })}
      rows={version.questions}
      rowKey={(q) => q.key}
      columns={[
        { header: t('Vraag'), rowHeader: true, cell: (q) => q.text.nl },
        { header: t('In het Engels'), cell: (q) => q.text.en },
        { header: t('Soort'), cell: (q) => t(kindLabels[q.kind]) },
        { header: t('Thema'), cell: (q) => (q.theme ? t(themeLabels[q.theme]) : '—') },
      ]}
    />
  );
}

/**
 * /ervaringwijzer/vragenlijsten: per audience the newest version (the one invitations get) with, for whoever may edit,
 * "Nieuwe versie maken"; earlier versions stay readable, folded away. A version is never changed: the region adds a
 * new one (questionnaire-edit.tsx, POST /questionnaires), so answers stay comparable.
 */
export function QuestionnairesPage() {
  const { t } = useT();
  const user = useUser();
  const location = useLocation();
  const saved = (location.state as SavedVersion | null)?.savedVersion;
  const title = t('Vragenlijsten van de Ervaringwijzer');
  useDocumentTitle(title);
  const [state] = useLoad((signal) => api<QuestionnaireVersion[]>('/questionnaires', { signal }), []);
  const canEdit = can(user, 'questionnaires.edit');
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      {saved && (
        <Alert type="ok">
          {t('Versie {version} voor {audience} is opgeslagen. Nieuwe uitnodigingen krijgen deze versie.', {
            version: saved.version,
            audience: audienceLabel(t, saved.audience).toLowerCase(),
          })}
        </Alert>
      )}
      <p className="utrecht-paragraph">
        {t(
          'Elke versie blijft bewaard zoals hij was, met de antwoorden erop. Uitnodigingen krijgen de nieuwste versie.',
        )}
      </p>
      <Loaded state={state}>
        {(versions) => (
          <>
            {experienceAudiences.map((audience) => {
              const [newest, ...older] = versions.filter((v) => v.audience === audience);
              if (!newest) return null;
              const name = audienceLabel(t, audience);
              return (
                <section key={audience}>
                  <h2 className="utrecht-heading-2">
                    {t('{audience}, versie {version}', { audience: name, version: newest.version })}
                  </h2>
                  <QuestionsTable version={newest} />
                  {canEdit && (
                    <p className="utrecht-paragraph">
                      <ButtonLink to={`/ervaringwijzer/vragenlijsten/${audience}/nieuwe-versie`}>
                        {t('Nieuwe versie maken')}
                        <span className="visually-hidden">
                          {' '}
                          {t('voor {audience}', { audience: name.toLowerCase() })}
                        </span>
                      </ButtonLink>
                    </p>
                  )}
                  {older.length > 0 && (
                    <details className="questionnaire-older">
                      <summary>
                        {t('Eerdere versies voor {audience} ({count})', {
                          audience: name.toLowerCase(),
                          count: older.length,
                        })}
                      </summary>
                      {older.map((v) => (
                        <section key={v.id}>
                          <h3 className="utrecht-heading-3">{t('Versie {version}', { version: v.version })}</h3>
                          <QuestionsTable version={v} />
                        </section>
                      ))}
                    </details>
                  )}
                </section>
              );
            })}
          </>
        )}
      </Loaded>
    </>
  );
}

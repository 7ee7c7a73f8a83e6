import type { QuestionnaireVersion } from '../../../server/modules/experience/index';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

type Question = QuestionnaireVersion['questions'][number];
const kindLabels: Record<Question['kind'], Msg> = {
  smiley: 'Stelling (smileys 1–5)',
  score: 'Cijfer 1–10 (tevredenheid met het effect)',
  open: 'Open vraag',
};
const themeLabels: Record<string, Msg> = { toegang: 'Toegang', kwaliteit: 'Kwaliteit', effect: 'Effect' };

/**
 * /ervaringwijzer/vragenlijsten: every version of the region's questionnaires for young people and parents, newest
 * first. A version is never changed; the region adds a new one (POST /questionnaires), so answers stay comparable.
 */
export function QuestionnairesPage() {
  const { t } = useT();
  const title = t('Vragenlijsten van de Ervaringwijzer');
  useDocumentTitle(title);
  const [state] = useLoad((signal) => api<QuestionnaireVersion[]>('/questionnaires', { signal }), []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'Elke versie blijft bewaard zoals hij was, met de antwoorden erop. Uitnodigingen krijgen de nieuwste versie.',
        )}
      </p>
      <Loaded state={state}>
        {(versions) => (
          <>
            {versions.map((v) => (
              <section key={v.id}>
                <h2 className="utrecht-heading-2">
                  {t('{audience}, versie {version}', {
                    audience: v.audience === 'ouder' ? t('Ouders') : t('Jongeren (12+)'),
                    version: v.version,
                  })}
                </h2>
                <Table<Question>
                  caption={t('Vragen van versie {version} ({date})', {
                    version: v.version,
                    date: formatDate(v.createdAt),
                  })}
                  rows={v.questions}
                  rowKey={(q) => q.key}
                  columns={[
                    { header: t('Vraag'), rowHeader: true, cell: (q) => q.text.nl },
                    { header: t('In het Engels'), cell: (q) => q.text.en },
                    { header: t('Soort'), cell: (q) => t(kindLabels[q.kind]) },
                    { header: t('Thema'), cell: (q) => (q.theme ? t(themeLabels[q.theme]!) : '—') },
                  ]}
                />
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}

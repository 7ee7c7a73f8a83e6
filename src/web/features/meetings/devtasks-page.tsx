import type { DevelopmentTask } from '../../../server/modules/meetings/index';
import { formatKpiValue } from '../../../shared/kpi-charts';
import { can } from '../../../shared/permissions';
import { ButtonGroup, ButtonLink, TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg, type Translate } from '../../i18n';
import { periodLabel } from '../monitoring/dashboard-controls';

export const taskStatusLabels: Record<DevelopmentTask['status'], Msg> = {
  active: 'Lopend',
  completed: 'Afgerond',
  stopped: 'Gestopt',
};

/** The linked KPI with the region's current value ("Jeugdigen in zorg: 1.234 in de regio (3e kwartaal 2026)"), or its name. */
export function kpiText(t: Translate, lang: 'nl' | 'en', task: DevelopmentTask): string {
  if (!task.kpi) return t('Geen KPI gekoppeld');
  const v = task.kpi.regionValue;
  if (!v) return t('{kpi}: de cijfers worden opgebouwd', { kpi: task.kpi.name });
  const value = v.suppressed
    ? t('weggelaten (kleine aantallen)')
    : formatKpiValue(v.value, task.kpi.unit, lang === 'en' ? 'en-GB' : 'nl-NL');
  return t('{kpi}: {value} in de regio ({period}{provisional})', {
    kpi: task.kpi.name,
    value,
    period: periodLabel(v.period, lang),
    provisional: v.provisional ? `, ${t('voorlopig')}` : '',
  });
}

/** The next milestone not yet reached, with its date. */
function nextMilestone(task: DevelopmentTask): string {
  const m = task.milestones.find((x) => !x.done);
  return m ? `${formatDate(m.dueDate)}: ${m.title}` : '—';
}

/**
 * /ontwikkelopgaven: the development tasks of the transformatietafels, one table per theme, each with its measure's
 * KPI and the region's value beside it; a provider sees the tasks it works on.
 */
export function DevelopmentTasksPage() {
  const { t, lang } = useT();
  const user = useUser();
  const title = t('Ontwikkelopgaven');
  useDocumentTitle(title);
  const [state] = useLoad((signal) => api<DevelopmentTask[]>('/development-tasks', { signal }), []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t('De opgaven die de transformatietafels uitwerken: doel, maat, deelnemers, mijlpalen en voortgang.')}
      </p>
      {can(user, 'developmentTasks.edit') && (
        <ButtonGroup>
          <ButtonLink appearance="primary" to="/ontwikkelopgaven/nieuw">
            {t('Nieuwe ontwikkelopgave')}
          </ButtonLink>
        </ButtonGroup>
      )}
      <Loaded state={state}>
        {(tasks) => {
          const themes = [...new Set(tasks.map((x) => x.theme))];
          if (!themes.length) return <p className="utrecht-paragraph">{t('Nog geen ontwikkelopgaven.')}</p>;
          return themes.map((theme) => (
            <section key={theme}>
              <h2 className="utrecht-heading-2">{theme}</h2>
              <Table<DevelopmentTask>
                caption={t('Ontwikkelopgaven van {theme}', { theme })}
                captionHidden
                rows={tasks.filter((x) => x.theme === theme)}
                rowKey={(x) => x.id}
                columns={[
                  {
                    header: t('Opgave'),
                    rowHeader: true,
                    cell: (x) => <TextLink to={`/ontwikkelopgaven/${x.id}`}>{x.title}</TextLink>,
                  },
                  { header: t('Status'), cell: (x) => t(taskStatusLabels[x.status]) },
                  { header: t('Maat en KPI'), cell: (x) => kpiText(t, lang, x) },
                  { header: t('Volgende mijlpaal'), cell: nextMilestone },
                  { header: t('Aanbieders'), cell: (x) => x.providers.map((p) => p.name).join(', ') || '—' },
                ]}
              />
            </section>
          ));
        }}
      </Loaded>
    </>
  );
}

import type { DevelopmentTask } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { kpiDefinitions } from '../../../shared/kpi';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, fetchAll } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { MilestonesEditor, milestonesBody, type MilestoneInput } from './milestones-editor';

/** Names one per line, as the region's members of a task. */
export const membersOf = (text: string) =>
  text
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** /ontwikkelopgaven/nieuw: a development task of a theme, with its measure (a KPI where one fits), members and milestones. */
export function NewDevelopmentTaskPage() {
  const { t } = useT();
  const title = t('Nieuwe ontwikkelopgave');
  useDocumentTitle(title);
  const region = useRegion();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [state] = useLoad(async (signal) => {
    const [providers, settings] = await Promise.all([
      fetchAll<{ id: string; name: string }>('/providers', {}, signal),
      api<{ themes: string[] }>('/meeting-settings', { signal }),
    ]);
    return { providers, themes: settings.themes };
  }, []);
  const [theme, setTheme] = useState('');
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [measure, setMeasure] = useState('');
  const [kpiId, setKpiId] = useState('');
  const [members, setMembers] = useState('');
  const [providerIds, setProviderIds] = useState<string[]>([]);
  const [milestones, setMilestones] = useState<MilestoneInput[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api<DevelopmentTask>('/development-tasks', {
        method: 'POST',
        body: {
          regionId: region?.id,
          theme,
          title: name,
          goal,
          measure,
          kpiId: kpiId || null,
          regionMembers: membersOf(members),
          providerIds,
          milestones: milestonesBody(milestones),
        },
      });
      navigate(`/ontwikkelopgaven/${created.id}`);
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  const labels: Record<string, string> = {
    theme: t('Thema'),
    title: t('Titel'),
    goal: t('Doel'),
    measure: t('Maat'),
    kpiId: t('KPI bij de maat'),
    regionMembers: t('Deelnemers van de regio'),
    providerIds: t('Deelnemende aanbieders'),
    milestones: t('Mijlpalen'),
    'milestones.item': t('Mijlpaal'),
    'milestones.title': t('Titel'),
    'milestones.dueDate': t('Datum'),
  };
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <Loaded state={state}>
        {({ providers, themes }) => (
          <>
            <ErrorSummary errors={errors} labels={labels} />
            <form onSubmit={submit} noValidate className="form">
              <SelectField
                id="theme"
                label={labels.theme}
                value={theme}
                onChange={setTheme}
                placeholder={t('Kies een thema')}
                options={themes.map((x) => ({ value: x, label: x }))}
                error={errors.of('theme')}
              />
              <TextField id="title" label={labels.title} value={name} onChange={setName} error={errors.of('title')} />
              <TextAreaField
                id="goal"
                label={labels.goal}
                rows={3}
                value={goal}
                onChange={setGoal}
                error={errors.of('goal')}
              />
              <TextField
                id="measure"
                label={labels.measure}
                description={t('Waaraan de voortgang te zien is.')}
                value={measure}
                onChange={setMeasure}
                error={errors.of('measure')}
              />
              <SelectField
                id="kpiId"
                label={labels.kpiId}
                value={kpiId}
                onChange={setKpiId}
                placeholder={t('Geen KPI')}
                options={kpiDefinitions.map((k) => ({ value: k.id, label: k.name }))}
                error={errors.of('kpiId')}
              />
              <TextAreaField
                id="regionMembers"
                label={labels.regionMembers}
                description={t('Eén naam per regel.')}
                rows={3}
                value={members}
                onChange={setMembers}
                error={errors.ofGroup('regionMembers')}
              />
              <CheckboxGroup
                id="providerIds"
                legend={labels.providerIds!}
                options={providers.map((p) => ({ value: p.id, label: p.name }))}
                values={providerIds}
                onChange={setProviderIds}
                error={errors.of('providerIds')}
              />
              <MilestonesEditor milestones={milestones} onChange={setMilestones} errors={errors} />
              <ButtonGroup>
                <Button type="submit" appearance="primary" disabled={busy}>
                  {t('Ontwikkelopgave vastleggen')}
                </Button>
                <TextLink to="/ontwikkelopgaven">{t('Terug naar de ontwikkelopgaven')}</TextLink>
              </ButtonGroup>
            </form>
          </>
        )}
      </Loaded>
    </>
  );
}

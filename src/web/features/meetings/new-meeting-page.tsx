import type { MeetingDetail } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { meetingTypeLabels, meetingTypes, type MeetingType } from '../../../shared/meetings';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxGroup, SelectField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, fetchAll } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { todayIso } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

interface ProviderOption {
  id: string;
  name: string;
}

/** A local date and time in the browser's zone as an ISO instant with offset, as the API takes it. */
export function localInstant(date: string, time: string): string {
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? `${date}T${time}` : d.toISOString();
}

/** /overleggen/nieuw: a meeting outside the year planner's proposals, with its type, time, providers and place. */
export function NewMeetingPage() {
  const { t } = useT();
  const title = t('Nieuw overleg');
  useDocumentTitle(title);
  const region = useRegion();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [state] = useLoad(async (signal) => {
    const [providers, settings] = await Promise.all([
      fetchAll<ProviderOption>('/providers', {}, signal),
      api<{ themes: string[] }>('/meeting-settings', { signal }),
    ]);
    return { providers, themes: settings.themes };
  }, []);
  const [type, setType] = useState<MeetingType>('accountgesprek');
  const [theme, setTheme] = useState('');
  const [name, setName] = useState('');
  const [date, setDate] = useState(todayIso());
  const [from, setFrom] = useState('10:00');
  const [to, setTo] = useState('11:30');
  const [location, setLocation] = useState('');
  const [providerIds, setProviderIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api<MeetingDetail>('/meetings', {
        method: 'POST',
        body: {
          regionId: region?.id,
          type,
          theme: type === 'transformatietafel' ? theme : null,
          title: name,
          startsAt: localInstant(date, from),
          endsAt: localInstant(date, to),
          location: location || null,
          providerIds,
        },
      });
      navigate(`/overleggen/${created.id}`);
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  const labels: Record<string, string> = {
    type: t('Soort overleg'),
    theme: t('Thema'),
    title: t('Titel'),
    startsAt: t('Begin'),
    endsAt: t('Einde'),
    providerIds: t('Aanbieders'),
    location: t('Locatie'),
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
                id="type"
                label={labels.type}
                value={type}
                onChange={(v) => setType(v as MeetingType)}
                options={meetingTypes.map((m) => ({ value: m, label: t(meetingTypeLabels[m] as Msg) }))}
                error={errors.of('type')}
              />
              {type === 'transformatietafel' && (
                <SelectField
                  id="theme"
                  label={labels.theme}
                  value={theme}
                  onChange={setTheme}
                  placeholder={t('Kies een thema')}
                  options={themes.map((x) => ({ value: x, label: x }))}
                  error={errors.of('theme')}
                />
              )}
              <TextField id="title" label={labels.title} value={name} onChange={setName} error={errors.of('title')} />
              <TextField id="date" type="date" label={t('Datum')} value={date} onChange={setDate} />
              <TextField
                id="startsAt"
                type="time"
                label={labels.startsAt}
                value={from}
                onChange={setFrom}
                error={errors.of('startsAt')}
              />
              <TextField
                id="endsAt"
                type="time"
                label={labels.endsAt}
                value={to}
                onChange={setTo}
                error={errors.of('endsAt')}
              />
              <TextField id="location" label={labels.location} value={location} onChange={setLocation} />
              <CheckboxGroup
                id="providerIds"
                legend={labels.providerIds!}
                options={providers.map((p) => ({ value: p.id, label: p.name }))}
                values={providerIds}
                onChange={setProviderIds}
                error={errors.of('providerIds')}
              />
              <ButtonGroup>
                <Button type="submit" appearance="primary" disabled={busy}>
                  {t('Overleg vastleggen')}
                </Button>
                <TextLink to="/overleggen">{t('Terug naar de overleggen')}</TextLink>
              </ButtonGroup>
            </form>
          </>
        )}
      </Loaded>
    </>
  );
}

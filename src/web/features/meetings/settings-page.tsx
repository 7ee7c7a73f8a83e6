import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { parseInteger } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

interface Settings {
  themes: string[];
  commentDays: number;
  themeSessionsPerYear: number;
}

/** /overleggen/instellingen: the region's transformatietafel themes, the comment window on minutes, sessions per theme. */
export function MeetingSettingsPage() {
  const { t } = useT();
  const title = t('Instellingen van overleggen');
  useDocumentTitle(title);
  const [state, reload] = useLoad((signal) => api<Settings>('/meeting-settings', { signal }), []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <Loaded state={state}>{(settings) => <SettingsForm settings={settings} onSaved={reload} />}</Loaded>
      <p className="utrecht-paragraph">
        <TextLink to="/overleggen">{t('Terug naar de overleggen')}</TextLink>
      </p>
    </>
  );
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [themes, setThemes] = useState(settings.themes.join('\n'));
  const [commentDays, setCommentDays] = useState(String(settings.commentDays));
  const [sessions, setSessions] = useState(String(settings.themeSessionsPerYear));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await api('/meeting-settings', {
        method: 'PUT',
        body: {
          themes: themes
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
          // What is no whole number goes as null, and the API names the field in Dutch.
          commentDays: parseInteger(commentDays),
          themeSessionsPerYear: parseInteger(sessions),
        },
      });
      errors.clear();
      setMessage(t('De instellingen zijn vastgelegd.'));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const labels = {
    themes: t('Thema’s van de transformatietafels'),
    commentDays: t('Reactietermijn op conceptnotulen (dagen)'),
    themeSessionsPerYear: t('Sessies per thema per jaar'),
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={labels} />
      <TextAreaField
        id="themes"
        label={labels.themes}
        description={t('Eén thema per regel. Een transformatietafel en een ontwikkelopgave kiezen uit deze lijst.')}
        rows={6}
        value={themes}
        onChange={setThemes}
        error={errors.ofGroup('themes')}
      />
      <TextField
        id="commentDays"
        inputMode="numeric"
        label={labels.commentDays}
        description={t('Zo lang kunnen uitgenodigde aanbieders op conceptnotulen reageren (1 tot en met 60).')}
        value={commentDays}
        onChange={setCommentDays}
        error={errors.of('commentDays')}
      />
      <TextField
        id="themeSessionsPerYear"
        inputMode="numeric"
        label={labels.themeSessionsPerYear}
        description={t('Voor de jaarplanner (0 tot en met 12).')}
        value={sessions}
        onChange={setSessions}
        error={errors.of('themeSessionsPerYear')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Instellingen vastleggen')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

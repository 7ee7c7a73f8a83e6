import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/page-title';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useT, type Msg } from '../../i18n';

const labels: Record<string, Msg> = {
  currentPassword: 'Huidig wachtwoord',
  password: 'Nieuw wachtwoord',
  repeat: 'Nieuw wachtwoord herhalen',
};

/** The advice beside a new password: the server's rules, in words a user can act on. */
export function passwordAdvice(t: ReturnType<typeof useT>['t']): string {
  return t(
    'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden; een veelgebruikt wachtwoord of uw e-mailadres wordt geweigerd.',
  );
}

/** "Change my password", for everyone signed in: the current one is asked, other sessions end. */
export function ChangePasswordPage() {
  const { t } = useT();
  const user = useUser();
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ currentPassword: '', password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const title = t('Mijn wachtwoord');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (draft.password !== draft.repeat) {
      errors.failWith([{ name: 'repeat', code: 'mismatch', reason: t('de twee wachtwoorden zijn niet gelijk') }]);
      return;
    }
    setBusy(true);
    try {
      await api('/users/me/password', {
        method: 'PUT',
        body: { currentPassword: draft.currentPassword, password: draft.password },
      });
      errors.clear();
      setDraft({ currentPassword: '', password: '', repeat: '' });
      setSaved(true);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      {saved && <Alert type="ok">{t('Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.')}</Alert>}
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <input type="text" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
        <TextField
          id="currentPassword"
          type="password"
          label={t('Huidig wachtwoord')}
          autoComplete="current-password"
          value={draft.currentPassword}
          onChange={set('currentPassword')}
          error={errors.of('currentPassword')}
        />
        <TextField
          id="password"
          type="password"
          label={t('Nieuw wachtwoord')}
          description={passwordAdvice(t)}
          autoComplete="new-password"
          value={draft.password}
          onChange={set('password')}
          error={errors.of('password')}
        />
        <TextField
          id="repeat"
          type="password"
          label={t('Nieuw wachtwoord herhalen')}
          autoComplete="new-password"
          value={draft.repeat}
          onChange={set('repeat')}
          error={errors.of('repeat')}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Wachtwoord wijzigen')}
        </Button>
      </form>
    </>
  );
}

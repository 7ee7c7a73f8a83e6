import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, ApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { passwordAdvice } from './change-password';

const labels: Record<string, Msg> = { password: 'Nieuw wachtwoord', repeat: 'Nieuw wachtwoord herhalen' };

/**
 * The page a beheerder's one-time link opens, without signing in. The token is in the address after '#', which the
 * browser never sends to a server; the page posts it in a request body.
 */
export function SetPasswordPage() {
  const { t } = useT();
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [check] = useLoad(
    (signal) =>
      api<{ name: string; email: string; expiresAt: string }>('/password-reset-checks', {
        method: 'POST',
        body: { token },
        signal,
      }),
    [token],
  );
  const [done, setDone] = useState(false);
  if (done) return <Done />;
  if (!token)
    return (
      <LinkProblem
        message={t('Deze link is niet compleet. Neem hem helemaal over uit de e-mail of van de beheerder.')}
      />
    );
  if (check.status === 'loading') return <Loading />;
  if (check.status === 'error') return <LinkProblem message={check.error.problem.detail ?? check.error.message} />;
  return <SetPasswordForm token={token} account={check.data} onDone={() => setDone(true)} />;
}

function SetPasswordForm({
  token,
  account,
  onDone,
}: {
  token: string;
  account: { name: string; email: string; expiresAt: string };
  onDone(): void;
}) {
  const { t } = useT();
  const errors = useFormErrors();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [gone, setGone] = useState<string | null>(null);
  const title = t('Nieuw wachtwoord instellen');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      errors.failWith([{ name: 'repeat', code: 'mismatch', reason: t('de twee wachtwoorden zijn niet gelijk') }]);
      return;
    }
    setBusy(true);
    try {
      await api('/password-reset-completions', { method: 'POST', body: { token, password } });
      onDone();
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 410))
        setGone(error.problem.detail ?? error.message);
      else errors.fail(error);
    }
  }

  if (gone) return <LinkProblem message={gone} />;
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t('Voor {name} ({email}). Deze link werkt tot {time}.', {
          name: account.name,
          email: account.email,
          time: formatDateTime(account.expiresAt),
        })}
      </p>
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <input type="text" name="username" autoComplete="username" value={account.email} readOnly hidden />
        <TextField
          id="password"
          type="password"
          label={t('Nieuw wachtwoord')}
          description={passwordAdvice(t)}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.of('password')}
        />
        <TextField
          id="repeat"
          type="password"
          label={t('Nieuw wachtwoord herhalen')}
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.of('repeat')}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Wachtwoord instellen')}
        </Button>
      </form>
    </>
  );
}

function Done() {
  const { t } = useT();
  useDocumentTitle(t('Uw wachtwoord is ingesteld'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Uw wachtwoord is ingesteld')}</h1>
      <Alert type="ok">{t('Log in met uw nieuwe wachtwoord. Andere sessies van uw account zijn beëindigd.')}</Alert>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/inloggen">
          {t('Naar inloggen')}
        </Link>
      </p>
    </>
  );
}

/** A friendly page for a link that is unknown, used, replaced or expired: what happened and what to do. */
function LinkProblem({ message }: { message: string }) {
  const { t } = useT();
  useDocumentTitle(t('Deze link werkt niet meer'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Deze link werkt niet meer')}</h1>
      <p className="utrecht-paragraph">{message}</p>
      <p className="utrecht-paragraph">
        {t('Weet u uw wachtwoord nog? Dan kunt u gewoon inloggen.')}{' '}
        <Link className="utrecht-link" to="/inloggen">
          {t('Naar inloggen')}
        </Link>
      </p>
    </>
  );
}

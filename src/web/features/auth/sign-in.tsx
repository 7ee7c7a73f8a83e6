import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, ApiError } from '../../lib/api-client';
import { safeReturnPath, useAuth } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export function SignInPage() {
  const { t } = useT();
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('Inloggen'));
  // Which ways of signing in the server offers; until it answers (or if it cannot), the password form alone.
  const [methods] = useLoad((signal) => api<{ password: boolean; oidc: boolean }>('/auth/methods', { signal }), []);
  const oidc = methods.status === 'ok' && methods.data.oidc;
  const password = methods.status !== 'ok' || methods.data.password;

  const back = safeReturnPath(params.get('terug'));
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed-in' && !busy) return <Navigate to={back} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email.trim(), secret);
      navigate(back, { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.invalidParams.length)
        setProblem(error.invalidParams.map((p) => p.reason).join(' '));
      else setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Inloggen')}</h1>
      {session.status === 'anonymous' && session.problem && <Alert type="warning">{session.problem}</Alert>}
      {problem && (
        <Alert type="error" role="alert">
          {problem}
        </Alert>
      )}
      {password && (
        <form onSubmit={submit} noValidate className="form">
          <TextField
            id="email"
            label={t('E-mailadres')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
          />
          <TextField
            id="password"
            label={t('Wachtwoord')}
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={setSecret}
          />
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Inloggen')}
          </Button>
        </form>
      )}
      {oidc && (
        <div className="sign-in-alternative">
          {password && <p className="utrecht-paragraph">{t('Of log in met het account van uw organisatie.')}</p>}
          {/* A plain link: the identity provider needs a full page load, not client-side routing. */}
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(back)}`}
          >
            {t('Inloggen via uw organisatie')}
          </a>
        </div>
      )}
    </>
  );
}

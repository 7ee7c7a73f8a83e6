import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { safeReturnPath, useAuth } from '../../lib/auth';
import { useT } from '../../i18n';

export function SignInPage() {
  const { t } = useT();
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('Inloggen'));

  const back = safeReturnPath(params.get('terug'));
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed-in' && !busy) return <Navigate to={back} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email.trim(), password);
      navigate(back, { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.invalidParams.length) setProblem(error.invalidParams.map((p) => p.reason).join(' '));
      else setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Inloggen')}</h1>
      {session.status === 'anonymous' && session.problem && <Alert type="warning">{session.problem}</Alert>}
      {problem && <Alert type="error" role="alert">{problem}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <TextField id="email" label={t('E-mailadres')} type="email" autoComplete="username" value={email} onChange={setEmail} />
        <TextField id="password" label={t('Wachtwoord')} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <Button type="submit" appearance="primary" disabled={busy}>{t('Inloggen')}</Button>
      </form>
    </>
  );
}

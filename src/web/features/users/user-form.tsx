import { can } from '../../../shared/permissions';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, fetchAll } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import type { Provider, User } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { RoleFields } from './role-fields';

const labels: Record<string, Msg> = {
  email: 'E-mailadres',
  name: 'Naam',
  role: 'Rol',
  providerId: 'Aanbieder',
  password: 'Wachtwoord',
};

export function UserNewPage() {
  const { t } = useT();
  const user = useUser();
  if (!can(user, 'users.manage'))
    return <ProblemPage error={forbidden(t, t('Alleen een beheerder beheert gebruikers.'))} />;
  return <UserForm />;
}

function UserForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ email: '', name: '', role: '', providerId: '', password: '' });
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const [providers] = useLoad((signal) => fetchAll<Provider>('/providers', {}, signal), []);
  const title = t('Nieuwe gebruiker');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api<User>('/users', {
        method: 'POST',
        body: {
          email: draft.email.trim(),
          name: draft.name,
          role: draft.role,
          ...(draft.role === 'aanbieder' && draft.providerId ? { providerId: draft.providerId } : {}),
          ...(draft.password ? { password: draft.password } : {}),
        },
      });
      unsaved.allowLeave();
      navigate('/gebruikers', { state: { saved: true } });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="email"
          type="email"
          label={t('E-mailadres')}
          autoComplete="off"
          value={draft.email}
          onChange={set('email')}
          error={errors.of('email')}
        />
        <TextField
          id="name"
          label={t('Naam')}
          autoComplete="off"
          value={draft.name}
          onChange={set('name')}
          error={errors.of('name')}
        />
        <RoleFields
          isNew
          role={draft.role}
          providerId={draft.providerId}
          providers={providers.status === 'ok' ? providers.data : []}
          errors={errors}
          onRole={set('role')}
          onProvider={set('providerId')}
        />
        <TextField
          id="password"
          type="password"
          label={t('Wachtwoord')}
          description={t('Minstens 12 tekens; leeg laten als de gebruiker via de organisatie (OIDC) inlogt')}
          autoComplete="new-password"
          value={draft.password}
          onChange={set('password')}
          error={errors.of('password')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to="/gebruikers">{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}

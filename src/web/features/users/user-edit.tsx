import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { Loaded, NotFoundPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, fetchAll } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import type { Provider, User } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { RoleFields } from './role-fields';

const labels: Record<string, Msg> = { name: 'Naam', role: 'Rol', providerId: 'Aanbieder', userId: 'Gebruiker' };

interface ResetLink {
  url: string;
  expiresAt: string;
  mailed: boolean;
}

/** A user's name, role and provider; and a one-time link with which they set a new password. */
export function UserEditPage() {
  const { id = '' } = useParams();
  const [state] = useLoad(
    async (signal) => {
      const users = (await api<{ data: User[] }>('/users', { signal })).data;
      const providers = await fetchAll<Provider>('/providers', {}, signal);
      return { user: users.find((u) => u.id === id), providers };
    },
    [id],
  );
  return (
    <Loaded state={state}>
      {({ user, providers }) => (user ? <UserEdit user={user} providers={providers} /> : <NotFoundPage />)}
    </Loaded>
  );
}

function UserEdit({ user, providers }: { user: User; providers: Provider[] }) {
  const { t } = useT();
  const me = useUser();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ name: user.name, role: user.role as string, providerId: user.providerId ?? '' });
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const title = t('{name} wijzigen', { name: user.name });
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const self = user.id === me?.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api<User>(`/users/${user.id}`, {
        method: 'PATCH',
        body: {
          name: draft.name,
          ...(self ? {} : { role: draft.role }),
          ...(draft.role === 'aanbieder' ? { providerId: draft.providerId || null } : {}),
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
      <p className="utrecht-paragraph">{user.email}</p>
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="name"
          label={t('Naam')}
          autoComplete="off"
          value={draft.name}
          onChange={set('name')}
          error={errors.of('name')}
        />
        <RoleFields
          ownRole={self}
          role={draft.role}
          providerId={draft.providerId}
          providers={providers}
          errors={errors}
          onRole={set('role')}
          onProvider={set('providerId')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to="/gebruikers">{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
      {!self && user.active && <PasswordResetSection user={user} />}
    </>
  );
}

function PasswordResetSection({ user }: { user: User }) {
  const { t } = useT();
  const [link, setLink] = useState<ResetLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function make() {
    setBusy(true);
    setFailure(null);
    try {
      setLink(await api<ResetLink>('/password-resets', { method: 'POST', body: { userId: user.id } }));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="nieuw-wachtwoord" className="form-section">
      <h2 id="nieuw-wachtwoord" className="utrecht-heading-2">
        {t('Nieuw wachtwoord')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Maak een link waarmee {name} zelf een nieuw wachtwoord instelt. De link werkt één keer en 24 uur; een nieuwe link vervangt de vorige.',
          { name: user.name },
        )}
      </p>
      {failure && <Alert type="error">{failure}</Alert>}
      {link ? (
        <div>
          <Alert type="ok">
            {link.mailed
              ? t('De link is gemaakt en naar {email} gestuurd.', { email: user.email })
              : t('De link is gemaakt. Geef hem zelf aan {name}: er is geen mailserver ingesteld.', {
                  name: user.name,
                })}
          </Alert>
          <TextField
            id="reset-link"
            label={t('Link voor een nieuw wachtwoord')}
            description={t('Geldig tot {time}. Deze link ziet u maar één keer.', {
              time: formatDateTime(link.expiresAt),
            })}
            readOnly
            value={link.url}
            onChange={() => undefined}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : (
        <Button onClick={make} disabled={busy}>
          {t('Link maken voor een nieuw wachtwoord')}
        </Button>
      )}
    </section>
  );
}

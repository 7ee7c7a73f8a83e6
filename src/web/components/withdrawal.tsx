import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api-client';
import { useFormErrors } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { useT } from '../i18n';
import { Alert } from './alert';
import { Button, ButtonGroup } from './button';
import { ErrorSummary } from './error-summary';
import { TextAreaField } from './form-fields';

export interface Withdrawn {
  at: string;
  by: string;
  reason: string;
}

/** Marks a withdrawn contract or product in a list shown with "Ingetrokken tonen". */
export function WithdrawnBadge() {
  const { t } = useT();
  return <span className="utrecht-status-badge utrecht-status-badge--inactive">{t('Ingetrokken')}</span>;
}

/** That a contract or product was withdrawn: when, by whom and why; with "Herstellen" for those who may edit it. */
export function WithdrawnNotice<T>({
  withdrawn,
  path,
  canEdit,
  onChange,
}: {
  withdrawn: Withdrawn;
  path: string;
  canEdit: boolean;
  onChange(updated: T): void;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function restore() {
    setBusy(true);
    try {
      onChange(await api<T>(`${path}/withdrawal`, { method: 'DELETE' }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Alert type="warning" role="status">
      <p className="utrecht-paragraph">
        {t('Ingetrokken op {at} door {by}. Reden: {reason}', {
          at: formatDateTime(withdrawn.at),
          by: withdrawn.by,
          reason: withdrawn.reason,
        })}
      </p>
      <p className="utrecht-paragraph">
        {t('Het blijft in de geschiedenis, maar staat niet meer in lijsten en telt niet meer mee in de cijfers.')}
      </p>
      {problem && <p className="utrecht-paragraph">{problem}</p>}
      {canEdit && (
        <Button onClick={restore} disabled={busy}>
          {t('Herstellen')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * Withdrawing a contract or product made by mistake, with a reason. When the server asks for confirmation (a contract
 * with trajectories under it), its sentence with their number is shown and "Toch intrekken" sends it again confirmed.
 */
export function WithdrawForm<T>({ path, onChange }: { path: string; onChange(updated: T): void }) {
  const { t } = useT();
  const errors = useFormErrors('intrekken');
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(confirm: boolean) {
    setBusy(true);
    try {
      const updated = await api<T>(`${path}/withdrawal`, { method: 'POST', body: { reason, confirm } });
      errors.clear();
      setQuestion(null);
      onChange(updated);
    } catch (error) {
      const asked =
        error instanceof ApiError && error.status === 409
          ? error.invalidParams.find((p) => p.name === 'confirm')
          : undefined;
      if (asked) {
        errors.clear();
        setQuestion(asked.reason);
      } else errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }
  const labels = { 'intrekken-reason': t('Reden van intrekken') };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h2 className="utrecht-heading-2">{t('Intrekken')}</h2>
      <p className="utrecht-paragraph">
        {t('Alleen voor een vergissing. Het blijft in de geschiedenis; u kunt het intrekken later ongedaan maken.')}
      </p>
      <ErrorSummary level={3} errors={errors} labels={labels} />
      <TextAreaField
        id="intrekken-reason"
        label={labels['intrekken-reason']}
        value={reason}
        onChange={setReason}
        error={errors.of('reason')}
      />
      {question ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{question}</p>
          <ButtonGroup>
            <Button appearance="primary" onClick={() => void send(true)} disabled={busy}>
              {t('Toch intrekken')}
            </Button>
            <Button appearance="subtle" onClick={() => setQuestion(null)}>
              {t('Annuleren')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <Button type="submit" disabled={busy}>
          {t('Intrekken')}
        </Button>
      )}
    </form>
  );
}

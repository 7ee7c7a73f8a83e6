import { useState, type FormEvent, type ReactNode } from 'react';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextAreaField } from '../../components/form-fields';
import { DataList } from '../../components/table';
import { StatusMessage } from '../../components/status-message';
import { api, ApiError } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useT, type Msg } from '../../i18n';
import { TextLink } from '../../components/button';
import type { ImportedFile } from './types';

export type QuarantineState = NonNullable<ImportedFile['quarantine']>['state'];

export const quarantineStateLabels: Record<QuarantineState, Msg> = {
  open: 'Open',
  handled: 'Behandeld',
  resolved: 'Vanzelf opgelost',
};

export function QuarantineStateBadge({ state }: { state: QuarantineState }) {
  const { t } = useT();
  const modifier = state === 'open' ? 'warning' : 'success';
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${modifier}`}>{t(quarantineStateLabels[state])}</span>
  );
}

/**
 * How a quarantined file stands, and for a role that may handle it the form that marks it handled (a note is
 * required: it tells colleagues what was done) or opens it again.
 */
export function QuarantineHandling({ file, onChange }: { file: ImportedFile; onChange(file: ImportedFile): void }) {
  const { t } = useT();
  const user = useUser();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = file.quarantine;
  if (!q) return null;
  const send = async (state: 'handled' | 'open') => {
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      const next = await api<ImportedFile>(`/imports/${encodeURIComponent(file.id)}/handling`, {
        method: 'PUT',
        body: state === 'handled' ? { state, note } : { state },
      });
      setNote('');
      setSaid(state === 'handled' ? t('Gemarkeerd als behandeld.') : t('Weer open gezet.'));
      onChange(next);
    } catch (e) {
      const field = e instanceof ApiError ? e.invalidParams.find((p) => p.name === 'note') : undefined;
      if (field) setError(field.reason);
      else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t('Schrijf in een notitie wat er met dit bestand is gedaan.'));
      return;
    }
    void send('handled');
  };
  const mayHandle = can(user, 'imports.handle');
  return (
    <section aria-labelledby="afhandeling">
      <h2 className="utrecht-heading-2" id="afhandeling">
        {t('Afhandeling')}
      </h2>
      <StatusMessage message={said} />
      <DataList
        items={[
          [t('Status'), <QuarantineStateBadge key="state" state={q.state} />],
          ...(q.note ? [[t('Notitie'), q.note] as [string, string]] : []),
          ...(q.handledAt
            ? [
                [
                  q.state === 'resolved' ? t('Opgelost') : t('Behandeld'),
                  `${formatDateTime(q.handledAt)}${q.handledBy ? ` ${t('door {name}', { name: q.handledBy })}` : ''}`,
                ] as [string, string],
              ]
            : []),
          ...(q.resolvedBy
            ? [
                [
                  t('Opgelost door'),
                  <TextLink key="by" to={`/berichten/quarantaine/${q.resolvedBy}`}>
                    {t('het later aanvaarde bericht')}
                  </TextLink>,
                ] as [string, ReactNode],
              ]
            : []),
        ]}
      />
      {failure && <Alert type="error">{failure}</Alert>}
      {mayHandle && q.state === 'open' && (
        <form onSubmit={submit} noValidate className="handling-form">
          <TextAreaField
            id="note"
            label={t('Notitie')}
            description={t('Wat is er gedaan? Bijvoorbeeld: afzender gebeld, bericht komt verbeterd terug. Geen BSN.')}
            value={note}
            onChange={setNote}
            error={error ?? undefined}
            rows={3}
            maxLength={2000}
          />
          <Button type="submit" disabled={busy}>
            {t('Markeer als behandeld')}
          </Button>
        </form>
      )}
      {mayHandle && q.state === 'handled' && (
        <Button appearance="secondary" disabled={busy} onClick={() => void send('open')}>
          {t('Weer open zetten')}
        </Button>
      )}
    </section>
  );
}

import type { MeetingAction } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { can } from '../../../shared/permissions';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { TextAreaField } from '../../components/form-fields';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDate } from '../../lib/format';
import { useT } from '../../i18n';

/**
 * Action items with their owner, due date and status. Whoever may close an action (the region, or the provider it
 * is assigned to) closes it here with a note; the note is required.
 */
export function ActionsTable({
  caption,
  actions,
  showMeeting = false,
  onChanged,
}: {
  caption: string;
  actions: MeetingAction[];
  showMeeting?: boolean;
  onChanged(): void;
}) {
  const { t } = useT();
  const user = useUser();
  const [closing, setClosing] = useState<MeetingAction | null>(null);
  const owner = (a: MeetingAction) =>
    a.ownerSide === 'region'
      ? [t('Regio'), a.ownerName].filter(Boolean).join(': ')
      : [a.ownerProviderName, a.ownerName].filter(Boolean).join(': ');
  return (
    <>
      <Table<MeetingAction>
        caption={caption}
        rows={actions}
        rowKey={(a) => a.id}
        empty={t('Geen acties.')}
        columns={[
          { header: t('Actie'), rowHeader: true, cell: (a) => a.title },
          ...(showMeeting
            ? [
                {
                  header: t('Uit overleg'),
                  cell: (a: MeetingAction) => <TextLink to={`/overleggen/${a.meetingId}`}>{a.meetingTitle}</TextLink>,
                },
              ]
            : []),
          { header: t('Eigenaar'), cell: owner },
          { header: t('Uiterlijk'), cell: (a) => formatDate(a.dueDate) },
          {
            header: t('Status'),
            cell: (a) =>
              a.status === 'done'
                ? `${t('Afgerond')}${a.note ? `: ${a.note}` : ''}`
                : a.overdue
                  ? t('Open, te laat')
                  : t('Open'),
          },
          {
            header: t('Afronden'),
            cell: (a) =>
              a.status === 'open' && can(user, 'meetingActions.close') ? (
                <Button onClick={() => setClosing(a)} aria-label={t('{title} afronden', { title: a.title })}>
                  {t('Afronden')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {closing && (
        <CloseForm
          key={closing.id}
          action={closing}
          onDone={() => {
            setClosing(null);
            onChanged();
          }}
          onCancel={() => setClosing(null)}
        />
      )}
    </>
  );
}

function CloseForm({ action, onDone, onCancel }: { action: MeetingAction; onDone(): void; onCancel(): void }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/meeting-actions/${action.id}/completion`, { method: 'POST', body: { note } });
      onDone();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3 className="utrecht-heading-3">{t('Actie afronden: {title}', { title: action.title })}</h3>
      <TextAreaField
        id="note"
        label={t('Toelichting')}
        description={t('Wat is er gedaan? Verplicht.')}
        rows={3}
        value={note}
        onChange={setNote}
        error={errors.of('note')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Actie afronden')}
        </Button>
        <Button onClick={onCancel}>{t('Annuleren')}</Button>
      </ButtonGroup>
    </form>
  );
}

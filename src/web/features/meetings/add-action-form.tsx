import type { MeetingDetail } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/form-fields';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useT } from '../../i18n';

/** An action item agreed in the meeting: what, whose (the region or one of the meeting's providers), and by when. */
export function AddActionForm({ meeting, onAdded }: { meeting: MeetingDetail; onAdded(): void }) {
  const { t } = useT();
  const errors = useFormErrors('actie');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/meetings/${meeting.id}/actions`, {
        method: 'POST',
        body: {
          title,
          ownerSide: owner === 'region' ? 'region' : owner ? 'provider' : undefined,
          ownerProviderId: owner && owner !== 'region' ? owner : null,
          ownerName: ownerName || null,
          dueDate: dueDate || undefined,
        },
      });
      setTitle('');
      setOwnerName('');
      setDueDate('');
      errors.clear();
      onAdded();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const labels = {
    'actie-title': t('Actie'),
    'actie-ownerSide': t('Eigenaar'),
    'actie-ownerProviderId': t('Eigenaar'),
    'actie-dueDate': t('Uiterste datum'),
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3 className="utrecht-heading-3">{t('Actie toevoegen')}</h3>
      <ErrorSummary level={4} errors={errors} labels={labels} />
      <TextField
        id="actie-title"
        label={labels['actie-title']}
        value={title}
        onChange={setTitle}
        error={errors.of('title')}
      />
      <SelectField
        id="actie-ownerSide"
        label={labels['actie-ownerSide']}
        value={owner}
        onChange={setOwner}
        placeholder={t('Kies de eigenaar')}
        options={[
          { value: 'region', label: t('Regio') },
          ...meeting.providers.map((p) => ({ value: p.id, label: p.name })),
        ]}
        error={errors.of('ownerSide') ?? errors.of('ownerProviderId')}
      />
      <TextField
        id="actie-ownerName"
        label={t('Wie pakt het op (naam, mag leeg)')}
        value={ownerName}
        onChange={setOwnerName}
      />
      <TextField
        id="actie-dueDate"
        type="date"
        label={labels['actie-dueDate']}
        value={dueDate}
        onChange={setDueDate}
        error={errors.of('dueDate')}
      />
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('Actie toevoegen')}
      </Button>
    </form>
  );
}

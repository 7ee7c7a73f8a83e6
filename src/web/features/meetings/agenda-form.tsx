import type { MeetingDetail } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { Fieldset, TextField } from '../../components/form-fields';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useT } from '../../i18n';

interface Row {
  title: string;
  documents: string;
}

/**
 * The agenda of a planned or held meeting, editable by the region: items with the documents the providers are asked
 * to send beforehand (separated by semicolons), added, changed or removed, saved as a whole.
 */
export function AgendaForm({ meeting, onSaved }: { meeting: MeetingDetail; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [rows, setRows] = useState<Row[]>(
    meeting.agenda.map((a) => ({ title: a.title, documents: a.documentsRequested.join('; ') })),
  );
  const [busy, setBusy] = useState(false);
  const set = (n: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, k) => (k === n ? { ...r, ...patch } : r)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/meetings/${meeting.id}`, {
        method: 'PATCH',
        body: {
          agenda: rows.map((r) => ({
            title: r.title,
            documentsRequested: r.documents
              .split(';')
              .map((d) => d.trim())
              .filter(Boolean),
          })),
        },
      });
      errors.clear();
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const labels = {
    agenda: t('Agenda'),
    'agenda.item': t('Agendapunt'),
    'agenda.title': t('Titel'),
    'agenda.documentsRequested': t('Vooraf aanleveren'),
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary level={3} errors={errors} labels={labels} />
      {rows.length === 0 && <p className="utrecht-paragraph">{t('Nog geen agenda.')}</p>}
      {rows.map((r, n) => (
        <Fieldset key={n} id={`agenda.${n}`} legend={t('Agendapunt {n}', { n: n + 1 })} className="row-fieldset">
          <TextField
            id={`agenda.${n}.title`}
            label={t('Titel van agendapunt {n}', { n: n + 1 })}
            value={r.title}
            onChange={(title) => set(n, { title })}
            error={errors.of(`agenda.${n}.title`)}
          />
          <TextField
            id={`agenda.${n}.documentsRequested`}
            label={t('Vooraf aan te leveren bij agendapunt {n}', { n: n + 1 })}
            description={t('Gescheiden door een puntkomma; mag leeg.')}
            value={r.documents}
            onChange={(documents) => set(n, { documents })}
            error={errors.ofGroup(`agenda.${n}.documentsRequested`)}
          />
          <Button onClick={() => setRows((list) => list.filter((_, k) => k !== n))}>
            {t('Agendapunt {n} verwijderen', { n: n + 1 })}
          </Button>
        </Fieldset>
      ))}
      <ButtonGroup>
        <Button onClick={() => setRows((list) => [...list, { title: '', documents: '' }])}>
          {t('Agendapunt toevoegen')}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Agenda vastleggen')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

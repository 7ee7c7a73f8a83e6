import type { DevelopmentTask } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { DataList, Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDate, todayIso } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { kpiText, taskStatusLabels } from './devtasks-page';
import { MilestonesEditor, milestonesBody, type MilestoneInput } from './milestones-editor';

type Milestone = DevelopmentTask['milestones'][number];
type Note = DevelopmentTask['notes'][number];

/**
 * /ontwikkelopgaven/:id: one development task with its KPI and the region's value, milestones and progress notes.
 * Contract managers change its milestones and status; members (and the region) add dated progress notes while it runs.
 */
export function DevelopmentTaskPage() {
  const { id } = useParams();
  const [state, reload] = useLoad((signal) => api<DevelopmentTask>(`/development-tasks/${id}`, { signal }), [id]);
  return <Loaded state={state}>{(task) => <Task task={task} onChanged={reload} />}</Loaded>;
}

function Task({ task, onChanged }: { task: DevelopmentTask; onChanged(): void }) {
  const { t, lang } = useT();
  useDocumentTitle(task.title);
  const user = useUser();
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    onChanged();
  };
  return (
    <>
      <h1 className="utrecht-heading-1">{task.title}</h1>
      <StatusMessage message={message} />
      <DataList
        items={[
          [t('Thema'), task.theme],
          [t('Status'), t(taskStatusLabels[task.status])],
          [t('Doel'), task.goal],
          [t('Maat'), task.measure],
          [t('KPI'), kpiText(t, lang, task)],
          [t('Deelnemers van de regio'), task.regionMembers.map((m) => m.name).join(', ') || '—'],
          [t('Deelnemende aanbieders'), task.providers.map((p) => p.name).join(', ') || '—'],
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Mijlpalen')}</h2>
      <Table<Milestone>
        caption={t('Mijlpalen van de opgave')}
        captionHidden
        rows={task.milestones}
        rowKey={(m) => m.id}
        empty={t('Nog geen mijlpalen.')}
        columns={[
          { header: t('Mijlpaal'), rowHeader: true, cell: (m) => m.title },
          { header: t('Datum'), cell: (m) => formatDate(m.dueDate) },
          { header: t('Stand'), cell: (m) => (m.done ? t('Bereikt') : m.overdue ? t('Te laat') : t('Open')) },
        ]}
      />
      {can(user, 'developmentTasks.edit') && (
        <EditTask task={task} onSaved={() => changed(t('De mijlpalen en de status zijn vastgelegd.'))} />
      )}
      <h2 className="utrecht-heading-2">{t('Voortgang')}</h2>
      <Table<Note>
        caption={t('Voortgangsnotities, nieuwste eerst')}
        captionHidden
        rows={task.notes}
        rowKey={(n) => n.id}
        empty={t('Nog geen voortgangsnotities.')}
        columns={[
          { header: t('Datum'), cell: (n) => formatDate(n.date) },
          { header: t('Door'), cell: (n) => n.authorName },
          { header: t('Namens'), cell: (n) => n.providerName ?? t('Regio') },
          { header: t('Voortgang'), rowHeader: true, cell: (n) => n.text },
        ]}
      />
      {can(user, 'developmentTasks.note') &&
        (task.status === 'active' ? (
          <NoteForm task={task} onAdded={() => changed(t('De voortgangsnotitie is toegevoegd.'))} />
        ) : (
          <p className="utrecht-paragraph">{t('Deze opgave loopt niet meer; er kunnen geen notities meer bij.')}</p>
        ))}
      <p className="utrecht-paragraph">
        <TextLink to="/ontwikkelopgaven">{t('Terug naar de ontwikkelopgaven')}</TextLink>
      </p>
    </>
  );
}

function NoteForm({ task, onAdded }: { task: DevelopmentTask; onAdded(): void }) {
  const { t } = useT();
  const errors = useFormErrors('notitie');
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/development-tasks/${task.id}/notes`, { method: 'POST', body: { text, date: date || undefined } });
      setText('');
      errors.clear();
      onAdded();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const labels = { 'notitie-text': t('Voortgangsnotitie'), 'notitie-date': t('Datum') };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3 className="utrecht-heading-3">{t('Voortgang toevoegen')}</h3>
      <ErrorSummary level={4} errors={errors} labels={labels} />
      <TextField
        id="notitie-date"
        type="date"
        label={labels['notitie-date']}
        value={date}
        onChange={setDate}
        error={errors.of('date')}
      />
      <TextAreaField
        id="notitie-text"
        label={labels['notitie-text']}
        rows={3}
        value={text}
        onChange={setText}
        error={errors.of('text')}
      />
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('Notitie toevoegen')}
      </Button>
    </form>
  );
}

/** The milestones (the whole list: reached, moved, added) and the status of the task. */
function EditTask({ task, onSaved }: { task: DevelopmentTask; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [milestones, setMilestones] = useState<MilestoneInput[]>(
    task.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
  );
  const [status, setStatus] = useState<string>(task.status);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/development-tasks/${task.id}`, {
        method: 'PATCH',
        body: { milestones: milestonesBody(milestones), status },
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
    milestones: t('Mijlpalen'),
    'milestones.item': t('Mijlpaal'),
    'milestones.title': t('Titel'),
    'milestones.dueDate': t('Datum'),
    status: t('Status'),
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3 className="utrecht-heading-3">{t('Mijlpalen en status bijwerken')}</h3>
      <ErrorSummary level={4} errors={errors} labels={labels} />
      <MilestonesEditor milestones={milestones} onChange={setMilestones} errors={errors} />
      <SelectField
        id="status"
        label={labels.status}
        value={status}
        onChange={setStatus}
        options={(['active', 'completed', 'stopped'] as const).map((s) => ({
          value: s,
          label: t(taskStatusLabels[s]),
        }))}
        error={errors.of('status')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Mijlpalen en status vastleggen')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

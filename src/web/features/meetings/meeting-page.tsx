import type { MeetingDetail } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { meetingTypeLabels } from '../../../shared/meetings';
import { can } from '../../../shared/permissions';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { DataList, Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatTimeSpan } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { ActionsTable } from './actions-table';
import { AddActionForm } from './add-action-form';
import { AgendaForm } from './agenda-form';
import { MeetingMinutes } from './meeting-minutes';
import { statusLabels } from './meetings-page';

type Invitee = MeetingDetail['invitees'][number];
type Escalation = MeetingDetail['escalations'][number];

/**
 * /overleggen/:id: one meeting. The region records who came, that it was held, its decisions and escalated cases (by
 * pseudonymised reference only), its minutes and actions; a provider reads it, comments on the draft minutes while
 * the window is open and closes its own actions.
 */
export function MeetingPage() {
  const { id } = useParams();
  const [state, reload] = useLoad((signal) => api<MeetingDetail>(`/meetings/${id}`, { signal }), [id]);
  return <Loaded state={state}>{(meeting) => <Meeting meeting={meeting} onChanged={reload} />}</Loaded>;
}

function Meeting({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const { t } = useT();
  useDocumentTitle(meeting.title);
  const user = useUser();
  const editor = can(user, 'meetings.edit');
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    onChanged();
  };
  return (
    <>
      <h1 className="utrecht-heading-1">{meeting.title}</h1>
      <StatusMessage message={message} />
      <DataList
        items={[
          [t('Soort'), t(meetingTypeLabels[meeting.type] as Msg) + (meeting.theme ? ` (${meeting.theme})` : '')],
          [t('Wanneer'), formatTimeSpan(meeting.startsAt, meeting.endsAt)],
          [t('Locatie'), meeting.location ?? '—'],
          [t('Aanbieders'), meeting.providers.map((p) => p.name).join(', ') || '—'],
          [t('Status'), t(statusLabels[meeting.status])],
        ]}
      />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`/api/v1/meetings/${meeting.id}/invitation`} download>
          {t('Uitnodiging downloaden (.ics)')}
        </a>
      </p>
      {can(user, 'providerPack.read') &&
        meeting.providers.map((p) => (
          <p key={p.id} className="utrecht-paragraph">
            <TextLink to={`/aanbieders/${p.id}/dossier?overleg=${meeting.id}`}>
              {meeting.providers.length === 1
                ? t('Dossier voor dit overleg')
                : t('Dossier voor het overleg met {name}', { name: p.name })}
            </TextLink>
          </p>
        ))}
      <h2 className="utrecht-heading-2">{t('Agenda')}</h2>
      {editor ? (
        <AgendaForm meeting={meeting} onSaved={() => changed(t('De agenda is vastgelegd.'))} />
      ) : meeting.agenda.length ? (
        <ol className="utrecht-ordered-list">
          {meeting.agenda.map((a, i) => (
            <li key={i} className="utrecht-ordered-list__item">
              {a.title}
              {a.documentsRequested.length > 0 &&
                ` — ${t('vooraf aanleveren: {docs}', { docs: a.documentsRequested.join('; ') })}`}
            </li>
          ))}
        </ol>
      ) : (
        <p className="utrecht-paragraph">{t('Nog geen agenda.')}</p>
      )}
      {editor ? (
        <Attendance meeting={meeting} onSaved={() => changed(t('Aanwezigheid en status zijn vastgelegd.'))} />
      ) : (
        <InviteesTable invitees={meeting.invitees} />
      )}
      <MeetingMinutes meeting={meeting} onChanged={() => changed(t('De notulen zijn bijgewerkt.'))} />
      <h2 className="utrecht-heading-2">{t('Besluiten')}</h2>
      {editor ? (
        <Decisions meeting={meeting} onSaved={() => changed(t('De besluiten en escalaties zijn vastgelegd.'))} />
      ) : meeting.decisions.length ? (
        <ul className="utrecht-unordered-list">
          {meeting.decisions.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('Nog geen besluiten.')}</p>
      )}
      <h2 className="utrecht-heading-2">{t('Acties')}</h2>
      <ActionsTable caption={t('Acties uit dit overleg')} actions={meeting.actions} onChanged={onChanged} />
      {editor && <AddActionForm meeting={meeting} onAdded={() => changed(t('De actie is toegevoegd.'))} />}
      <p className="utrecht-paragraph">
        <TextLink to="/overleggen">{t('Terug naar de overleggen')}</TextLink>
      </p>
    </>
  );
}

function InviteesTable({ invitees }: { invitees: Invitee[] }) {
  const { t } = useT();
  return (
    <>
      <h2 className="utrecht-heading-2">{t('Genodigden')}</h2>
      <Table<Invitee>
        caption={t('Genodigden en aanwezigheid')}
        captionHidden
        rows={invitees}
        rowKey={(i) => `${i.name}|${i.email}`}
        empty={t('Nog geen genodigden.')}
        columns={[
          { header: t('Naam'), rowHeader: true, cell: (i) => i.name },
          { header: t('Namens'), cell: (i) => (i.side === 'region' ? t('Regio') : t('Aanbieder')) },
          {
            header: t('Aanwezig'),
            cell: (i) => (i.attended === null ? '—' : i.attended ? t('Ja') : t('Nee')),
          },
        ]}
      />
    </>
  );
}

/** Invitees with their attendance, a new invitee, and the meeting's status (planned, held, cancelled). */
function Attendance({ meeting, onSaved }: { meeting: MeetingDetail; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [invitees, setInvitees] = useState(meeting.invitees);
  const [status, setStatus] = useState<string>(meeting.status);
  const [name, setName] = useState('');
  const [side, setSide] = useState<'region' | 'provider'>('provider');
  const [busy, setBusy] = useState(false);
  const providerId = meeting.providers[0]?.id ?? null;
  function add() {
    if (!name.trim()) return;
    setInvitees((list) => [
      ...list,
      { name: name.trim(), email: null, side, providerId: side === 'provider' ? providerId : null, attended: null },
    ]);
    setName('');
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/meetings/${meeting.id}`, { method: 'PATCH', body: { invitees, status } });
      errors.clear();
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <h2 className="utrecht-heading-2">{t('Genodigden en aanwezigheid')}</h2>
      <ErrorSummary level={3} errors={errors} labels={{ invitees: t('Genodigden'), status: t('Status') }} />
      {invitees.length === 0 && <p className="utrecht-paragraph">{t('Nog geen genodigden.')}</p>}
      {invitees.map((i, n) => (
        <CheckboxField
          key={`${i.name}-${n}`}
          id={`attended-${n}`}
          label={t('{name} ({side}) was aanwezig', {
            name: i.name,
            side: i.side === 'region' ? t('regio') : t('aanbieder'),
          })}
          checked={i.attended === true}
          onChange={(checked) => setInvitees((list) => list.map((x, k) => (k === n ? { ...x, attended: checked } : x)))}
        />
      ))}
      <TextField id="invitee-name" label={t('Naam van een nieuwe genodigde')} value={name} onChange={setName} />
      <SelectField
        id="invitee-side"
        label={t('Namens')}
        value={side}
        onChange={(v) => setSide(v as 'region' | 'provider')}
        options={[
          { value: 'provider', label: t('Aanbieder') },
          { value: 'region', label: t('Regio') },
        ]}
      />
      <Button onClick={add}>{t('Genodigde toevoegen')}</Button>
      <SelectField
        id="status"
        label={t('Status')}
        value={status}
        onChange={setStatus}
        options={(['planned', 'held', 'cancelled'] as const).map((s) => ({ value: s, label: t(statusLabels[s]) }))}
      />
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('Aanwezigheid en status vastleggen')}
      </Button>
    </form>
  );
}

/** Decisions (one per line) and escalated cases: a pseudonymised reference and a summary, never a name or BSN. */
function Decisions({ meeting, onSaved }: { meeting: MeetingDetail; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [decisions, setDecisions] = useState(meeting.decisions.join('\n'));
  const [escalations, setEscalations] = useState<Escalation[]>(meeting.escalations);
  const [reference, setReference] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const added = reference.trim() || summary.trim() ? [{ reference, summary }] : [];
    setBusy(true);
    try {
      await api(`/meetings/${meeting.id}`, {
        method: 'PATCH',
        body: {
          decisions: decisions
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
          escalations: [...escalations, ...added],
        },
      });
      setEscalations((e) => [...e, ...added]);
      setReference('');
      setSummary('');
      errors.clear();
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const n = escalations.length;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary
        level={3}
        errors={errors}
        labels={{
          decisions: t('Besluiten'),
          [`escalations.${n}.reference`]: t('Referentie'),
          [`escalations.${n}.summary`]: t('Toelichting'),
          [`escalations.${n}`]: t('Escalatie'),
        }}
      />
      <TextAreaField
        id="decisions"
        label={t('Besluiten, één per regel')}
        rows={4}
        value={decisions}
        onChange={setDecisions}
        error={errors.ofGroup('decisions')}
      />
      <h3 className="utrecht-heading-3">{t('Escalaties')}</h3>
      <ul className="utrecht-unordered-list">
        {escalations.map((e) => (
          <li key={e.reference}>
            {e.reference}: {e.summary}
          </li>
        ))}
      </ul>
      <TextField
        id={`escalations.${n}.reference`}
        label={t('Referentie van een nieuwe escalatie')}
        description={t('De gepseudonimiseerde referentie, zoals ESC-2026-014. Nooit een naam of BSN.')}
        value={reference}
        onChange={setReference}
        error={errors.of(`escalations.${n}.reference`)}
      />
      <TextAreaField
        id={`escalations.${n}.summary`}
        label={t('Toelichting bij de escalatie')}
        rows={3}
        value={summary}
        onChange={setSummary}
        error={errors.of(`escalations.${n}.summary`)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Besluiten en escalaties vastleggen')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

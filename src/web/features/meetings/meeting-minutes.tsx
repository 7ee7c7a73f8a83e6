import type { MeetingDetail } from '../../../server/modules/meetings/index';
import { useState, type FormEvent } from 'react';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField, TextField } from '../../components/form-fields';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDateTime, parseInteger } from '../../lib/format';
import { useT } from '../../i18n';

type Comment = MeetingDetail['comments'][number];

/**
 * The minutes of a meeting: the region writes a draft (open for the invited providers' comments for a number of
 * days) and finalises it; a provider reads the draft or the final minutes and comments while the window is open.
 */
export function MeetingMinutes({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const { t } = useT();
  const user = useUser();
  const editor = can(user, 'meetings.edit');
  const final = meeting.minutesStatus === 'final';
  return (
    <>
      <h2 className="utrecht-heading-2">{t('Notulen')}</h2>
      {final && (
        <Alert type="ok">{t('Vastgestelde notulen ({date}).', { date: formatDateTime(meeting.finalisedAt!) })}</Alert>
      )}
      {meeting.minutesStatus === 'draft' && (
        <Alert>
          {meeting.commentOpen
            ? t('Concept: de aanbieders kunnen reageren tot {date}.', { date: formatDateTime(meeting.commentUntil!) })
            : t('Concept: de reactietermijn is gesloten; de notulen kunnen worden vastgesteld.')}
        </Alert>
      )}
      {editor && !final ? (
        <MinutesForm meeting={meeting} onChanged={onChanged} />
      ) : meeting.minutes ? (
        <div className="minutes">
          {meeting.minutes.split('\n').map((line, i) => (
            <p className="utrecht-paragraph" key={i}>
              {line}
            </p>
          ))}
        </div>
      ) : (
        <p className="utrecht-paragraph">{t('Nog geen notulen.')}</p>
      )}
      {meeting.minutesStatus !== 'none' && (
        <>
          <h3 className="utrecht-heading-3">{t('Reacties op het concept')}</h3>
          <Table<Comment>
            caption={t('Reacties op de conceptnotulen')}
            captionHidden
            rows={meeting.comments}
            rowKey={(c) => c.id}
            empty={t('Geen reacties.')}
            columns={[
              { header: t('Wanneer'), cell: (c) => formatDateTime(c.createdAt) },
              { header: t('Door'), rowHeader: true, cell: (c) => c.authorName },
              { header: t('Reactie'), cell: (c) => c.text },
            ]}
          />
        </>
      )}
      {meeting.commentOpen && can(user, 'meetings.comment') && <CommentForm meeting={meeting} onChanged={onChanged} />}
    </>
  );
}

function MinutesForm({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      errors.clear();
      onChanged();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    const commentDays = parseInteger(days);
    return run(() =>
      api(`/meetings/${meeting.id}/minutes`, {
        method: 'PUT',
        body: { minutes: text, ...(commentDays !== null && { commentDays }) },
      }),
    );
  };
  return (
    <form onSubmit={save} noValidate className="form">
      <TextAreaField
        id="minutes"
        label={t('Tekst van de notulen')}
        rows={8}
        value={text}
        onChange={setText}
        error={errors.of('minutes')}
      />
      <TextField
        id="commentDays"
        label={t('Reactietermijn in dagen')}
        description={t('Leeg: de termijn van de regio (standaard 7 dagen).')}
        inputMode="numeric"
        value={days}
        onChange={setDays}
        error={errors.of('commentDays')}
      />
      <ErrorSummary
        level={3}
        errors={errors}
        labels={{ minutes: t('Tekst van de notulen'), commentDays: t('Reactietermijn in dagen') }}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Concept opslaan en ter reactie geven')}
        </Button>
        {meeting.minutesStatus === 'draft' && (
          <Button
            disabled={busy}
            onClick={() => run(() => api(`/meetings/${meeting.id}/minutes/finalisation`, { method: 'POST' }))}
          >
            {t('Notulen vaststellen')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}

function CommentForm({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api(`/meetings/${meeting.id}/comments`, { method: 'POST', body: { text } });
      setText('');
      errors.clear();
      onChanged();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <TextAreaField
        id="text"
        label={t('Uw reactie op het concept')}
        rows={4}
        value={text}
        onChange={setText}
        error={errors.of('text')}
      />
      <ErrorSummary level={3} errors={errors} labels={{ text: t('Uw reactie op het concept') }} />
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('Reactie versturen')}
      </Button>
    </form>
  );
}

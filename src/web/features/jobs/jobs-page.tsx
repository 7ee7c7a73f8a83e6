import type { JobStatus } from '../../../server/jobs/runner';
import { useEffect, useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { formatDateTime, formatTimeSpan } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

/** A background job as GET /api/v1/jobs gives it (the server's type: type-only import, erased at build time). */
type Job = JobStatus;

/** While a job runs or waits, the page asks again this often, so its outcome appears without a reload. */
const pollMs = 5000;

const time = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : '—');

/** The last run as one span ("7 december 2026, 14:03–14:05"); while a run goes on, its start and the open end. */
function lastRun(job: Job) {
  const [started, finished] = [job.lastStartedAt, job.lastFinishedAt];
  if (!started) return '—';
  if (finished && new Date(finished) >= new Date(started))
    return <time dateTime={started}>{formatTimeSpan(started, finished)}</time>;
  return (
    <>
      {time(started)} – {job.running ? '…' : '—'}
    </>
  );
}

/** /beheer/taken: the background jobs with their last and next run and their failures; a job can be run now. */
export function JobsPage() {
  const { t } = useT();
  useDocumentTitle(t('Achtergrondtaken'));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, reload] = useLoad((signal) => api<{ data: Job[] }>('/jobs', { signal }), [], { keepPrevious: true });
  const busy = state.status === 'ok' && state.data.data.some((j) => j.running || j.requested);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [busy, reload]);

  const runNow = async (job: Job) => {
    setFailure(null);
    try {
      await api<Job>(`/jobs/${encodeURIComponent(job.name)}/runs`, { method: 'POST' });
      setMessage(t('Taak {name} wordt uitgevoerd.', { name: job.name }));
      reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Loaded state={state}>
      {({ data: jobs }) => (
        <>
          <h1 className="utrecht-heading-1">{t('Achtergrondtaken')}</h1>
          <p className="utrecht-paragraph">
            {t(
              'Deze taken draaien op de server volgens hun schema, na elke import en als u erom vraagt. Een mislukte taak wordt later opnieuw geprobeerd.',
            )}
          </p>
          <StatusMessage message={message} />
          {failure && <Alert type="error">{failure}</Alert>}
          <Table
            caption={t('Taken')}
            captionHidden
            rows={jobs}
            rowKey={(j) => j.name}
            columns={[
              {
                header: t('Taak'),
                rowHeader: true,
                cell: (j) => (
                  <>
                    <code>{j.name}</code>
                    <br />
                    {j.description}
                  </>
                ),
              },
              {
                header: t('Schema'),
                cell: (j) =>
                  t('elke minuut en bij het starten|elke {count} minuten en bij het starten', {
                    count: j.everyMinutes,
                  }),
              },
              {
                header: t('Status'),
                cell: (j) =>
                  j.running
                    ? t('Bezig')
                    : j.requested
                      ? t('Gevraagd')
                      : j.lastOutcome === 'failed'
                        ? t('Mislukt')
                        : j.lastOutcome === 'succeeded'
                          ? t('Geslaagd')
                          : t('Nog niet uitgevoerd'),
              },
              {
                header: t('Laatste run'),
                cell: lastRun,
              },
              { header: t('Volgende run'), cell: (j) => time(j.nextRunAt) },
              {
                header: t('Fouten'),
                cell: (j) =>
                  j.failures === 0 ? (
                    '0'
                  ) : (
                    <>
                      {t('{count} keer mislukt sinds de laatste geslaagde run', { count: j.failures })}
                      {j.lastError && (
                        <>
                          : <span lang="nl">{j.lastError}</span>
                        </>
                      )}
                    </>
                  ),
              },
              {
                header: t('Actie'),
                cell: (j) => (
                  <Button onClick={() => void runNow(j)} aria-label={t('Nu uitvoeren: {name}', { name: j.name })}>
                    {t('Nu uitvoeren')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

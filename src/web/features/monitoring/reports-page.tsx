import { useState } from 'react';
import { can } from '../../../shared/permissions';
import { kpiDefinitionById, type KpiId } from '../../../shared/kpi';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { SelectField, TextAreaField } from '../../components/form-fields';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { Table } from '../../components/table';
import { api, ApiError } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { MonitoringNav } from './dashboard-parts';
import { periodLabel } from './dashboard-controls';
import { kpiName, locale } from './kpi-figures';
import { reportHref, usePeriods } from './monitoring-api';
import {
  commentKpis,
  describeChange,
  issuedPdfHref,
  quartersBetween,
  type IssuedReport,
  type QuarterComments,
} from './reports-api';

/** /rapportages: the region's commentary per quarter, issuing the quarterly report, and the reports issued so far. */
export function ReportsPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Kwartaalrapportages'));
  const [periods] = usePeriods();
  if (!can(user, 'reports.read'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag de kwartaalrapportages niet inzien.'))} />;
  const problem = pageProblem(periods);
  if (problem) return problem;
  if (periods.status !== 'ok') return <Loading />;
  const today = new Date().toISOString().slice(0, 10);
  const last = periods.data.last && periods.data.last > today ? periods.data.last : today;
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Kwartaalrapportages')}</h1>
      <MonitoringNav />
      <Reports quarters={quartersBetween(periods.data.first, last)} initial={periods.data.defaultPeriod} />
    </>
  );
}

function Reports({ quarters, initial }: { quarters: string[]; initial: string }) {
  const { t, lang } = useT();
  const user = useUser();
  const editable = can(user, 'reports.edit');
  const [quarter, setQuarter] = useState(quarters.includes(initial) ? initial : (quarters[0] ?? initial));
  const [issued, reloadIssued] = useLoad((signal) => api<{ data: IssuedReport[] }>('/issued-reports', { signal }), []);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    setFailure(null);
    setMessage(null);
    try {
      await api('/issued-reports', { method: 'POST', body: { quarter } });
      setMessage(t('De rapportage over {quarter} is vastgesteld en bewaard.', { quarter: periodLabel(quarter, lang) }));
      reloadIssued();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('Vaststellen lukte niet.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <SelectField
        id="rapportage-kwartaal"
        label={t('Kwartaal')}
        value={quarter}
        onChange={setQuarter}
        options={quarters.map((q) => ({ value: q, label: periodLabel(q, lang) }))}
      />
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a" href={reportHref(quarter)} download>
          {t('Rapportage over {quarter} bekijken (PDF, niet vastgesteld)', { quarter: periodLabel(quarter, lang) })}
        </a>
      </p>
      <Comments key={quarter} quarter={quarter} editable={editable} />
      {editable && (
        <section aria-labelledby="vaststellen-kop">
          <h2 id="vaststellen-kop" className="utrecht-heading-2">
            {t('Vaststellen en uitgeven')}
          </h2>
          <p className="utrecht-paragraph">
            {t(
              'De rapportage wordt gemaakt met de cijfers en de toelichting van nu, met de datum en uw naam. Zij wordt bewaard zoals zij is; wijzigen de cijfers later, dan zegt het dashboard hoeveel.',
            )}
          </p>
          <Button appearance="primary" onClick={() => void issue()} disabled={busy}>
            {t('Rapportage over {quarter} vaststellen en uitgeven', { quarter: periodLabel(quarter, lang) })}
          </Button>
          <StatusMessage message={message} />
          {failure && <Alert type="error">{failure}</Alert>}
        </section>
      )}
      <h2 className="utrecht-heading-2">{t('Uitgegeven rapportages')}</h2>
      {issued.status === 'loading' && <Loading />}
      {issued.status === 'error' && <Alert type="error">{issued.error.message}</Alert>}
      {issued.status === 'ok' && (
        <Table
          caption={t('Uitgegeven rapportages')}
          captionHidden
          rows={issued.data.data}
          rowKey={(r) => r.id}
          empty={t('Er is nog geen rapportage uitgegeven.')}
          columns={[
            { header: t('Kwartaal'), cell: (r) => periodLabel(r.quarter, lang), rowHeader: true },
            {
              header: t('Vastgesteld'),
              cell: (r) =>
                t('{date} door {name}', {
                  date: new Date(r.issuedAt).toLocaleString(locale(lang), { dateStyle: 'long', timeStyle: 'short' }),
                  name: r.issuedByName,
                }),
            },
            {
              header: t('PDF'),
              cell: (r) => (
                <a className="utrecht-link utrecht-link--html-a" href={issuedPdfHref(r.id)} download>
                  {t('Zoals uitgegeven downloaden')}
                </a>
              ),
            },
            {
              header: t('Sindsdien gewijzigd'),
              cell: (r) =>
                r.changes === null ? (
                  ''
                ) : r.changes.length === 0 ? (
                  t('Geen cijfer gewijzigd')
                ) : (
                  <ul className="plain-list">
                    {r.changes.map((c) => (
                      <li key={c.subject}>
                        {c.subject}: {describeChange(c, locale(lang))}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      )}
    </>
  );
}

function Comments({ quarter, editable }: { quarter: string; editable: boolean }) {
  const { t, lang } = useT();
  const [state, reload] = useLoad(
    (signal) => api<QuarterComments>(`/report-comments/${quarter}`, { signal }),
    [quarter],
  );
  const [subject, setSubject] = useState<'report' | KpiId>('report');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Alert type="error">{state.error.message}</Alert>;
  const saved = (s: string) =>
    s === 'report' ? (state.data.report?.text ?? '') : (state.data.kpis.find((c) => c.subject === s)?.text ?? '');
  const text = drafts[subject] ?? saved(subject);
  const subjectName = (s: string) =>
    s === 'report' ? t('De hele rapportage') : kpiName(kpiDefinitionById.get(s as KpiId)!, lang);
  const save = async () => {
    setFailure(null);
    setMessage(null);
    try {
      await api(`/report-comments/${quarter}/${subject}`, { method: 'PUT', body: { text } });
      setDrafts((d) => ({ ...d, [subject]: undefined as unknown as string }));
      setMessage(t('Toelichting opgeslagen.'));
      reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('Opslaan lukte niet.'));
    }
  };
  const written = [...(state.data.report ? [state.data.report] : []), ...state.data.kpis];
  return (
    <section aria-labelledby="toelichting-kop">
      <h2 id="toelichting-kop" className="utrecht-heading-2">
        {t('Toelichting van de regio bij {quarter}', { quarter: periodLabel(quarter, lang) })}
      </h2>
      {written.length ? (
        <dl className="utrecht-data-list">
          {written.map((c) => (
            <div key={c.subject} className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{subjectName(c.subject)}</dt>
              <dd className="utrecht-data-list__item-value">{c.text}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="utrecht-paragraph">{t('Nog geen toelichting bij dit kwartaal.')}</p>
      )}
      {editable && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <SelectField
            id="toelichting-onderwerp"
            label={t('Toelichting bij')}
            value={subject}
            onChange={(v) => setSubject(v as 'report' | KpiId)}
            options={[
              { value: 'report', label: t('De hele rapportage') },
              ...commentKpis.map((k) => ({ value: k, label: kpiName(kpiDefinitionById.get(k)!, lang) })),
            ]}
          />
          <TextAreaField
            id="toelichting-tekst"
            label={t('Tekst van de toelichting')}
            description={t(
              'Komt in de rapportage van dit kwartaal. Geen namen of andere persoonsgegevens. Leeg maken verwijdert de toelichting.',
            )}
            value={text}
            rows={5}
            maxLength={4000}
            onChange={(v) => setDrafts((d) => ({ ...d, [subject]: v }))}
          />
          <Button type="submit" appearance="primary">
            {t('Toelichting opslaan')}
          </Button>
          <StatusMessage message={message} />
          {failure && <Alert type="error">{failure}</Alert>}
        </form>
      )}
    </section>
  );
}

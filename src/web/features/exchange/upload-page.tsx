import { can } from '../../../shared/permissions';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { ApiError } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatCount } from '../../lib/format';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { FileName, ImportStatusBadge, MessagesNav, ReasonList } from './exchange-parts';
import type { ImportResponse } from './types';
import { maxUploadBytes, uploadFiles } from './upload';

type Phase =
  | { name: 'idle' }
  | { name: 'sending'; percent: number }
  | { name: 'processing' }
  | { name: 'done'; response: ImportResponse }
  | { name: 'failed'; error: ApiError };

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/** /berichten/inlezen: upload iJw files (XML or zip) and see per file whether it was accepted. */
export function UploadPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('iJw-berichten inlezen'));
  if (!can(user, 'imports.create'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen berichten inlezen.'))} />;
  return <UploadForm />;
}

function UploadForm() {
  const { t } = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const errors = useFormErrors();
  const input = useRef<HTMLInputElement>(null);
  const busy = phase.name === 'sending' || phase.name === 'processing';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (files.length === 0) {
      errors.failWith([{ name: 'bestanden', code: 'required', reason: t('kies een of meer .xml- of .zip-bestanden') }]);
      return;
    }
    errors.clear();
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > maxUploadBytes) {
      setPhase({
        name: 'failed',
        error: new ApiError({
          type: 'about:blank',
          title: t('Te groot'),
          status: 413,
          code: 'payload-too-large',
          detail: t(
            'De bestanden zijn samen {size}; een upload mag hoogstens {max} zijn. Lees grotere sets in met de CLI.',
            { size: megabytes(total), max: megabytes(maxUploadBytes) },
          ),
        }),
      });
      return;
    }
    setPhase({ name: 'sending', percent: 0 });
    try {
      const response = await uploadFiles(files, {
        onProgress: (loaded, size) =>
          setPhase({ name: 'sending', percent: Math.min(100, Math.round((loaded / size) * 100)) }),
        onSent: () => setPhase({ name: 'processing' }),
      });
      setPhase({ name: 'done', response });
      setFiles([]);
      if (input.current) input.current.value = '';
    } catch (error) {
      setPhase({
        name: 'failed',
        error:
          error instanceof ApiError
            ? error
            : new ApiError({ type: 'about:blank', title: t('Fout'), status: 0, code: 'client', detail: String(error) }),
      });
    }
  };

  const fieldError = errors.of('bestanden');
  return (
    <>
      <MessagesNav />
      <h1 className="utrecht-heading-1">{t('iJw-berichten inlezen')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Elk bestand wordt in zijn geheel aanvaard of afgekeurd. Een afgekeurd bestand gaat met de redenen naar de quarantaine; een bestand dat al eerder is ingelezen, telt één keer.',
        )}
      </p>
      <ErrorSummary errors={errors} labels={{ bestanden: t('Bestanden (XML of zip)') }} />
      <form className="form" onSubmit={submit} noValidate>
        <div
          className={`utrecht-form-field utrecht-form-field--distanced upload-field${fieldError ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="bestanden">
              {t('Bestanden (XML of zip)')}
            </label>
          </div>
          <div id="bestanden-description" className="utrecht-form-field__description utrecht-form-field-description">
            {t('Een of meer iJw-berichten (.xml) of zip-bestanden met berichten; samen hoogstens {max}.', {
              max: megabytes(maxUploadBytes),
            })}
          </div>
          {fieldError && (
            <div id="bestanden-error" className="utrecht-form-field__error-message utrecht-form-field-error-message">
              {fieldError}
            </div>
          )}
          <div className="utrecht-form-field__input">
            <input
              ref={input}
              id="bestanden"
              name="files"
              type="file"
              multiple
              accept=".xml,.zip,application/xml,text/xml,application/zip"
              className="file-input"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? 'bestanden-description bestanden-error' : 'bestanden-description'}
              onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            />
          </div>
        </div>
        <ButtonGroup>
          {/* Not disabled while busy: a disabled button drops the keyboard focus; a second click is ignored. */}
          <Button type="submit" appearance="primary" aria-disabled={busy || undefined}>
            {t('Inlezen')}
          </Button>
        </ButtonGroup>
      </form>
      {phase.name === 'sending' && (
        <div className="upload-progress">
          <label className="utrecht-form-label" htmlFor="voortgang">
            {t('Voortgang')}
          </label>
          <progress id="voortgang" max={100} value={phase.percent}>
            {phase.percent}%
          </progress>
          <span aria-hidden="true">{phase.percent}%</span>
        </div>
      )}
      {/* Always in the page, so that what is put in it is announced: sending, processing, then the summary. */}
      <div role="status" className="status-message upload-status">
        {phase.name === 'sending' && <p className="utrecht-paragraph">{t('Bezig met verzenden…')}</p>}
        {phase.name === 'processing' && <p className="utrecht-paragraph">{t('Bezig met verwerken…')}</p>}
        {phase.name === 'done' && <ImportSummary summary={phase.response.summary} results={phase.response.results} />}
      </div>
      {phase.name === 'failed' && <Alert type="error">{phase.error.problem.detail ?? phase.error.problem.title}</Alert>}
      {phase.name === 'done' && <ImportResults response={phase.response} />}
    </>
  );
}

function ImportSummary({ summary, results }: Pick<ImportResponse, 'summary' | 'results'>) {
  const { t, lang } = useT();
  const counts = Object.fromEntries(Object.entries(summary).map(([name, n]) => [name, formatCount(n, lang)]));
  const warned = results.filter((r) => r.warnings.length > 0).length;
  return (
    <div className={`utrecht-alert utrecht-alert--${summary.rejected > 0 || warned > 0 ? 'warning' : 'ok'}`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph import-summary">
            {t('{accepted} aanvaard, {duplicate} al eerder ingelezen, {rejected} afgekeurd; {records} records', counts)}
          </p>
          {summary.rejected > 0 && (
            <p className="utrecht-paragraph">
              {t('De afgekeurde bestanden staan bovenaan de tabel, en met hun redenen in de quarantaine.')}
            </p>
          )}
          {warned > 0 && (
            <p className="utrecht-paragraph import-warnings">
              {t(
                '{count} aanvaard bestand noemt een productcode die niet in het productenboek van de regio staat; de stuurinformatie telt die zorg volgens de productcategorie en zonder perceel. Zie de waarschuwing in de tabel.|{count} aanvaarde bestanden noemen een productcode die niet in het productenboek van de regio staat; de stuurinformatie telt die zorg volgens de productcategorie en zonder perceel. Zie de waarschuwingen in de tabel.',
                { count: warned },
              )}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

function ImportResults({ response }: { response: ImportResponse }) {
  const { t, lang } = useT();
  return (
    <Table
      caption={t('Uitslag per bestand')}
      // Rejected files first, as they need attention; otherwise in the order they were read.
      rows={response.results
        .map((r, i) => ({ ...r, key: String(i) }))
        .sort((a, b) => Number(b.status === 'rejected') - Number(a.status === 'rejected'))}
      rowKey={(r) => r.key}
      empty={t('Geen bestanden ontvangen.')}
      columns={[
        { header: t('Bestand'), rowHeader: true, cell: (r) => <FileName path={r.file} /> },
        { header: t('Type'), cell: (r) => r.messageType ?? '—' },
        { header: t('Status'), cell: (r) => <ImportStatusBadge status={r.status} /> },
        { header: t('Records'), numeric: true, cell: (r) => formatCount(r.records, lang) },
        {
          header: t('Redenen'),
          cell: (r) => (
            <>
              {r.warnings.length > 0 ? (
                <ul className="utrecht-unordered-list reason-list">
                  {r.warnings.map((w, i) => (
                    <li key={i} className="utrecht-unordered-list__item">
                      <strong>{t('Waarschuwing')}</strong> ({w.rule}): {w.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <ReasonList reasons={r.reasons} />
              )}
              {r.status === 'rejected' && r.fileId && (
                <TextLink to={`/berichten/quarantaine/${r.fileId}`}>
                  {t('In de quarantaine')}
                  <span className="visually-hidden"> {t('van {name}', { name: r.file })}</span>
                </TextLink>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

import { useState, type FormEvent } from 'react';
import { ApiError, reportUnauthorized, type InvalidParam } from '../lib/api-client';
import { useT } from '../i18n';
import { Alert } from './alert';
import { Button, ButtonGroup } from './button';
import { StatusMessage } from './status-message';
import { Table } from './table';

/**
 * A refusal: with invalid parameters, that nothing was stored and each wrong cell, field or row with its reason;
 * otherwise the problem's own words.
 */
export function Refusal({ error }: { error: ApiError }) {
  const { t } = useT();
  const params: InvalidParam[] = error.problem.invalidParams ?? [];
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">
        {params.length > 0
          ? t('Er is niets opgeslagen. Dit klopt niet:')
          : (error.problem.detail ?? error.problem.title)}
      </p>
      {params.length > 0 && (
        <ul className="utrecht-unordered-list" aria-label={t('Wat niet klopt')}>
          {params.map((p) => (
            <li key={`${p.name}-${p.reason}`}>
              {p.name === 'file' || p.reason.startsWith('rij ') ? p.reason : `${p.name}: ${p.reason}`}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export interface ImportResult {
  applied: boolean;
  rows: Array<{ row: number; key: string; name: string; action: 'create' | 'update' | 'unchanged'; changes: string[] }>;
}

/** Posts the file to an import route; a refusal comes back as an ApiError, the answer as the result. */
async function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Geen verbinding', status: 0, code: 'network' });
  }
  const body = await response.json().catch(() => ({ title: response.statusText, status: response.status }));
  if (response.status === 401) reportUnauthorized();
  if (!response.ok) throw new ApiError({ code: String(response.status), type: 'about:blank', ...body });
  return body as T;
}

/**
 * Reads a spreadsheet in two steps: "Controleren" sends it as a preview (nothing stored) and shows every wrong cell or
 * what would be added and changed; only then "Inlezen" sends the same file to be stored, all or nothing.
 */
export function ImportForm({
  path,
  what,
  onApplied,
}: {
  /** The import route with its query (regionId), without `apply`. */
  path: string;
  what: string;
  onApplied?(): void;
}) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ApiError | ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (apply: boolean) => {
    if (!file) {
      setOutcome(
        new ApiError({ type: 'about:blank', title: t('Kies eerst een bestand.'), status: 400, code: 'client' }),
      );
      return;
    }
    setBusy(true);
    try {
      setOutcome(await postFile<ImportResult>(`${path}&apply=${apply}`, file));
      if (apply) onApplied?.();
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  const result = outcome instanceof ApiError ? null : outcome;
  const count = (action: string) => result?.rows.filter((r) => r.action === action).length ?? 0;
  const actionText = { create: t('toevoegen'), update: t('wijzigen'), unchanged: t('ongewijzigd') };
  return (
    <>
      <form className="form" onSubmit={check} noValidate>
        <FileField
          label={t('Bestand (XLSX)')}
          accept=".xlsx"
          onChange={(chosen) => {
            setFile(chosen);
            setOutcome(null);
          }}
        />
        <ButtonGroup>
          <Button type="submit" appearance={result && !result.applied ? 'secondary' : 'primary'} disabled={busy}>
            {t('Controleren')}
          </Button>
          {result && !result.applied && (
            <Button type="button" appearance="primary" disabled={busy} onClick={() => void send(true)}>
              {t('Inlezen')}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <StatusMessage
        message={
          result
            ? result.applied
              ? t('Ingelezen: {create} toegevoegd, {update} gewijzigd, {unchanged} ongewijzigd.', {
                  create: count('create'),
                  update: count('update'),
                  unchanged: count('unchanged'),
                })
              : t('Het bestand klopt. Er is nog niets opgeslagen: kies Inlezen om dit vast te leggen.')
            : null
        }
      />
      {outcome instanceof ApiError && <Refusal error={outcome} />}
      {result && (
        <Table
          caption={
            result.applied ? t('Ingelezen {what}', { what }) : t('Voorbeeld: wat het inlezen met {what} doet', { what })
          }
          rows={result.rows}
          rowKey={(r) => String(r.row)}
          columns={[
            { header: t('Rij'), numeric: true, cell: (r) => r.row },
            { header: t('Sleutel'), rowHeader: true, cell: (r) => r.key },
            { header: t('Naam'), cell: (r) => r.name },
            { header: t('Wat gebeurt er'), cell: (r) => actionText[r.action] },
            { header: t('Wijzigt'), cell: (r) => r.changes.join(', ') },
          ]}
        />
      )}
    </>
  );
}

/** The chooser of one file, labelled (the page has one: its id is "bestand"). */
export function FileField({
  label,
  accept,
  onChange,
}: {
  label: string;
  accept: string;
  onChange(file: File | null): void;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--distanced">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor="bestand">
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <input
          id="bestand"
          name="file"
          type="file"
          accept={accept}
          className="file-input"
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      </div>
    </div>
  );
}

/**
 * Reads a file in one step, all or nothing (XLSX or CSV): the answer is stored at once, or every wrong row or cell is
 * listed and nothing is. `done` words what was stored.
 */
export function UploadForm<T>({ path, done, onSaved }: { path: string; done(result: T): string; onSaved(): void }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ApiError | { result: T } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setOutcome(
        new ApiError({ type: 'about:blank', title: t('Kies eerst een bestand.'), status: 400, code: 'client' }),
      );
      return;
    }
    try {
      setOutcome({ result: await postFile<T>(path, file) });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    }
  };
  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <FileField label={t('Bestand (XLSX of CSV)')} accept=".xlsx,.csv" onChange={setFile} />
        <ButtonGroup>
          <Button type="submit" appearance="primary">
            {t('Inlezen')}
          </Button>
        </ButtonGroup>
      </form>
      <div role="status">
        {outcome && !(outcome instanceof ApiError) && <p className="utrecht-paragraph">{done(outcome.result)}</p>}
      </div>
      {outcome instanceof ApiError && <Refusal error={outcome} />}
    </>
  );
}

/** Links to a list's download in both formats. */
export function DownloadLinks({ href, label }: { href(format: 'csv' | 'xlsx'): string; label: string }) {
  const { t } = useT();
  return (
    <ul className="plain-list dashboard-downloads">
      <li>
        <a className="utrecht-link utrecht-link--html-a" href={href('xlsx')} download>
          {t('{label} (Excel)', { label })}
        </a>
      </li>
      <li>
        <a className="utrecht-link utrecht-link--html-a" href={href('csv')} download>
          {t('{label} (CSV)', { label })}
        </a>
      </li>
    </ul>
  );
}

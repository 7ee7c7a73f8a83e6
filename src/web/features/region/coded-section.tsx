import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { StatusMessage } from '../../components/status-message';
import { Table, type Column } from '../../components/table';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useRegionRefresh } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import { useT, type Msg } from '../../i18n';

export interface FieldSpec {
  /** The API's field name; the input's id is `${prefix}-${name}`. */
  name: string;
  label: Msg;
  description?: Msg;
  numeric?: boolean;
}

/**
 * One part of the region's frame (municipalities, lots, budget lines): a table and, for editors, a small
 * add form. After adding, the region is read again so every page sees the new row, a status message is
 * announced and focus returns to the first field for the next entry.
 */
export function CodedSection<T extends { id: string }>({
  prefix,
  regionId,
  path,
  title,
  addTitle,
  rows,
  columns,
  fields,
  editable,
  emptyText,
  describe,
}: {
  prefix: string;
  regionId: string;
  /** The collection under /regions/{id}/…, such as "lots". */
  path: string;
  title: Msg;
  addTitle: Msg;
  rows: T[];
  columns: Column<T>[];
  fields: FieldSpec[];
  editable: boolean;
  emptyText: Msg;
  /** How the status message names a new row: "AMB2 – Ambulant 2". */
  describe(row: T): string;
}) {
  const { t } = useT();
  const refresh = useRegionRefresh();
  const errors = useFormErrors(prefix);
  const blank = () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<string, string>;
  const [draft, setDraft] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const labels = translateLabels(Object.fromEntries(fields.map((f) => [f.name, f.label])), t, prefix);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = Object.fromEntries(fields.map((f) => [f.name, (draft[f.name] ?? '').trim()]));
      const created = await api<T>(`/regions/${regionId}/${path}`, { method: 'POST', body });
      await refresh();
      errors.clear();
      setDraft(blank());
      setMessage(t('{name} is toegevoegd.', { name: describe(created) }));
      document.getElementById(`${prefix}-${fields[0]?.name}`)?.focus();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="region-section" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="utrecht-heading-2">
        {t(title)}
      </h2>
      <Table caption={t(title)} captionHidden rows={rows} rowKey={(r) => r.id} empty={t(emptyText)} columns={columns} />
      {editable && (
        <>
          <h3 id={`${prefix}-add-heading`} className="utrecht-heading-3">
            {t(addTitle)}
          </h3>
          <StatusMessage message={message} />
          <ErrorSummary errors={errors} labels={labels} level={4} />
          <form className="inline-form" aria-labelledby={`${prefix}-add-heading`} onSubmit={submit} noValidate>
            {fields.map((f) => (
              <TextField
                key={f.name}
                id={`${prefix}-${f.name}`}
                label={t(f.label)}
                description={f.description ? t(f.description) : undefined}
                inputMode={f.numeric ? 'numeric' : undefined}
                autoComplete="off"
                value={draft[f.name] ?? ''}
                onChange={(value) => setDraft((d) => ({ ...d, [f.name]: value }))}
                error={errors.of(f.name)}
              />
            ))}
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('Toevoegen')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

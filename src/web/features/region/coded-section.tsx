import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxField, TextField } from '../../components/form-fields';
import { StatusMessage } from '../../components/status-message';
import { Table, type Column } from '../../components/table';
import { api, ApiError } from '../../lib/api-client';
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
  /** A list of codes typed with commas or spaces between them ("40, 45"), sent as an array. */
  list?: boolean;
  /** Also offered when a row is edited (its code never is). */
  editable?: boolean;
}

/** A field's typed text as the API takes it. */
function valueOf(field: FieldSpec, text: string): string | string[] {
  return field.list
    ? text
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : text.trim();
}

/**
 * One part of the region's frame (municipalities, lots, budget lines): a table and, for editors, a small
 * add form, and per row a change of name (and other editable fields) and retiring or restoring. After a change the
 * region is read again so every page sees it, a status message is announced and focus goes where the work goes on.
 */
export function CodedSection<T extends { id: string; name: string; retired?: boolean }>({
  prefix,
  regionId,
  path,
  itemPath,
  title,
  addTitle,
  rows,
  columns,
  fields,
  editable,
  emptyText,
  describe,
  confirm,
  complete,
  hint,
}: {
  prefix: string;
  regionId: string;
  /** The collection under /regions/{id}/…, such as "lots". */
  path: string;
  /** Where one row is changed: /{itemPath}/{id}, such as "lots". */
  itemPath: string;
  title: Msg;
  addTitle: Msg;
  rows: T[];
  columns: Column<T>[];
  fields: FieldSpec[];
  editable: boolean;
  emptyText: Msg;
  /** How the status message names a new row: "AMB2 – Ambulant 2". */
  describe(row: T): string;
  /**
   * A refusal the user may overrule: the problem's rule (`code` of its invalid parameter), the body field that
   * overrules it, and the label of the checkbox that is offered once the refusal came.
   */
  confirm?: { code: string; field: string; label: Msg };
  /** Completes the add form's draft as a field is typed (the official name of a code); returns the new draft. */
  complete?(draft: Record<string, string>, changed: string, before: Record<string, string>): Record<string, string>;
  /** What is known of the add form's draft, announced under it ("Op de CBS-lijst 2026: Utrecht"). */
  hint?(draft: Record<string, string>): string | null;
}) {
  const { t } = useT();
  const refresh = useRegionRefresh();
  const errors = useFormErrors(prefix);
  const blank = () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<string, string>;
  const [draft, setDraft] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ row: T; draft: Record<string, string> } | null>(null);
  /** null: no overrule offered; false: offered (the refusal came); true: the user overrules it. */
  const [overrule, setOverrule] = useState<boolean | null>(null);
  const labels = translateLabels(Object.fromEntries(fields.map((f) => [f.name, f.label])), t, prefix);
  const editErrors = useFormErrors(`${prefix}-wijzig`);
  const editFields = fields.filter((f) => f.editable);
  const editLabels = translateLabels(
    Object.fromEntries(editFields.map((f) => [f.name, f.label])),
    t,
    `${prefix}-wijzig`,
  );

  async function change(row: T, body: Record<string, unknown>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      await api<T>(`/${itemPath}/${row.id}`, { method: 'PATCH', body });
      await refresh();
      editErrors.clear();
      setEditing(null);
      setMessage(done);
    } catch (error) {
      editErrors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  function startEditing(row: T) {
    const values = row as unknown as Record<string, unknown>;
    setEditing({
      row,
      draft: Object.fromEntries(
        editFields.map((f) => {
          const value = values[f.name];
          return [f.name, Array.isArray(value) ? value.join(', ') : String(value ?? '')];
        }),
      ),
    });
    editErrors.clear();
    setTimeout(() => document.getElementById(`${prefix}-wijzig-${editFields[0]?.name}`)?.focus(), 0);
  }

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const body = Object.fromEntries(editFields.map((f) => [f.name, valueOf(f, editing.draft[f.name] ?? '')]));
    await change(editing.row, body, t('{name} is gewijzigd.', { name: describe(editing.row) }));
  }

  const shownColumns: Column<T>[] = [
    ...columns,
    {
      header: t('Status'),
      cell: (row) =>
        row.retired ? (
          <span className="utrecht-status-badge utrecht-status-badge--neutral">{t('Opgeheven')}</span>
        ) : (
          t('In gebruik')
        ),
    },
    ...(editable
      ? [
          {
            header: t('Wijzigen'),
            cell: (row: T) => (
              <span className="row-actions">
                <Button type="button" appearance="subtle" disabled={busy} onClick={() => startEditing(row)}>
                  {t('Wijzigen')}
                  <span className="visually-hidden"> {describe(row)}</span>
                </Button>
                <Button
                  type="button"
                  appearance="subtle"
                  disabled={busy}
                  onClick={() =>
                    void change(
                      row,
                      { retired: !row.retired },
                      row.retired
                        ? t('{name} is weer in gebruik.', { name: describe(row) })
                        : t('{name} is opgeheven: het blijft in de historie en verdwijnt uit keuzelijsten.', {
                            name: describe(row),
                          }),
                    )
                  }
                >
                  {row.retired ? t('Weer in gebruik nemen') : t('Opheffen')}
                  <span className="visually-hidden"> {describe(row)}</span>
                </Button>
              </span>
            ),
          },
        ]
      : []),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body: Record<string, unknown> = Object.fromEntries(
        fields.map((f) => [f.name, valueOf(f, draft[f.name] ?? '')]),
      );
      if (confirm && overrule) body[confirm.field] = true;
      const created = await api<T>(`/regions/${regionId}/${path}`, { method: 'POST', body });
      await refresh();
      errors.clear();
      setDraft(blank());
      setOverrule(null);
      setMessage(t('{name} is toegevoegd.', { name: describe(created) }));
      document.getElementById(`${prefix}-${fields[0]?.name}`)?.focus();
    } catch (error) {
      errors.fail(error);
      if (confirm && error instanceof ApiError && error.invalidParams.some((p) => p.code === confirm.code))
        setOverrule((o) => o ?? false);
    } finally {
      setBusy(false);
    }
  }
  const hintText = hint?.(draft) ?? null;

  return (
    <section className="region-section" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="utrecht-heading-2">
        {t(title)}
      </h2>
      <Table
        caption={t(title)}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={t(emptyText)}
        columns={shownColumns}
      />
      {editable && !editing && <StatusMessage message={message} />}
      {editable && editing && (
        <>
          <h3 id={`${prefix}-edit-heading`} className="utrecht-heading-3">
            {t('{name} wijzigen', { name: describe(editing.row) })}
          </h3>
          <ErrorSummary errors={editErrors} labels={editLabels} level={4} />
          <form className="inline-form" aria-labelledby={`${prefix}-edit-heading`} onSubmit={saveEdit} noValidate>
            {editFields.map((f) => (
              <TextField
                key={f.name}
                id={`${prefix}-wijzig-${f.name}`}
                label={t(f.label)}
                description={f.description ? t(f.description) : undefined}
                autoComplete="off"
                value={editing.draft[f.name] ?? ''}
                onChange={(value) => setEditing((e) => (e ? { ...e, draft: { ...e.draft, [f.name]: value } } : e))}
                error={editErrors.of(f.name)}
              />
            ))}
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('Opslaan')}
            </Button>
            <Button type="button" appearance="secondary" onClick={() => setEditing(null)}>
              {t('Annuleren')}
            </Button>
          </form>
        </>
      )}
      {editable && (
        <>
          <h3 id={`${prefix}-add-heading`} className="utrecht-heading-3">
            {t(addTitle)}
          </h3>
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
                onChange={(value) =>
                  setDraft((d) =>
                    complete ? complete({ ...d, [f.name]: value }, f.name, d) : { ...d, [f.name]: value },
                  )
                }
                error={errors.of(f.name)}
              />
            ))}
            {confirm && overrule !== null && (
              <CheckboxField
                id={`${prefix}-${confirm.field}`}
                label={t(confirm.label)}
                checked={overrule}
                onChange={setOverrule}
              />
            )}
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('Toevoegen')}
            </Button>
          </form>
          <p className="utrecht-paragraph" aria-live="polite">
            {hintText}
          </p>
        </>
      )}
    </section>
  );
}

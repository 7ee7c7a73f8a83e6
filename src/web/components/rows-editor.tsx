import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Button } from './button';
import { Fieldset } from './form-fields';

export interface Row {
  key: string;
}

/**
 * An editable list of rows (locations, extensions, tariffs). Each row is a fieldset named after its
 * position; adding a row focuses its first field and removing one returns focus to the add button,
 * so keyboard users never lose their place.
 */
export function RowsEditor<T extends Row>({
  id,
  legend,
  rows,
  onChange,
  newRow,
  itemLegend,
  removeLabel,
  addLabel,
  emptyText,
  error,
  firstField,
  children,
}: {
  id: string;
  legend: string;
  rows: T[];
  onChange(rows: T[]): void;
  newRow(): T;
  itemLegend(n: number): string;
  removeLabel(n: number): string;
  addLabel: string;
  emptyText: string;
  error?: string | undefined;
  /** The field name focused after adding a row: `${id}.${index}.${firstField}`. */
  firstField: string;
  children(row: T, index: number, update: (patch: Partial<T>) => void): ReactNode;
}) {
  const { t } = useT();
  const update = (index: number) => (patch: Partial<T>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
  };
  const add = () => {
    onChange([...rows, newRow()]);
    requestAnimationFrame(() => document.getElementById(`${id}.${rows.length}.${firstField}`)?.focus());
  };
  return (
    <Fieldset id={id} legend={legend} error={error}>
      {rows.length === 0 && <p className="utrecht-paragraph">{emptyText}</p>}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={itemLegend(i + 1)} className="row-fieldset">
          <div className="row-fields">
            {children(row, i, update(i))}
            <Button appearance="subtle" className="row-remove" onClick={() => remove(i)}>
              {t('Verwijderen')}
              <span className="visually-hidden"> {removeLabel(i + 1)}</span>
            </Button>
          </div>
        </Fieldset>
      ))}
      <Button id={`${id}-add`} appearance="secondary" onClick={add}>
        {addLabel}
      </Button>
    </Fieldset>
  );
}

/** A visible label plus words only screen readers hear: "Naam" reads as "Naam van locatie 2". */
export function RowLabel({ text, suffix }: { text: string; suffix: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> {suffix}</span>
    </>
  );
}

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
 * so keyboard users never lose their place. With `movable`, each row has "Omhoog"/"Omlaag" buttons (no dragging);
 * the pressed button keeps focus in the row's new place, and its hidden label names the new position. With `maxRows`,
 * the add button gives way to `fullText` once the list is full.
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
  movable = false,
  maxRows,
  fullText,
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
  movable?: boolean;
  maxRows?: number;
  fullText?: string;
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
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const next = [...rows];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
    // The same button in the row's new place, or the other one when the row reached the top or the bottom.
    const edge = to === 0 || to === rows.length - 1;
    const side = (by === -1) !== edge ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`${id}.${to}-${side}`)?.focus());
  };
  const full = maxRows !== undefined && rows.length >= maxRows;
  return (
    <Fieldset id={id} legend={legend} error={error}>
      {rows.length === 0 && <p className="utrecht-paragraph">{emptyText}</p>}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={itemLegend(i + 1)} className="row-fieldset">
          <div className="row-fields">
            {children(row, i, update(i))}
            {movable && i > 0 && (
              <Button id={`${id}.${i}-up`} appearance="subtle" className="row-move" onClick={() => move(i, -1)}>
                {t('Omhoog')}
                <span className="visually-hidden"> {removeLabel(i + 1)}</span>
              </Button>
            )}
            {movable && i < rows.length - 1 && (
              <Button id={`${id}.${i}-down`} appearance="subtle" className="row-move" onClick={() => move(i, 1)}>
                {t('Omlaag')}
                <span className="visually-hidden"> {removeLabel(i + 1)}</span>
              </Button>
            )}
            <Button appearance="subtle" className="row-remove" onClick={() => remove(i)}>
              {t('Verwijderen')}
              <span className="visually-hidden"> {removeLabel(i + 1)}</span>
            </Button>
          </div>
        </Fieldset>
      ))}
      {full ? (
        <p className="utrecht-paragraph">{fullText}</p>
      ) : (
        <Button id={`${id}-add`} appearance="secondary" onClick={add}>
          {addLabel}
        </Button>
      )}
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

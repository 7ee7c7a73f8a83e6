import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  numeric?: boolean;
  /** The cell that names the row becomes <th scope="row">. */
  rowHeader?: boolean;
}

/**
 * A data table with a caption, <th scope> headers and a keyboard-scrollable container for narrow screens.
 */
export function Table<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  busy,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  empty?: ReactNode;
  footer?: ReactNode;
  /** The rows are the previous ones while new ones load (aria-busy). */
  busy?: boolean;
  /** When a heading right above already says what the table holds, the caption is for screen readers only. */
  captionHidden?: boolean;
}) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--distanced" aria-busy={busy || undefined}>
        <caption id={captionId} className={cx('utrecht-table__caption', captionHidden && 'visually-hidden')}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column, i) => (
              <th
                key={i}
                scope="col"
                className={cx(
                  'utrecht-table__header-cell',
                  column.numeric && 'utrecht-table__header-cell--numeric-column',
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.length === 0 && (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((column, i) => {
                const className = cx('utrecht-table__cell', column.numeric && 'utrecht-table__cell--numeric-data');
                return column.rowHeader ? (
                  <th key={i} scope="row" className={cx(className, 'utrecht-table__header-cell--row')}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
    </div>
  );
}

export function DataList({ items }: { items: Array<[ReactNode, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([key, value], i) => (
        <div key={i} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

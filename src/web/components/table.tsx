import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n';
import { cx } from './cx';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  numeric?: boolean;
  /** The cell that names the row becomes <th scope="row">. */
  rowHeader?: boolean;
  /** A paged list sorted by the server: the API's sort key of this column (the table's `sort` gives the links). */
  sortKey?: string;
  /** A list that is all on the page: the value this column sorts by, in the browser. */
  sortValue?(row: T): string | number | null;
}

/**
 * How a paged list is sorted: the current `sort` ("startDate", "-startDate" or "") and the address of the list sorted
 * by a key (useFilters' sortHref). The header becomes a link, so sorting is a bookmarkable page like paging is.
 */
export interface ServerSort {
  current: string;
  hrefFor(key: string): string;
}

type Direction = 'ascending' | 'descending';

/** Sorts rows by a column's value in the browser: empty values last either way, text in Dutch order. */
export function sortRows<T>(rows: T[], value: (row: T) => string | number | null, direction: Direction): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'nl', { numeric: true });
    return sign * order;
  });
}

/** The header of a sortable column: a link (server) or a button (browser), with the order it gives said aloud. */
function SortControl({
  header,
  direction,
  href,
  onSort,
}: {
  header: ReactNode;
  direction: Direction | null;
  href?: string;
  onSort?(): void;
}) {
  const { t } = useT();
  const next = direction === 'ascending' ? t('sorteer aflopend') : t('sorteer oplopend');
  const content = (
    <>
      {header}
      <span className="table-sort__icon" aria-hidden="true">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
      </span>
      <span className="visually-hidden">, {next}</span>
    </>
  );
  return href !== undefined ? (
    <Link className="table-sort utrecht-link" to={href}>
      {content}
    </Link>
  ) : (
    <button type="button" className="table-sort" onClick={onSort}>
      {content}
    </button>
  );
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
  sort,
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
  /** A paged list sorted by the server; without it, columns with a sortValue sort in the browser. */
  sort?: ServerSort;
}) {
  const captionId = useId();
  const [local, setLocal] = useState<{ column: number; direction: Direction } | null>(null);
  const localColumn = local && !sort ? columns[local.column] : undefined;
  const shown = localColumn?.sortValue ? sortRows(rows, localColumn.sortValue, local!.direction) : rows;
  const directionOf = (column: Column<T>, i: number): Direction | null => {
    if (sort && column.sortKey) {
      if (sort.current === column.sortKey) return 'ascending';
      if (sort.current === `-${column.sortKey}`) return 'descending';
      return null;
    }
    return local?.column === i ? local.direction : null;
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--distanced" aria-busy={busy || undefined}>
        <caption id={captionId} className={cx('utrecht-table__caption', captionHidden && 'visually-hidden')}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column, i) => {
              const direction = directionOf(column, i);
              const sortable = sort ? column.sortKey !== undefined : column.sortValue !== undefined;
              return (
                <th
                  key={i}
                  scope="col"
                  aria-sort={direction ?? undefined}
                  className={cx(
                    'utrecht-table__header-cell',
                    column.numeric && 'utrecht-table__header-cell--numeric-column',
                  )}
                >
                  {!sortable ? (
                    column.header
                  ) : sort ? (
                    <SortControl header={column.header} direction={direction} href={sort.hrefFor(column.sortKey!)} />
                  ) : (
                    <SortControl
                      header={column.header}
                      direction={direction}
                      onSort={() =>
                        setLocal({ column: i, direction: direction === 'ascending' ? 'descending' : 'ascending' })
                      }
                    />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {shown.length === 0 && (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          )}
          {shown.map((row) => (
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

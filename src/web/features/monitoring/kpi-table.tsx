import { TextLink } from '../../components/button';
import { Table, type Column } from '../../components/table';
import { useT } from '../../i18n';
import { formatKpiValue } from '../../../shared/kpi-charts';
import type { KpiCell, KpiGroupBy, KpiResult } from '../../../shared/kpi';
import { groupLabels } from './dashboard-controls';
import { KpiChange, KpiTarget, KpiValue, locale } from './kpi-figures';

/**
 * The figures behind a KPI's chart: one row per group with value, previous period, change, target and the youths
 * behind it, the total in the footer. A row's name leads one level deeper in the drill-down where there is one.
 */
export function KpiTable({
  result,
  groupBy,
  threshold,
  caption,
  drillHref,
  provisional = false,
}: {
  /** The period or the one before it is provisional: no change is shown as if final. */
  provisional?: boolean;
  result: KpiResult;
  groupBy: KpiGroupBy;
  threshold: number;
  caption: string;
  drillHref(row: KpiCell): string | null;
}) {
  const { t, lang } = useT();
  const unit = result.kpi.unit;
  const withBudget = [result.total, ...result.rows].some((c) => c.budget !== undefined && c.budget !== null);
  const columns: Array<Column<KpiCell> & { total(cell: KpiCell): React.ReactNode }> = [
    {
      header: t(groupLabels[groupBy]),
      rowHeader: true,
      cell: (row) => {
        const href = drillHref(row);
        return href ? <TextLink to={href}>{row.label}</TextLink> : row.label;
      },
      total: () => t('Totaal'),
    },
    {
      header: t('Waarde'),
      numeric: true,
      cell: (row) => <KpiValue cell={row} unit={unit} threshold={threshold} />,
      total: (c) => <KpiValue cell={c} unit={unit} threshold={threshold} />,
    },
    {
      header: t('Vorige periode'),
      numeric: true,
      cell: (row) => <KpiValue cell={row} unit={unit} threshold={threshold} which="previous" />,
      total: (c) => <KpiValue cell={c} unit={unit} threshold={threshold} which="previous" />,
    },
    {
      header: t('Verschil'),
      numeric: true,
      cell: (row) => <KpiChange cell={row} unit={unit} direction={result.kpi.direction} provisional={provisional} />,
      total: (c) => <KpiChange cell={c} unit={unit} direction={result.kpi.direction} provisional={provisional} />,
    },
    {
      header: t('Doel'),
      cell: (row) => <KpiTarget cell={row} unit={unit} />,
      total: (c) => <KpiTarget cell={c} unit={unit} />,
    },
    {
      header: t('Jeugdigen'),
      numeric: true,
      cell: (row) => <KpiValue cell={row} unit={unit} threshold={threshold} which="youths" />,
      total: (c) => <KpiValue cell={c} unit={unit} threshold={threshold} which="youths" />,
    },
  ];
  if (withBudget) {
    const budget = (c: KpiCell) =>
      c.budget === undefined || c.budget === null ? '–' : formatKpiValue(c.budget, 'euro', locale(lang));
    columns.splice(3, 0, { header: t('Budget'), numeric: true, cell: budget, total: budget });
  }
  const footer = (
    <tfoot className="utrecht-table__footer">
      <tr className="utrecht-table__row">
        {columns.map((column, i) =>
          i === 0 ? (
            <th key={i} scope="row" className="utrecht-table__header-cell">
              {column.total(result.total)}
            </th>
          ) : (
            <td key={i} className={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}>
              {column.total(result.total)}
            </td>
          ),
        )}
      </tr>
    </tfoot>
  );
  // Grouped by region there is one figure: the total is the table's only row.
  const single = groupBy === 'region';
  const rows = single ? [{ ...result.total, label: t('Totaal') }] : result.rows;
  return (
    <div className="kpi-table">
      <Table
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('Geen cijfers voor deze keuze.')}
        footer={single ? undefined : footer}
      />
    </div>
  );
}

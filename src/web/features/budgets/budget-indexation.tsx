import { useState } from 'react';
import { SelectField, TextField } from '../../components/form-fields';
import {
  clientRefusal,
  PreviewApplyButtons,
  PreviewApplyStatus,
  usePreviewApply,
} from '../../components/preview-apply';
import { Table } from '../../components/table';
import { formatEuro, parseAmount } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useT } from '../../i18n';

interface IndexationRow {
  municipalityId: string;
  municipalityName: string;
  budgetLineId: string;
  budgetLineName: string;
  percent: number;
  fromAmount: number;
  amount: number;
  existing: number | null;
  action: 'create' | 'keep';
}
interface IndexationResult {
  fromYear: number;
  toYear: number;
  applied: boolean;
  created: number;
  rows: IndexationRow[];
}

const percentText = (p: number) => `${String(p).replace('.', ',')} %`;

/**
 * A year's budgets from another year's: an overall percentage, optionally one per line, a preview of every cell
 * (nothing stored), and "Overnemen" to store what the preview showed. Cells the new year has keep their amount.
 */
export function BudgetIndexation({ years, onApplied }: { years: number[]; onApplied(toYear: number): void }) {
  const { t } = useT();
  const region = useRegion();
  const current = new Date().getFullYear();
  const [fromYear, setFromYear] = useState(String(current));
  const [toYear, setToYear] = useState(String(current + 1));
  const [percent, setPercent] = useState('');
  const [linePercents, setLinePercents] = useState<Record<string, string>>({});
  const lines = region?.budgetLines ?? [];
  const request = () => {
    const bad = clientRefusal;
    const overall = parseAmount(percent);
    if (overall === null || Number.isNaN(overall)) return bad(t('Vul een percentage in, zoals 2,5.'));
    const perLine = [];
    for (const line of lines) {
      const text = linePercents[line.id] ?? '';
      if (text.trim() === '') continue;
      const value = parseAmount(text);
      if (value === null || Number.isNaN(value))
        return bad(t('Het percentage voor {line} is geen getal.', { line: line.name }));
      perLine.push({ budgetLineId: line.id, percent: value });
    }
    return {
      regionId: region!.id,
      fromYear: Number(fromYear),
      toYear: Number(toYear),
      percent: overall,
      linePercents: perLine,
    };
  };
  const { outcome, result, send, onSubmit } = usePreviewApply<IndexationResult>({
    previewPath: '/budget-indexation-previews',
    applyPath: '/budget-indexations',
    body: request,
    onApplied: (r) => onApplied(r.toYear),
  });
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const sum = (pick: (r: IndexationRow) => number) => result?.rows.reduce((s, r) => s + pick(r), 0) ?? 0;
  return (
    <section aria-labelledby="nieuw-jaar">
      <h2 id="nieuw-jaar" className="utrecht-heading-2">
        {t('Nieuw jaar uit een vorig jaar')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Neem de budgetten van een jaar over met een indexatie, afgerond op hele centen. U ziet eerst een voorbeeld; pas met Overnemen worden ze vastgelegd. Een budget dat het nieuwe jaar al heeft blijft staan.',
        )}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="van-jaar"
          label={t('Van jaar')}
          value={fromYear}
          options={yearOptions}
          onChange={setFromYear}
        />
        <SelectField id="naar-jaar" label={t('Naar jaar')} value={toYear} options={yearOptions} onChange={setToYear} />
        <TextField
          id="indexatie"
          label={t('Indexatie in procenten')}
          description={t('Voor elke post zonder eigen percentage, zoals 2,5 of -1.')}
          inputMode="decimal"
          value={percent}
          onChange={setPercent}
        />
        {lines.map((line) => (
          <TextField
            key={line.id}
            id={`indexatie-${line.code}`}
            label={t('Eigen percentage voor {line}', { line: line.name })}
            description={t('Leeg: het percentage hierboven.')}
            inputMode="decimal"
            value={linePercents[line.id] ?? ''}
            onChange={(v) => setLinePercents((p) => ({ ...p, [line.id]: v }))}
          />
        ))}
        <PreviewApplyButtons result={result} acceptLabel={t('Overnemen')} send={send} />
      </form>
      <PreviewApplyStatus
        outcome={outcome}
        applied={(r) => t('{count} budgetten voor {year} vastgelegd.', { count: r.created, year: r.toYear })}
      />
      {result && (
        <Table
          caption={t('Budget {to} uit {from}', { to: result.toYear, from: result.fromYear })}
          rows={result.rows}
          rowKey={(r) => `${r.municipalityId}-${r.budgetLineId}`}
          columns={[
            { header: t('Gemeente'), rowHeader: true, cell: (r) => r.municipalityName },
            { header: t('Begrotingspost'), cell: (r) => r.budgetLineName },
            { header: String(result.fromYear), numeric: true, cell: (r) => formatEuro(r.fromAmount) },
            { header: t('Indexatie'), numeric: true, cell: (r) => percentText(r.percent) },
            { header: String(result.toYear), numeric: true, cell: (r) => formatEuro(r.amount) },
            {
              header: t('Wat gebeurt er'),
              cell: (r) =>
                r.action === 'create'
                  ? t('nieuw')
                  : t('blijft {amount} (staat er al)', { amount: formatEuro(r.existing) }),
            },
          ]}
          footer={
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell" colSpan={2}>
                  {t('Totaal')}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {formatEuro(sum((r) => r.fromAmount))}
                </td>
                <td className="utrecht-table__cell" />
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {formatEuro(sum((r) => r.amount))}
                </td>
                <td className="utrecht-table__cell" />
              </tr>
            </tfoot>
          }
        />
      )}
    </section>
  );
}

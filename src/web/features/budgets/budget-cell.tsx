import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { api, ApiError } from '../../lib/api-client';
import { amountToInput, formatEuro, parseAmount } from '../../lib/format';
import type { Budget } from '../../lib/types';
import { useT } from '../../i18n';

export interface CellAddress {
  municipalityId: string;
  municipalityName: string;
  budgetLineId: string;
  budgetLineName: string;
  year: number;
}

export const cellButtonId = (c: { municipalityId: string; budgetLineId: string }) =>
  `budget-${c.municipalityId}-${c.budgetLineId}`;

/**
 * One amount in the matrix. Editors open it in place; saving PATCHes an existing budget or POSTs a new one
 * for an empty cell, and focus returns to the cell's button afterwards.
 */
export function BudgetCell({
  cell,
  budget,
  editable,
  onSaved,
}: {
  cell: CellAddress;
  budget: Budget | undefined;
  editable: boolean;
  onSaved(): void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = cellButtonId(cell);
  const where = `${cell.municipalityName}, ${cell.budgetLineName}`;
  const refocus = () => requestAnimationFrame(() => document.getElementById(id)?.focus());

  if (!editing) {
    const amount = budget ? formatEuro(budget.amount, { whole: true }) : '—';
    if (!editable) return <>{amount}</>;
    return (
      <button
        id={id}
        type="button"
        className="cell-edit"
        onClick={() => {
          setValue(amountToInput(budget?.amount));
          setError(null);
          setEditing(true);
        }}
      >
        {amount}
        <span className="visually-hidden">
          {budget ? t(', wijzig budget {where}', { where }) : t(', budget {where} invullen', { where })}
        </span>
      </button>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const amount = parseAmount(value);
    if (amount === null || Number.isNaN(amount)) {
      setError(t('moet een bedrag zijn, zoals 250000 of 250.000,00'));
      return;
    }
    setBusy(true);
    try {
      if (budget) await api<Budget>(`/budgets/${budget.id}`, { method: 'PATCH', body: { amount } });
      else
        await api<Budget>('/budgets', {
          method: 'POST',
          body: { municipalityId: cell.municipalityId, budgetLineId: cell.budgetLineId, year: cell.year, amount },
        });
      setEditing(false);
      onSaved();
      refocus();
    } catch (e) {
      const reason = e instanceof ApiError ? e.invalidParams.map((p) => p.reason).join(' ') || e.message : String(e);
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cell-form" onSubmit={save} noValidate>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t('Bedrag in euro voor {where}', { where })}
      </label>
      <input
        id={`${id}-input`}
        className={`utrecht-textbox utrecht-textbox--html-input cell-input${error ? ' utrecht-textbox--invalid' : ''}`}
        inputMode="decimal"
        autoComplete="off"
        // The user just asked to edit this amount, so the field takes focus at once.
        autoFocus
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-input-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setEditing(false);
            refocus();
          }
        }}
      />
      {error && (
        <div id={`${id}-input-error`} role="alert" className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <span className="cell-form__actions">
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Opslaan')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setEditing(false);
            refocus();
          }}
        >
          {t('Annuleren')}
        </Button>
      </span>
    </form>
  );
}

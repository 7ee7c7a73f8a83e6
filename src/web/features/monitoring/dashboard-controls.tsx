import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { SelectField } from '../../components/form-fields';
import { useT, type Lang, type Msg } from '../../i18n';
import { kpiGroupLabels, kpiGroupings, type KpiGroupBy } from '../../../shared/kpi';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure';
import { useUser } from '../../lib/auth';
import { listPeriods, parsePeriod, publishedPeriod, type DashboardState, type PeriodKind } from './dashboard-state';
import type { KpiPeriods } from './monitoring-api';

export const groupLabels: Record<KpiGroupBy, Msg> = kpiGroupLabels;

const kindLabels: Record<PeriodKind | 'interval', Msg> = {
  year: 'Jaar',
  quarter: 'Kwartaal',
  month: 'Maand',
  interval: 'Vrije periode',
};

/** "2025", "3e kwartaal 2025" / "Q3 2025", "juli 2025", or "1 januari 2025 – 30 juni 2025". */
export function periodLabel(label: string, lang: Lang): string {
  const period = parsePeriod(label);
  if (!period) return label;
  const loc = lang === 'en' ? 'en-GB' : 'nl-NL';
  const date = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(loc, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return lang === 'en' ? `Q${period.part} ${period.year}` : `${period.part}e kwartaal ${period.year}`;
    case 'month':
      return date(period.from, { month: 'long', year: 'numeric' });
    default:
      return `${date(period.from, { day: 'numeric', month: 'long', year: 'numeric' })} – ${date(period.to, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  }
}

/**
 * The period picker (kind, then the period itself, built from the data's range) and, on a KPI's page, "Indelen
 * naar". Changes apply on "Tonen", never while choosing, so a keyboard or screen-reader user is not surprised by a
 * page that changes under them.
 */
export function DashboardControls({
  state,
  periods,
  onApply,
  groupBy,
  groupings,
}: {
  state: DashboardState;
  periods: KpiPeriods;
  onApply(next: DashboardState): void;
  /** Shown (with "Indelen naar") only on a KPI's page. */
  groupBy?: KpiGroupBy;
  groupings?: readonly KpiGroupBy[];
}) {
  const { t, lang } = useT();
  // A free interval only for a role that gets exact figures; the others get calendar periods (docs/kpi.md), and an
  // interval in the address (shared by a colleague who may) becomes the calendar period that holds it.
  const disclosure = kpiDisclosureFor(useUser().role);
  const current = publishedPeriod(state.period || periods.defaultPeriod, disclosure).period;
  const parsed = parsePeriod(current);
  const [kind, setKind] = useState<PeriodKind | 'interval'>(parsed?.kind ?? 'quarter');
  const [period, setPeriod] = useState(current);
  const [grouping, setGrouping] = useState<KpiGroupBy | undefined>(groupBy);

  // Without data yet, the picker offers the default period's year.
  const first = periods.first ?? `${periods.defaultPeriod.slice(0, 4)}-01-01`;
  const last = periods.last ?? `${periods.defaultPeriod.slice(0, 4)}-12-31`;
  const options = (k: PeriodKind | 'interval') => {
    if (k === 'interval') return [current];
    const list = listPeriods(k, first, last);
    return list.includes(current) || parsePeriod(current)?.kind !== k ? list : [current, ...list];
  };
  const kinds: Array<PeriodKind | 'interval'> =
    parsed?.kind === 'interval' ? ['year', 'quarter', 'month', 'interval'] : ['year', 'quarter', 'month'];
  const changeKind = (next: PeriodKind | 'interval') => {
    setKind(next);
    const list = options(next);
    // Keep the same moment in time: the year, quarter or month the chosen period ends in, when there is data for it.
    const end = parsePeriod(period)?.to ?? last;
    setPeriod(list.find((p) => (parsePeriod(p)?.from ?? '') <= end) ?? list[0] ?? '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...state, period, groupBy: grouping ?? state.groupBy });
  };

  return (
    <form className="filter-form dashboard-controls" onSubmit={submit} aria-label={t('Periode kiezen')} noValidate>
      <div className="filter-form__fields">
        <SelectField
          id="soort-periode"
          label={t('Soort periode')}
          value={kind}
          onChange={(v) => changeKind(v as PeriodKind)}
          options={kinds.map((k) => ({ value: k, label: t(kindLabels[k]) }))}
        />
        <SelectField
          id="periode"
          label={t('Periode')}
          value={period}
          onChange={setPeriod}
          options={options(kind).map((p) => ({
            value: p,
            label:
              (parsePeriod(p)?.to ?? '') > periods.completeThrough
                ? `${periodLabel(p, lang)} (${t('voorlopig')})`
                : periodLabel(p, lang),
          }))}
        />
        {grouping && groupings && (
          <SelectField
            id="indeling"
            label={t('Indelen naar')}
            value={grouping}
            onChange={(v) => setGrouping(v as KpiGroupBy)}
            options={kpiGroupings
              .filter((g) => groupings.includes(g))
              .map((g) => ({ value: g, label: t(groupLabels[g]) }))}
          />
        )}
      </div>
      <div className="filter-form__actions">
        <Button type="submit" appearance="secondary">
          {t('Tonen')}
        </Button>
      </div>
    </form>
  );
}

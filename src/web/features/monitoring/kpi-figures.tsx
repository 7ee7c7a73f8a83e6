import { formatKpiValue, withheldText, type KpiNoValue } from '../../../shared/kpi-charts';
import type { KpiCell, KpiDefinitionInfo, KpiDirection, KpiId, KpiPeriod, KpiUnit } from '../../../shared/kpi';
import { assessChange } from '../../../shared/kpi-direction';
import { useT, type Lang, type Msg } from '../../i18n';

/**
 * How one published figure reads on the dashboard: the value, or "< 10" when fewer youths stand behind it; the
 * change against the previous period; the target and whether it is met. Shared by the tiles and the tables.
 */

export function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL';
}

export function kpiName(kpi: KpiDefinitionInfo, lang: Lang): string {
  return lang === 'en' ? kpi.nameEn : kpi.name;
}

/** "< 10" for a withheld count of youths, "< 10 jeugdigen" for any other figure; the threshold comes from the response. */
export function Suppressed({ threshold, unit }: { threshold: number; unit: KpiUnit }) {
  const { t, lang } = useT();
  return (
    <span className="kpi-suppressed" title={t('Minder dan {n} jeugdigen: niet getoond', { n: threshold })}>
      {withheldText(threshold, unit, lang)}
    </span>
  );
}

/** The value of a cell, or "< 10" when it is suppressed. */
export function KpiValue({
  cell,
  unit,
  threshold,
  which = 'value',
}: {
  cell: KpiCell;
  unit: KpiUnit;
  threshold: number;
  which?: 'value' | 'previous' | 'youths';
}) {
  const { t, lang } = useT();
  const value = cell[which];
  // A withheld cell keeps its previous value when that period had enough youths; a withheld previous period reads so.
  if (
    (cell.suppressed && (which !== 'previous' || value === null)) ||
    (which === 'previous' && cell.previousSuppressed && value === null)
  )
    return <Suppressed threshold={threshold} unit={which === 'youths' ? 'youths' : unit} />;
  const shown = formatKpiValue(value, which === 'youths' ? 'youths' : unit, locale(lang));
  return <>{unit === 'days' && which !== 'youths' && value !== null ? t('{n} dagen', { n: shown }) : shown}</>;
}

/** What a period without anything to count lacked, per KPI; the rest say "Niets te tellen in deze periode." */
const nothingCounted: Partial<Record<KpiId, Msg>> = {
  dropout: 'Geen beëindigde trajecten in deze periode.',
  ended_per_plan: 'Geen beëindigde trajecten in deze periode.',
  repeat_care_6m: 'Geen beëindigde trajecten in deze periode.',
  repeat_care_12m: 'Geen beëindigde trajecten in deze periode.',
  length_of_stay: 'Geen trajecten met verblijf beëindigd in deze periode.',
  request_wait_days: 'Geen trajecten met een aanvraag gestart in deze periode.',
  allocation_wait_days: 'Geen trajecten met een toewijzing gestart in deze periode.',
  goal_without_help: 'Geen doelrealisatie vastgelegd bij toewijzingen die in deze periode eindigden.',
  goal_problems_reduced: 'Geen doelrealisatie vastgelegd bij toewijzingen die in deze periode eindigden.',
  goal_goals_met: 'Geen doelrealisatie vastgelegd bij toewijzingen die in deze periode eindigden.',
  ambulant_stay_ratio: 'Geen jeugdigen met verblijf in deze periode.',
  family_care_share: 'Geen jeugdigen met verblijf in deze periode.',
};

/** Says why a figure reads "–" (see whyNoValue): not yet measurable, or nothing to count in the period. */
export function NoValueReason({ kpiId, why, dataDate }: { kpiId: KpiId; why: KpiNoValue; dataDate: string | null }) {
  const { t, lang } = useT();
  if (why.reason === 'nothing-counted') return <>{t(nothingCounted[kpiId] ?? 'Niets te tellen in deze periode.')}</>;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <>
      {t(
        'Nog niet te meten: een einde telt pas als de {months} maanden erna in de gegevens liggen, voor deze periode vanaf {from}.',
        { months: why.months, from: date(why.measurableFrom) },
      )}
      {dataDate && <> {t('De gegevens lopen nu tot en met {date}.', { date: date(dataDate) })}</>}
    </>
  );
}

/**
 * The change against the previous period: ▲/▼ with the relative change, or for a percentage the difference in
 * percentage points (a share going from 10 % to 12 % has risen 2 points, not 20 %). The arrow is decoration; the
 * words say which way.
 */
export function KpiChange({
  cell,
  unit,
  direction,
  provisional = false,
}: {
  cell: KpiCell;
  unit: KpiUnit;
  /** The KPI's direction: the change then also says "beter" or "slechter", and is coloured so. */
  direction?: KpiDirection;
  /** The period (or the one before it) is provisional: a change would read as final while declarations still come. */
  provisional?: boolean;
}) {
  const { t, lang } = useT();
  if (cell.suppressed || cell.value === null || cell.previous === null) return <>–</>;
  if (provisional)
    return <span className="kpi-change kpi-change--provisional">{t('voorlopig, nog niet te vergelijken')}</span>;
  const diff = cell.value - cell.previous;
  if (diff === 0)
    return (
      <span className="kpi-change">
        <span aria-hidden="true">=</span> {t('gelijk gebleven')}
      </span>
    );
  const assessment = direction ? assessChange(direction, cell.value, cell.previous) : null;
  const number = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'always' });
  let amount: string;
  if (unit === 'percent') amount = t('{n} procentpunt', { n: number.format(diff) });
  else if (cell.previous === 0) amount = formatKpiValue(diff, unit, locale(lang));
  else amount = `${number.format((diff / Math.abs(cell.previous)) * 100)} %`;
  return (
    <span className={`kpi-change${assessment ? ` kpi-change--${assessment}` : ''}`}>
      <span aria-hidden="true">{diff > 0 ? '▲' : '▼'}</span>{' '}
      <span className="visually-hidden">{diff > 0 ? t('gestegen') : t('gedaald')} </span>
      {amount}
      {assessment === 'better' && <> ({t('beter')})</>}
      {assessment === 'worse' && <> ({t('slechter')})</>}
    </span>
  );
}

const comparatorSigns: Record<'atMost' | 'atLeast', string> = { atMost: '≤', atLeast: '≥' };
export const comparatorLabels: Record<'atMost' | 'atLeast', Msg> = { atMost: 'hoogstens', atLeast: 'minstens' };

/** "≤ 15 %" with "gehaald" or "niet gehaald" as a badge; '–' when no target applies. */
export function KpiTarget({ cell, unit, compact = false }: { cell: KpiCell; unit: KpiUnit; compact?: boolean }) {
  const { t, lang } = useT();
  const target = cell.target;
  if (!target) return <>–</>;
  const value = formatKpiValue(target.value, unit, locale(lang));
  return (
    <span className="kpi-target">
      <span>
        <span aria-hidden="true">{comparatorSigns[target.comparator]} </span>
        <span className="visually-hidden">{t(comparatorLabels[target.comparator])} </span>
        {value}
      </span>
      {!cell.suppressed && cell.value !== null && (
        <span
          className={`utrecht-status-badge utrecht-status-badge--${target.met ? 'success' : 'danger'}${compact ? ' kpi-badge--compact' : ''}`}
        >
          {target.met ? t('gehaald') : t('niet gehaald')}
        </span>
      )}
    </span>
  );
}

/** "voorlopig" beside a figure of a period whose declarations cannot be complete yet. */
export function ProvisionalBadge({ period }: { period: KpiPeriod }) {
  const { t } = useT();
  if (!period.provisional) return null;
  return <span className="utrecht-status-badge utrecht-status-badge--warning kpi-provisional">{t('voorlopig')}</span>;
}

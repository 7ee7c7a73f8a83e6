import type { Option } from '../../components/form-fields';
import { codeOptions } from '../../lib/code-lists';
import { formatDate } from '../../lib/format';
import type { Msg, Translate } from '../../i18n';

/**
 * The end-reason groups (reden beëindiging, JZ588) the trajectory filter offers, as the KPIs count them: uitval is an
 * early ending (32–35), beëindigd volgens plan is 31 or 39. The server's earlyReasons and perPlanReasons
 * (monitoring/kpis/kpi-module.ts) are the source; trajectory-filters.test.ts keeps these equal to them.
 */
export const endReasonGroups: ReadonlyArray<{ codes: readonly string[]; label: Msg }> = [
  { codes: ['32', '33', '34', '35'], label: 'Voortijdig (32–35)' },
  { codes: ['31', '39'], label: 'Volgens plan (31, 39)' },
];

/** The checkbox "Alleen trajecten die in de periode eindigden" in the address: `geeindigd=ja`. */
export const endedValue = 'ja';

/**
 * The choices of "Reden beëindiging": the groups, then each code of JZ588 with its name. A value from the address that
 * is none of these (another set of codes, or one the server will refuse) is offered as it is, so the form shows what
 * the list is filtered on.
 */
export function endReasonOptions(
  t: Translate,
  codes: ReadonlyArray<{ code: string; name: string }>,
  current: string,
): Option[] {
  const options = [
    ...endReasonGroups.map((g) => ({ value: g.codes.join(','), label: t(g.label) })),
    ...codeOptions([...codes]),
  ];
  if (current && !options.some((o) => o.value === current))
    options.push({ value: current, label: t('Codes {codes}', { codes: current.split(',').join(', ') }) });
  return options;
}

/** What a reason value means in a sentence: a group's name, a code with its name, or the codes as given. */
function reasonText(t: Translate, codes: ReadonlyArray<{ code: string; name: string }>, value: string): string {
  const group = endReasonGroups.find((g) => g.codes.join(',') === value);
  if (group) return t(group.label).toLowerCase();
  const name = codes.find((c) => c.code === value)?.name;
  return name ? `${value} (${name.replace(/\.$/, '')})` : value.split(',').join(', ');
}

/**
 * The part of the results' summary that says which endings the list holds, or '' without those filters:
 * "geëindigd tussen 01-01-2025 en 31-03-2025, reden beëindiging voortijdig (32–35)".
 */
export function endingsFilterText(
  t: Translate,
  codes: ReadonlyArray<{ code: string; name: string }>,
  values: { van: string; tot: string; reden: string; geeindigd: string },
): string {
  const parts: string[] = [];
  if (values.geeindigd === endedValue) {
    const [from, to] = [formatDate(values.van), formatDate(values.tot)];
    parts.push(
      values.van && values.tot
        ? t('geëindigd tussen {from} en {to}', { from, to })
        : values.van
          ? t('geëindigd op of na {from}', { from })
          : values.tot
            ? t('geëindigd op of voor {to}', { to })
            : t('geëindigd'),
    );
  }
  if (values.reden) parts.push(t('reden beëindiging {reason}', { reason: reasonText(t, codes, values.reden) }));
  return parts.join(', ');
}

import { formatKpiValue } from '../../../../shared/kpi-charts.js';
import { assessChange } from '../../../../shared/kpi-direction.js';
import type { KpiResult } from '../../../../shared/kpi.js';
import type { Inline, Run } from '../../../pdf/accessible-pdf.js';
import type { QuarterlyReportData } from './report-data.js';
import { periodName, targetText, valueText } from './report-format.js';

/**
 * The management summary: plain sentences computed from the figures, so they can never disagree with the tables.
 * What meets its target and what does not, what went better or worse than the quarter before (in each KPI's own
 * direction), which budget lines are over, and which figures of an issued report have moved since.
 */

const names = (results: KpiResult[]) => results.map((r) => r.kpi.name.toLowerCase()).join(', ');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const euroShort = (value: number) =>
  Math.abs(value) >= 1_000_000
    ? `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(value / 1_000_000)} mln`
    : formatKpiValue(value, 'euro');

function targets(results: KpiResult[]): Inline | null {
  const judged = results.filter((r) => r.total.target && !r.total.suppressed && r.total.value !== null);
  if (!judged.length) return null;
  const missed = judged.filter((r) => !r.total.target!.met);
  const runs: Run[] = [
    { text: 'Doelen: ', bold: true },
    { text: `${judged.length - missed.length} van de ${judged.length} indicatoren met een doel halen dat doel.` },
  ];
  if (missed.length)
    runs.push({
      text: ` Niet gehaald: ${missed
        .map(
          (r) =>
            `${r.kpi.name.toLowerCase()} (${formatKpiValue(r.total.value, r.kpi.unit)}; doel ${targetText(r.total.target, r.kpi.unit)})`,
        )
        .join(', ')}.`,
    });
  return runs;
}

function changes(data: QuarterlyReportData, results: KpiResult[]): Inline | null {
  const { period, previousPeriod } = data.kpis;
  const lead: Run = { text: `Ten opzichte van het ${periodName(previousPeriod.label)}: `, bold: true };
  if (period.provisional || previousPeriod.provisional)
    return [
      lead,
      {
        text: 'de cijfers zijn nog voorlopig, dus een verschil is nog geen echte verbetering of verslechtering. De tabellen geven de cijfers wel.',
      },
    ];
  const assessed = results.map((r) => ({ r, a: assessChange(r.kpi.direction, r.total.value, r.total.previous) }));
  const better = assessed.filter((x) => x.a === 'better').map((x) => x.r);
  const worse = assessed.filter((x) => x.a === 'worse').map((x) => x.r);
  if (!better.length && !worse.length) return [lead, { text: 'geen indicator werd beter of slechter.' }];
  return [
    lead,
    { text: better.length ? `beter werden ${names(better)}. ` : 'geen indicator werd beter. ' },
    { text: worse.length ? `Slechter werden ${names(worse)}.` : 'Geen indicator werd slechter.' },
  ];
}

function money(data: QuarterlyReportData): Inline[] {
  if (!data.money) return [];
  const lines = data.money.lines.filter((l) => l.missing === null && l.budget !== null && l.forecast !== null);
  const over = lines.filter((l) => l.over);
  const within = lines.filter((l) => !l.over);
  const out: Inline[] = over.map((l) => [
    { text: `${l.name}: `, bold: true },
    {
      text: `de prognose voor ${data.money!.year} is ${euroShort(l.forecast!)} tegen een begroting van ${euroShort(l.budget!)}: ${Math.round(((l.forecast! - l.budget!) / l.budget!) * 100)} % boven de begroting.`,
    },
  ]);
  if (within.length)
    out.push([
      { text: 'Binnen de begroting: ', bold: true },
      {
        text: `${within.map((l) => `${l.name} (${Math.round((l.forecast! / l.budget!) * 100)} % van de begroting)`).join(', ')}.`,
      },
    ]);
  const total = data.money.total;
  const leaves = total.leavesOut.length
    ? ` Het laat weg: ${total.leavesOut.map((l) => `${l.line} (${l.reason})`).join(', ')}.`
    : '';
  if (total.covers.length)
    out.push([
      { text: 'Totaal: ', bold: true },
      {
        text: `prognose ${euroShort(total.forecast)} tegen ${euroShort(total.budget)} begroot, alleen over ${total.covers.join(', ')}.${leaves}`,
      },
    ]);
  return out;
}

function moved(data: QuarterlyReportData): Inline[] {
  return data.changes.map((change) => [
    { text: `Gewijzigd sinds uitgave: `, bold: true },
    {
      text: `${change.figures.length} ${change.figures.length === 1 ? 'cijfer' : 'cijfers'} van de rapportage over het ${periodName(change.quarter)} ${change.figures.length === 1 ? 'is' : 'zijn'} sindsdien veranderd, door later binnengekomen berichten of gewijzigde stamgegevens (zie "Gewijzigde cijfers").`,
    },
  ]);
}

/** The summary's points, in the order a reader needs them. */
export function summaryPoints(data: QuarterlyReportData): Inline[] {
  const results = data.kpis.data.filter((r) => r.available);
  const points: Inline[] = [];
  const who = data.provider ? data.provider.name : data.region.name;
  const inCare = results.find((r) => r.kpi.id === 'youths_in_care');
  points.push([
    { text: `${capital(periodName(data.quarter))}: `, bold: true },
    {
      text: inCare
        ? `${who} had ${valueText(inCare.total, 'youths', data.kpis)} jeugdigen in zorg${data.kpis.period.provisional ? ' (voorlopig)' : ''}.`
        : `${who}: geen cijfers over jeugdigen in zorg.`,
    },
  ]);
  const t = targets(results);
  if (t) points.push(t);
  const c = changes(data, results);
  if (c) points.push(c);
  return [...points, ...money(data), ...moved(data)];
}

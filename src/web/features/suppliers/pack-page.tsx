import type { ProviderPack } from '../../../server/modules/suppliers/index';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { formatKpiValue, withheldText } from '../../../shared/kpi-charts';
import type { KpiUnit } from '../../../shared/kpi';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure';
import { TextLink } from '../../components/button';
import { SelectField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { DataList, Table } from '../../components/table';
import { toQuery, api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate, formatDateTime, formatEuro, todayIso } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Translate } from '../../i18n';

type Row = ProviderPack['contracts']['rows'][number];
type PackKpi = ProviderPack['kpis'][number];
type Figure = { value: number | null; suppressed: boolean } | null;

/** "2025Q3" as the screens say it: "3e kwartaal 2025". */
const quarterName = (t: Translate, label: string) => {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  return m ? t('{n}e kwartaal {year}', { n: m[2]!, year: m[1]! }) : label;
};

/** The last eight quarters before today's, newest first: the periods a pack is usually asked for. */
function recentQuarters(): string[] {
  const today = todayIso();
  let [year, q] = [Number(today.slice(0, 4)), Math.ceil(Number(today.slice(5, 7)) / 3)];
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    [year, q] = q === 1 ? [year - 1, 4] : [year, q - 1];
    out.push(`${year}Q${q}`);
  }
  return out;
}

/** A figure as the dashboard shows it: a wait with its unit ("40 dagen"), a withheld cell as "< 10 jeugdigen". */
export const packFigure = (t: Translate, f: Figure, unit: string, threshold: number) => {
  if (!f) return '–';
  if (f.suppressed) return withheldText(threshold, unit as KpiUnit);
  const shown = formatKpiValue(f.value, unit as KpiUnit);
  return unit === 'days' && f.value !== null ? t('{n} dagen', { n: shown }) : shown;
};
const whole = (amount: number | null) => formatEuro(amount === null ? null : Math.round(amount), { whole: true });

/**
 * /aanbieders/:id/dossier: the provider pack for a meeting (`?overleg=`) and a quarter (`?kwartaal=`, default the last
 * complete one): contracts with spend against the ceiling, key figures with their trend and the region beside them,
 * goal attainment, signals, availability, open actions, escalations and the previous account meeting's decisions.
 * The same pack downloads as an accessible PDF. A provider opens only its own.
 */
export function PackPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('kwartaal') ?? '';
  const meeting = params.get('overleg') ?? '';
  const query = toQuery({ quarter, meeting });
  const [state] = useLoad(
    (signal) => api<ProviderPack>(`/providers/${encodeURIComponent(id)}/pack${query}`, { signal }),
    [id, query],
  );
  const controls = (
    <SelectField
      id="kwartaal"
      label={t('Kwartaal van het dossier')}
      value={quarter}
      placeholder={t('Laatste volledige kwartaal')}
      onChange={(v) => {
        const next = new URLSearchParams(params);
        if (v) next.set('kwartaal', v);
        else next.delete('kwartaal');
        setParams(next, { replace: true });
      }}
      options={recentQuarters().map((q) => ({ value: q, label: quarterName(t, q) }))}
    />
  );
  return (
    <Loaded state={state}>
      {(pack) => <Pack pack={pack} pdf={`/api/v1/providers/${id}/pack/pdf${query}`} controls={controls} />}
    </Loaded>
  );
}

function Pack({ pack, pdf, controls }: { pack: ProviderPack; pdf: string; controls: ReactNode }) {
  const { t } = useT();
  const exact = kpiDisclosureFor(useUser().role) === 'exact';
  const title = t('Dossier {name}', { name: pack.provider.name });
  useDocumentTitle(title);
  const threshold = pack.suppressionThreshold;
  const labels = pack.kpis[0]?.points.map((p) => p.label) ?? [];
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <DataList
        items={[
          [t('Overleg'), pack.meeting ? `${pack.meeting.title}, ${formatDateTime(pack.meeting.startsAt)}` : '—'],
          [t('Kwartaal'), `${quarterName(t, pack.quarter)}${pack.period.provisional ? ` (${t('voorlopig')})` : ''}`],
          [t('AGB-code'), pack.provider.agbCode],
          [t('Indeling'), pack.provider.tiers.join(', ') || '—'],
          [t('Gegevens tot en met'), pack.dataDate ? formatDate(pack.dataDate, 'long') : '—'],
        ]}
      />
      {controls}
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a" href={pdf} download>
          {t('Dossier downloaden (PDF)')}
        </a>
      </p>
      <p className="utrecht-paragraph">
        {t('Cijfers over minder dan {n} jeugdigen staan er als "< {n}", zonder getal.', { n: threshold })}
      </p>

      <h2 className="utrecht-heading-2">{t('Contracten en percelen')}</h2>
      <Table<Row>
        caption={t('Contracten en percelen')}
        captionHidden
        rows={pack.contracts.rows}
        rowKey={(c) => c.id}
        empty={t('Geen contract dat in dit kwartaal of later liep.')}
        columns={[
          {
            header: t('Contract'),
            rowHeader: true,
            cell: (c) => <TextLink to={`/contracten/${c.id}`}>{c.reference}</TextLink>,
          },
          {
            header: t('Perceel'),
            cell: (c) => (c.combinationName ? `${c.lotName} (${c.combinationName})` : c.lotName),
          },
          { header: t('Einddatum'), cell: (c) => formatDate(c.effectiveEndDate) },
          {
            header: t('Jeugdigen in het kwartaal'),
            numeric: true,
            cell: (c) => packFigure(t, c.youths, 'youths', threshold),
          },
          {
            header: t('Plafond {year}', { year: pack.contracts.year }),
            numeric: true,
            cell: (c) => whole(c.money.ceiling),
          },
          { header: t('Uitgegeven'), numeric: true, cell: (c) => whole(c.money.spent) },
          { header: t('Prognose'), numeric: true, cell: (c) => whole(c.money.forecast) },
          { header: t('Signaal'), cell: (c) => signalText(t, c) },
        ]}
      />

      <h2 className="utrecht-heading-2">{t('Kerncijfers en hun ontwikkeling')}</h2>
      <p className="utrecht-paragraph">
        {t(
          'De kolom Regio is de hele regio, alle aanbieders samen, in hetzelfde kwartaal. Alle cijfers in dit dossier zijn afgerond zoals in een openbaar rapport: aantallen op vijftallen, en een percentage is berekend uit die afgeronde aantallen.',
        )}
        {exact &&
          ` ${t('Het dashboard toont u de exacte cijfers; een percentage kan daar dus iets anders zijn, bij kleine aantallen enkele procentpunten.')}`}
      </p>
      <Table<PackKpi>
        caption={t('Kerncijfers van de aanbieder per kwartaal, met de regio')}
        captionHidden
        rows={pack.kpis}
        rowKey={(k) => k.id}
        empty={t('Nog geen cijfers in dit kwartaal.')}
        columns={[
          { header: t('Indicator'), rowHeader: true, cell: (k) => k.name },
          ...labels.map((l) => ({
            header: quarterName(t, l),
            numeric: true,
            cell: (k: PackKpi) => packFigure(t, k.points.find((p) => p.label === l) ?? null, k.unit, threshold),
          })),
          { header: t('Regio'), numeric: true, cell: (k) => packFigure(t, k.region, k.unit, threshold) },
          { header: t('Verandering'), cell: (k) => (k.assessment ? t(assessmentLabels[k.assessment]) : '') },
        ]}
      />
      <h3 className="utrecht-heading-3">{t('Volledigheid van de doelrealisatie')}</h3>
      <p className="utrecht-paragraph">
        {pack.goals?.percent == null
          ? t('Geen beëindigde toewijzingen in dit kwartaal.')
          : t(
              '{percent} van de beëindigde toewijzingen heeft een vastgelegde doelrealisatie (regio: {region}; gevraagd: ten minste {min}).',
              {
                percent: formatKpiValue(pack.goals.percent, 'percent'),
                region: formatKpiValue(pack.goals.regionPercent, 'percent'),
                min: formatKpiValue(pack.goals.minPercent, 'percent'),
              },
            )}
      </p>

      <h2 className="utrecht-heading-2">{t('Signalen')}</h2>
      {pack.signals.length ? (
        <ul className="utrecht-unordered-list">
          {pack.signals.map((s, i) => (
            <li key={i}>
              {s.kpiName} ({s.label}): {packFigure(t, { value: s.value, suppressed: false }, s.unit, threshold)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('Geen signalen in dit kwartaal.')}</p>
      )}

      <h2 className="utrecht-heading-2">{t('Beschikbaarheid bijhouden')}</h2>
      <p className="utrecht-paragraph">
        {pack.availability
          ? t('{current} van {entries} opgaven actueel (bijwerken of bevestigen elke {weeks} weken).', {
              current: pack.availability.entries - pack.availability.stale,
              entries: pack.availability.entries,
              weeks: pack.availability.confirmEveryWeeks,
            })
          : t('Geen beschikbaarheid vastgelegd.')}
      </p>

      <h2 className="utrecht-heading-2">{t('Open acties')}</h2>
      <Table<ProviderPack['actions'][number]>
        caption={t('Open acties van de aanbieder')}
        captionHidden
        rows={pack.actions}
        rowKey={(a) => a.id}
        empty={t('Geen open acties voor de aanbieder.')}
        columns={[
          { header: t('Actie'), rowHeader: true, cell: (a) => a.title },
          {
            header: t('Uiterlijk'),
            cell: (a) => `${formatDate(a.dueDate)}${a.overdue ? ` (${t('te laat')})` : ''}`,
          },
          {
            header: t('Uit het overleg'),
            cell: (a) => <TextLink to={`/overleggen/${a.meetingId}`}>{a.meetingTitle}</TextLink>,
          },
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Escalaties van het afgelopen jaar')}</h2>
      {pack.escalations.length ? (
        <ul className="utrecht-unordered-list">
          {pack.escalations.map((e) => (
            <li key={`${e.meetingId}-${e.reference}`}>
              {e.reference} ({e.meetingTitle}, {formatDate(e.meetingStartsAt.slice(0, 10))})
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('Geen escalaties.')}</p>
      )}

      <h2 className="utrecht-heading-2">{t('Besluiten van het vorige accountgesprek')}</h2>
      {pack.previousMeeting ? (
        <>
          <p className="utrecht-paragraph">
            <TextLink to={`/overleggen/${pack.previousMeeting.id}`}>{pack.previousMeeting.title}</TextLink>,{' '}
            {formatDateTime(pack.previousMeeting.startsAt)}
          </p>
          {pack.previousMeeting.decisions.length ? (
            <ul className="utrecht-unordered-list">
              {pack.previousMeeting.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="utrecht-paragraph">{t('Geen besluiten vastgelegd.')}</p>
          )}
        </>
      ) : (
        <p className="utrecht-paragraph">{t('Er is nog geen eerder accountgesprek gehouden.')}</p>
      )}
    </>
  );
}

const assessmentLabels = { better: 'beter', worse: 'slechter', same: 'gelijk' } as const;

function signalText(t: Translate, c: Row): string {
  const parts = [
    ...(c.signals.includes('decision-due') ? [t('Besluit binnen 3 maanden')] : []),
    ...(c.money.ceiling === null
      ? [t('Geen plafond')]
      : [c.money.over ? t('Prognose boven plafond') : t('Binnen plafond')]),
  ];
  return parts.join('; ');
}

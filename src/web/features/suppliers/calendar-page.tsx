import type { ContractCalendar } from '../../../server/modules/suppliers/index';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { TextLink } from '../../components/button';
import { SelectField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api, toQuery } from '../../lib/api-client';
import { formatDate, formatEuro, todayIso } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Translate } from '../../i18n';

type CalendarEvent = ContractCalendar['events'][number];
type CalendarRow = ContractCalendar['contracts'][number];

const horizons = [3, 6, 12, 18, 24];

function eventText(t: Translate, e: CalendarEvent): string {
  return e.kind === 'decision'
    ? t('Besluit over verlenging tot {date}', { date: formatDate(e.newEndDate) })
    : t('Contract loopt af');
}

function eventSignal(t: Translate, e: CalendarEvent): string {
  if (e.overdue) return t('Te laat: besluit nog niet genomen');
  return e.signal ? t('Besluit binnen 3 maanden') : '—';
}

function moneySignal(t: Translate, c: CalendarRow): string {
  if (c.money.ceiling === null) return t('Geen plafond');
  return c.money.over ? t('Prognose boven plafond') : t('Binnen plafond');
}

/** Overview tables show whole euros, so every row reads alike. */
const roundEuro = (amount: number | null) => (amount === null ? null : Math.round(amount));

/**
 * /contractkalender: for the contract manager, the decisions on extension options and the contract ends within a
 * horizon (12 months unless chosen), with a signal for a decision due within three months; each running contract's
 * spend this year against its ceiling; and the yearly NZa list of contracted providers (XLSX).
 */
export function ContractCalendarPage() {
  const { t } = useT();
  const title = t('Contractkalender');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParams();
  const horizon = horizons.includes(Number(params.get('horizon'))) ? Number(params.get('horizon')) : 12;
  const [state] = useLoad(
    (signal) => api<ContractCalendar>(`/contract-calendar${toQuery({ horizon })}`, { signal }),
    [horizon],
  );
  const lastYear = Number(todayIso().slice(0, 4)) - 1;
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'Contracten die aflopen en verlengingsopties waarover besloten moet worden, en de uitgaven van dit jaar tegen het budgetplafond van elk contract.',
        )}
      </p>
      <SelectField
        id="horizon"
        label={t('Horizon')}
        value={String(horizon)}
        onChange={(v) => setParams(v === '12' ? {} : { horizon: v }, { replace: true })}
        options={horizons.map((h) => ({ value: String(h), label: t('{count} maanden', { count: h }) }))}
      />
      <Loaded state={state}>
        {(data) => {
          // The server's count (decisionsDue), which the start page's tile shows too.
          const decisions = data.decisionsDue;
          const over = data.contracts.filter((c) => c.money.over);
          return (
            <>
              {(decisions > 0 || over.length > 0) && (
                <Alert type="warning">
                  {[
                    decisions > 0 &&
                      t(
                        '{count} besluit over verlenging binnen 3 maanden of te laat|{count} besluiten over verlenging binnen 3 maanden of te laat',
                        {
                          count: decisions,
                        },
                      ),
                    over.length > 0 &&
                      t(
                        '{count} contract met een prognose boven het plafond|{count} contracten met een prognose boven het plafond',
                        {
                          count: over.length,
                        },
                      ),
                  ]
                    .filter(Boolean)
                    .join('. ')}
                </Alert>
              )}
              <h2 className="utrecht-heading-2">
                {t('Besluiten en einddata tot {date}', { date: formatDate(data.horizonEnd, 'long') })}
              </h2>
              <Table<CalendarEvent>
                caption={t('Besluiten en einddata binnen de horizon')}
                captionHidden
                rows={data.events}
                rowKey={(e) => `${e.kind}-${e.contractId}-${e.extensionId ?? ''}`}
                empty={t('Geen besluiten of einddata binnen de horizon.')}
                columns={[
                  {
                    header: t('Datum'),
                    rowHeader: true,
                    cell: (e) => <span className="nowrap">{formatDate(e.date)}</span>,
                  },
                  { header: t('Wat'), cell: (e) => eventText(t, e) },
                  {
                    header: t('Contract'),
                    cell: (e) => <TextLink to={`/contracten/${e.contractId}`}>{e.reference}</TextLink>,
                  },
                  { header: t('Aanbieder'), cell: (e) => e.providerName },
                  { header: t('Perceel'), cell: (e) => e.lotName },
                  { header: t('Signaal'), cell: (e) => eventSignal(t, e) },
                ]}
              />
              <h2 className="utrecht-heading-2">
                {t('Uitgaven {year} tegen het budgetplafond', { year: data.today.slice(0, 4) })}
              </h2>
              <p className="utrecht-paragraph">
                {data.contracts[0]?.money.knownThrough
                  ? t(
                      'Gedeclareerd tot en met {month}; de prognose telt het gemiddelde van de laatste drie maanden voor elke maand die het contract dit jaar nog loopt.',
                      { month: formatDate(data.contracts[0].money.knownThrough) },
                    )
                  : t('Nog geen declaraties dit jaar.')}
              </p>
              <Table<CalendarRow>
                caption={t('Lopende contracten met uitgaven en prognose')}
                captionHidden
                rows={data.contracts}
                rowKey={(c) => c.id}
                empty={t('Geen lopende contracten.')}
                columns={[
                  {
                    header: t('Contract'),
                    rowHeader: true,
                    cell: (c) => <TextLink to={`/contracten/${c.id}`}>{c.reference}</TextLink>,
                  },
                  { header: t('Aanbieder'), cell: (c) => c.combinationName ?? c.providerName },
                  { header: t('Perceel'), cell: (c) => c.lotName },
                  { header: t('Einddatum'), cell: (c) => formatDate(c.effectiveEndDate) },
                  {
                    header: t('Plafond'),
                    numeric: true,
                    cell: (c) => formatEuro(roundEuro(c.money.ceiling), { whole: true }),
                  },
                  {
                    header: t('Uitgegeven'),
                    numeric: true,
                    cell: (c) => formatEuro(roundEuro(c.money.spent), { whole: true }),
                  },
                  {
                    header: t('Prognose'),
                    numeric: true,
                    cell: (c) => formatEuro(roundEuro(c.money.forecast), { whole: true }),
                  },
                  { header: t('Signaal'), cell: (c) => moneySignal(t, c) },
                ]}
              />
            </>
          );
        }}
      </Loaded>
      <h2 className="utrecht-heading-2">{t('Lijst voor de NZa')}</h2>
      <p className="utrecht-paragraph">
        {t(
          'Elk jaar stuurt de regio de NZa de lijst van gecontracteerde aanbieders met hun KvK-nummer en de vormen van jeugdhulp per aanbieder (Regeling Jeugdwet art. 8g).',
        )}
      </p>
      <ul className="utrecht-unordered-list">
        {[lastYear, lastYear + 1].map((year) => (
          <li key={year}>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/api/v1/contract-calendar/nza-list${toQuery({ year })}`}
              download={`nza-gecontracteerde-aanbieders-${year}.xlsx`}
            >
              {t('Lijst {year} downloaden (XLSX)', { year })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

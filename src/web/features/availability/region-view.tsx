import { useParams } from 'react-router';
import type { RegionView } from '../../../server/modules/availability/availability.schema';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

type Category = RegionView['categories'][number];
type Month = Category['months'][number];

const weeks = (n: number | null, lang: 'nl' | 'en') =>
  n === null ? '—' : n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });

/** The latest month with a figure, for the summary table. */
function latest(category: Category, pick: (m: Month) => number | null): Month | undefined {
  return [...category.months].reverse().find((m) => pick(m) !== null);
}

/**
 * The region's waits per form of youth help against its Treeknorm, their course over twelve months, and the meetlat:
 * for the signed-in region view and the public page alike (the API decides what is withheld).
 */
export function RegionViewContent({ view }: { view: RegionView }) {
  const { t, lang } = useT();
  const norm = view.norms;
  const over = (value: number | null, limit: number) =>
    value !== null && value > limit ? <strong> ({t('boven de norm')})</strong> : null;
  const withheld = t('niet getoond (minder dan 10)');
  return (
    <>
      <p className="utrecht-paragraph">
        {t(
          'De norm (Treeknorm) van de regio: hooguit {intake} weken van aanmelding tot intake en {treatment} weken van intake tot behandeling.',
          { intake: norm.intakeWeeks, treatment: norm.treatmentWeeks },
        )}{' '}
        {t(
          'Gemeld: wat aanbieders opgeven. Gemeten: de mediaan van de dagen tot de start in de iJw-berichten, in weken, apart vanaf de aanvraag van de aanbieder en vanaf de toewijzing door de gemeente; bij minder dan 10 starts niet getoond.',
        )}
      </p>
      <h2 className="utrecht-heading-2">{t('Per vorm van jeugdhulp')}</h2>
      <Table
        caption={t('Wachttijden per vorm van jeugdhulp, nu')}
        rows={view.categories}
        rowKey={(c) => c.productCategory}
        empty={t('Nog geen aanbieders met beschikbaarheid.')}
        columns={[
          { header: t('Vorm van jeugdhulp'), rowHeader: true, cell: (c) => `${c.productCategory} ${c.name}` },
          { header: t('Aanbieders'), numeric: true, cell: (c) => c.providers },
          { header: t('Met plek binnen de norm'), numeric: true, cell: (c) => `${c.withinNorm} / ${c.entries}` },
          {
            header: t('Op de wachtlijst'),
            numeric: true,
            cell: (c) => (c.waitingList === null ? withheld : c.waitingList.toLocaleString('nl-NL')),
          },
          {
            header: t('Gemeld tot intake (weken)'),
            numeric: true,
            cell: (c) => {
              const m = c.months.at(-1);
              return (
                <>
                  {weeks(m?.reportedIntakeWeeks ?? null, lang)}
                  {over(m?.reportedIntakeWeeks ?? null, norm.intakeWeeks)}
                </>
              );
            },
          },
          {
            header: t('Gemeld tot behandeling (weken)'),
            numeric: true,
            cell: (c) => {
              const m = c.months.at(-1);
              return (
                <>
                  {weeks(m?.reportedTreatmentWeeks ?? null, lang)}
                  {over(m?.reportedTreatmentWeeks ?? null, norm.treatmentWeeks)}
                </>
              );
            },
          },
          {
            header: t('Gemeten vanaf aanvraag (weken)'),
            numeric: true,
            cell: (c) => {
              const m = latest(c, (x) => x.measuredRequestWeeks);
              if (m) return `${weeks(m.measuredRequestWeeks, lang)} (${m.month})`;
              return c.months.some((x) => x.measuredRequestWithheld) ? withheld : '—';
            },
          },
          {
            header: t('Gemeten vanaf toewijzing (weken)'),
            numeric: true,
            cell: (c) => {
              const m = latest(c, (x) => x.measuredAllocationWeeks);
              if (m) return `${weeks(m.measuredAllocationWeeks, lang)} (${m.month})`;
              return c.months.some((x) => x.measuredAllocationWithheld) ? withheld : '—';
            },
          },
        ]}
      />
      {view.categories.map((c) => (
        <details key={c.productCategory} className="region-view__course">
          <summary>{t('Verloop van {name}', { name: `${c.productCategory} ${c.name}` })}</summary>
          <Table
            caption={t('Wachttijden van {name} per maand', { name: c.name })}
            rows={c.months}
            rowKey={(m) => m.month}
            columns={[
              { header: t('Maand'), rowHeader: true, cell: (m) => m.month },
              { header: t('Gemeld tot intake'), numeric: true, cell: (m) => weeks(m.reportedIntakeWeeks, lang) },
              {
                header: t('Gemeld tot behandeling'),
                numeric: true,
                cell: (m) => weeks(m.reportedTreatmentWeeks, lang),
              },
              {
                header: t('Gemeten vanaf aanvraag'),
                numeric: true,
                cell: (m) => (m.measuredRequestWithheld ? withheld : weeks(m.measuredRequestWeeks, lang)),
              },
              {
                header: t('Gemeten vanaf toewijzing'),
                numeric: true,
                cell: (m) => (m.measuredAllocationWithheld ? withheld : weeks(m.measuredAllocationWeeks, lang)),
              },
            ]}
          />
        </details>
      ))}
      <h2 className="utrecht-heading-2">{t('Meetlat: geen plek binnen de norm')}</h2>
      <p className="utrecht-paragraph">
        {t(
          'Gecontracteerde producten waarvoor geen aanbieder met actuele gegevens nieuwe cliënten aanneemt binnen de norm. Contracten gelden voor de hele regio, dus dit geldt in elk van: {municipalities}.',
          { municipalities: view.municipalities.join(', ') },
        )}
      </p>
      <Table
        caption={t('Producten zonder plek binnen de norm')}
        captionHidden
        rows={view.meetlat}
        rowKey={(m) => m.product.id}
        empty={t('Voor elk gecontracteerd product heeft een aanbieder plek binnen de norm.')}
        columns={[
          { header: t('Product'), rowHeader: true, cell: (m) => `${m.product.code} ${m.product.name}` },
          { header: t('Productcategorie'), cell: (m) => m.productCategory },
          { header: t('Regels'), numeric: true, cell: (m) => m.entries },
          {
            header: t('Kortste wachttijd tot start (weken)'),
            numeric: true,
            cell: (m) => weeks(m.shortestWaitWeeks, lang),
          },
        ]}
      />
    </>
  );
}

/** /beschikbaarheid/regio: the region view for the backoffice, policy officers and referrers. */
export function RegionViewPage() {
  const { t } = useT();
  useDocumentTitle(t('Wachttijden in de regio'));
  const [state] = useLoad((signal) => api<RegionView>('/availability/region-view', { signal }), []);
  return (
    <Loaded state={state}>
      {(view) => (
        <>
          <h1 className="utrecht-heading-1">{t('Wachttijden in de regio')}</h1>
          <p className="utrecht-paragraph">
            {t('Openbare versie, zonder inloggen:')}{' '}
            <a className="utrecht-link" href={`/regio/${view.region.code}/wachttijden`}>
              {`/regio/${view.region.code}/wachttijden`}
            </a>
          </p>
          <RegionViewContent view={view} />
        </>
      )}
    </Loaded>
  );
}

/** /regio/:code/wachttijden: the same figures for councils and inhabitants, without sign-in. */
export function PublicRegionPage() {
  const { t } = useT();
  const { code = '' } = useParams();
  const [state] = useLoad(
    (signal) => api<RegionView>(`/public/regions/${encodeURIComponent(code)}/availability`, { signal }),
    [code],
  );
  useDocumentTitle(
    state.status === 'ok' ? t('Wachttijden in {region}', { region: state.data.region.name }) : t('Wachttijden'),
  );
  return (
    <Loaded state={state}>
      {(view) => (
        <>
          <h1 className="utrecht-heading-1">{t('Wachttijden in {region}', { region: view.region.name })}</h1>
          <p className="utrecht-paragraph">
            {t(
              'Hoe lang jeugdigen in de regio wachten op jeugdhulp, zoals aanbieders het melden en zoals het uit de berichten blijkt. Kleine aantallen zijn weggelaten en wachtlijsten op vijftallen afgerond.',
            )}
          </p>
          <RegionViewContent view={view} />
        </>
      )}
    </Loaded>
  );
}

import { can } from '../../../shared/permissions';
import { TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { FilterForm } from '../../components/filter-form';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { codeOptions, useCodeList } from '../../lib/code-lists';
import { formatDate, formatEuro } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { usePartyNames } from './exchange-parts';
import { endedValue, endingsFilterText, endReasonOptions } from './trajectory-filters';
import type { Trajectory } from './types';

const filterKeys = ['aanbieder', 'gemeente', 'categorie', 'reden', 'van', 'tot', 'geeindigd', 'bestand'] as const;
type FilterKey = (typeof filterKeys)[number];
/** The API's names for the filters, to put a refusal at the field it concerns. */
const fieldOfParam: Record<string, FilterKey> = {
  providerAgb: 'aanbieder',
  municipalityCode: 'gemeente',
  productCategory: 'categorie',
  endReason: 'reden',
  from: 'van',
  to: 'tot',
  ended: 'geeindigd',
  fileId: 'bestand',
};

/** "31 – Levering is volgens plan beëindigd.": the code first, then its name when the list knows it. */
function coded(list: Array<{ code: string; name: string }>, code: string | null): string {
  if (!code) return '—';
  const name = list.find((e) => e.code === code)?.name;
  return name ? `${code} – ${name}` : code;
}

/** /trajecten: care trajectories built from the imported messages; clients only as pseudonyms. */
export function TrajectoryListPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Trajecten'));
  if (!can(user, 'trajectories.read'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag de trajecten niet inzien.'))} />;
  return <Trajectories />;
}

function Trajectories() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const filters = useFilters(filterKeys);
  const names = usePartyNames();
  const categories = useCodeList('JZ020');
  const endReasons = useCodeList('JZ588');
  const referrers = useCodeList('COD327');
  const { aanbieder, gemeente, categorie, reden, van, tot, geeindigd, bestand } = filters.values;
  // With "only those that ended", the period bounds the end date: the endings a KPI such as uitval counts.
  const ended = geeindigd === endedValue ? 'true' : undefined;
  const [loaded] = useLoad(
    (signal) =>
      api<Page<Trajectory>>(
        `/trajectories${toQuery({
          providerAgb: aanbieder,
          municipalityCode: gemeente,
          productCategory: categorie,
          endReason: reden,
          from: van,
          to: tot,
          ended,
          fileId: bestand,
          sort: filters.sort,
          page: filters.page,
          pageSize: 25,
        })}`,
        { signal },
      ),
    [aanbieder, gemeente, categorie, reden, van, tot, ended, bestand, filters.sort, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  // A filter the server refuses (a date it cannot read, a period that ends before it begins) keeps the form on the
  // page, with the reasons in the error summary and at their fields, and no table for the refused query.
  const refused = state.status === 'error' && state.error.status === 400 ? state.error : null;
  const problem = refused ? null : pageProblem(state);
  if (problem) return problem;
  const params = (refused?.invalidParams ?? []).map((p) => ({ ...p, name: fieldOfParam[p.name] ?? p.name }));
  const errors = {
    params,
    general: refused && !params.length ? (refused.problem.detail ?? refused.problem.title) : null,
    round: 0,
    hasAny: refused !== null,
  };
  const errorOf = (key: FilterKey) =>
    params
      .filter((p) => p.name === key)
      .map((p) => p.reason)
      .join(' ') || undefined;
  const labels: Record<FilterKey, string> = {
    aanbieder: t('Aanbieder'),
    gemeente: t('Gemeente'),
    categorie: t('Productcategorie'),
    reden: t('Reden beëindiging'),
    van: t('Van'),
    tot: t('Tot'),
    geeindigd: t('Alleen trajecten die in de periode eindigden'),
    bestand: t('Bestand'),
  };
  const endingsFilter = endingsFilterText(t, endReasons, filters.values);

  const ownOnly = user.role === 'aanbieder';
  const providerOptions = names.providers
    .map((p) => ({ value: p.agbCode, label: `${p.name} (${p.agbCode})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const municipalityOptions = (region?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }));
  return (
    <div className="trajectory-page">
      <h1 className="utrecht-heading-1">{t('Trajecten')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {ownOnly
          ? t('De zorgtrajecten van uw organisatie, opgebouwd uit de ingelezen iJw-berichten.')
          : t(
              'De zorgtrajecten in de regio, opgebouwd uit de ingelezen iJw-berichten: van aanvraag en toewijzing tot einde zorg en declaraties.',
            )}
      </p>
      <div className="utrecht-alert utrecht-alert--info privacy-note">
        <div className="utrecht-alert__content">
          <p className="utrecht-alert__message utrecht-paragraph">
            {t(
              'Cliënten staan hier alleen als pseudoniem; het BSN wordt bij het inlezen vervangen en is nergens te zien. Elke zoekvraag op deze pagina wordt vastgelegd als inzage in cliëntgegevens.',
            )}
          </p>
        </div>
      </div>
      <ErrorSummary errors={errors} labels={labels} />
      {bestand && (
        <p className="utrecht-paragraph">
          {t('Alleen trajecten met een bericht uit één bestand.')}{' '}
          <TextLink to={`/berichten/bestanden/${bestand}`}>{t('Naar het bestand')}</TextLink>{' '}
          <TextLink
            to={`?${new URLSearchParams(Object.entries({ ...filters.values, bestand: '' }).filter(([, v]) => v)).toString()}`}
          >
            {t('Alle trajecten')}
          </TextLink>
        </p>
      )}
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <>
            {!ownOnly && (
              <SelectField
                id="aanbieder"
                label={labels.aanbieder}
                placeholder={t('Alle aanbieders')}
                options={providerOptions}
                error={errorOf('aanbieder')}
                value={draft.aanbieder}
                onChange={(v) => set('aanbieder', v)}
              />
            )}
            <SelectField
              id="gemeente"
              label={labels.gemeente}
              placeholder={t('Alle gemeenten')}
              options={municipalityOptions}
              error={errorOf('gemeente')}
              value={draft.gemeente}
              onChange={(v) => set('gemeente', v)}
            />
            <SelectField
              id="categorie"
              label={labels.categorie}
              placeholder={t('Alle categorieën')}
              options={codeOptions(categories)}
              error={errorOf('categorie')}
              value={draft.categorie}
              onChange={(v) => set('categorie', v)}
            />
            <SelectField
              id="reden"
              label={labels.reden}
              placeholder={t('Alle redenen')}
              options={endReasonOptions(t, endReasons, draft.reden)}
              error={errorOf('reden')}
              value={draft.reden}
              onChange={(v) => set('reden', v)}
            />
            <TextField
              id="van"
              type="date"
              label={labels.van}
              error={errorOf('van')}
              value={draft.van}
              onChange={(v) => set('van', v)}
            />
            <TextField
              id="tot"
              type="date"
              label={labels.tot}
              error={errorOf('tot')}
              value={draft.tot}
              onChange={(v) => set('tot', v)}
            />
            <CheckboxField
              id="geeindigd"
              label={labels.geeindigd}
              error={errorOf('geeindigd')}
              checked={draft.geeindigd === endedValue}
              onChange={(checked) => set('geeindigd', checked ? endedValue : '')}
            />
          </>
        )}
      </FilterForm>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={`${t('{count} traject gevonden|{count} trajecten gevonden', { count: state.data.page.totalElements })}${endingsFilter ? `: ${endingsFilter}` : ''}`}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(r) => String(r.id)}
            empty={t('Geen trajecten gevonden.')}
            sort={{ current: filters.sort, hrefFor: filters.sortHref }}
            columns={[
              {
                header: t('Cliënt (pseudoniem)'),
                rowHeader: true,
                cell: (r) => (
                  <TextLink
                    className="pseudonym"
                    to={`/trajecten/${r.id}`}
                    aria-label={t('Traject van {client}', { client: r.client })}
                  >
                    {r.client}
                  </TextLink>
                ),
              },
              {
                header: t('Gemeente'),
                sortKey: 'municipalityCode',
                cell: (r) => names.municipality(r.municipalityCode),
              },
              { header: t('Aanbieder'), sortKey: 'providerAgb', cell: (r) => names.provider(r.providerAgb) },
              {
                header: t('Product'),
                sortKey: 'productCode',
                cell: (r) => (
                  <>
                    {r.productCode ?? '—'}
                    {r.productCategory && <span className="cell-note">{coded(categories, r.productCategory)}</span>}
                  </>
                ),
              },
              { header: t('Verwijzer'), sortKey: 'referrerType', cell: (r) => coded(referrers, r.referrerType) },
              {
                header: t('Aanvraag'),
                sortKey: 'requestDate',
                cell: (r) => <span className="nowrap">{formatDate(r.requestDate)}</span>,
              },
              {
                header: t('Toewijzing'),
                sortKey: 'allocationStart',
                cell: (r) =>
                  r.allocationStart ? (
                    <span className="nowrap">
                      {formatDate(r.allocationStart)} –<br />
                      {formatDate(r.allocationEnd)}
                    </span>
                  ) : (
                    t('Taakgericht')
                  ),
              },
              {
                header: t('Start'),
                sortKey: 'startDate',
                cell: (r) => <span className="nowrap">{formatDate(r.startDate)}</span>,
              },
              {
                header: t('Einde'),
                sortKey: 'endDate',
                cell: (r) => <span className="nowrap">{formatDate(r.endDate)}</span>,
              },
              { header: t('Reden einde'), sortKey: 'endReason', cell: (r) => coded(endReasons, r.endReason) },
              {
                header: t('Gedeclareerd'),
                numeric: true,
                cell: (r) => <span className="nowrap">{formatEuro(r.declaredCents / 100)}</span>,
              },
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </>
      )}
    </div>
  );
}

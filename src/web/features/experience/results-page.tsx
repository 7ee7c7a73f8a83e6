import {
  experienceWithheldMark as withheldMark,
  formatExperienceFigure,
  noRankingReason,
  type ExperienceFigureKind,
  type ExperienceFigures,
  type ExperienceGroup,
  type ExperienceResults,
} from '../../../shared/experience-results';
import { useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { SelectField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { todayIso } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Lang, type Msg } from '../../i18n';
import { locale } from '../monitoring/kpi-figures';
import { periodLabel } from '../monitoring/dashboard-controls';

/** The figures of one group as table columns, with a withheld group saying so in every cell. */
function figureColumns<T extends ExperienceFigures>(t: (m: Msg) => string, lang: Lang) {
  const num = (n: number | null, kind: ExperienceFigureKind, withheld = false) =>
    formatExperienceFigure(n, kind, withheld, locale(lang));
  const theme = (key: keyof ExperienceFigures['themes']) => (f: T) =>
    num(f.themes[key].positive, 'percent', f.withheld);
  return [
    { header: t('Antwoorden'), numeric: true, cell: (f: T) => num(f.answers, 'count', f.withheld) },
    { header: t('Uitnodigingen'), numeric: true, cell: (f: T) => num(f.invitations, 'count') },
    { header: t('Respons'), numeric: true, cell: (f: T) => num(f.responseRate, 'percent', f.withheld) },
    { header: t('Cijfer (1–10)'), numeric: true, cell: (f: T) => num(f.mark, 'score', f.withheld) },
    { header: t('Toegang positief'), numeric: true, cell: theme('toegang') },
    { header: t('Kwaliteit positief'), numeric: true, cell: theme('kwaliteit') },
    { header: t('Effect positief'), numeric: true, cell: theme('effect') },
  ];
}

function Groups({ caption, rows, first }: { caption: string; rows: ExperienceGroup[]; first: string }) {
  const { t, lang } = useT();
  return (
    <Table<ExperienceGroup>
      caption={caption}
      rows={rows}
      rowKey={(g) => g.key}
      empty={t('Nog geen antwoorden of uitnodigingen dit jaar.')}
      columns={[{ header: first, rowHeader: true, cell: (g) => g.label }, ...figureColumns<ExperienceGroup>(t, lang)]}
    />
  );
}

type Side = { key: string; label: string; figures: ExperienceFigures };

/**
 * /ervaringwijzer/uitkomsten: what young people and parents said, for learning. The region sees every provider in name
 * order (no ranking, and the page says why); an aanbieder its own beside the region's, once it has 10 answers. Groups
 * under 10 answers show "<10" and no figure, as the API withholds them.
 */
export function ResultsPage() {
  const { t, lang } = useT();
  const title = t('Uitkomsten van de Ervaringwijzer');
  useDocumentTitle(title);
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const year = years.includes(Number(params.get('jaar'))) ? Number(params.get('jaar')) : thisYear;
  const [state] = useLoad(
    (signal) => api<ExperienceResults>(`/experience-results${toQuery({ year })}`, { signal }),
    [year],
  );
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <SelectField
        id="jaar"
        label={t('Jaar')}
        value={String(year)}
        onChange={(v) => setParams(v === String(thisYear) ? {} : { jaar: v }, { replace: true })}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <Loaded state={state}>
        {(r) => (
          <>
            <p className="utrecht-paragraph">
              {t('Het jaar {year}. Groepen met minder dan {threshold} antwoorden laten we weg ({mark}).', {
                year: r.year,
                threshold: r.threshold,
                mark: withheldMark,
              })}
            </p>
            <p className="utrecht-paragraph">
              <a
                className="utrecht-link"
                href={`/api/v1/experience-results/export?year=${r.year}&format=xlsx`}
                download
              >
                {t('Jaarcijfers downloaden (XLSX)')}
              </a>{' '}
              <a className="utrecht-link" href={`/api/v1/experience-results/export?year=${r.year}&format=csv`} download>
                {t('Jaarcijfers downloaden (CSV)')}
              </a>
              {can(user, 'experienceResults.report') && (
                <>
                  {' '}
                  <a className="utrecht-link" href={`/api/v1/experience-results/report?year=${r.year}`} download>
                    {t('Jaarverslag cliëntervaring downloaden (PDF)')}
                  </a>
                </>
              )}
            </p>
            {r.view === 'provider' ? <ProviderView r={r} /> : <RegionView r={r} />}
            <h2 className="utrecht-heading-2">{t('Wat jongeren en ouders schreven')}</h2>
            {r.texts.length ? (
              <ul className="utrecht-unordered-list" aria-label={t('Gemodereerde open antwoorden')}>
                {r.texts.map((x) => (
                  <li key={x.id}>
                    <q>{x.text}</q> ({r.view === 'region' ? `${x.providerName}, ` : ''}
                    {periodLabel(x.month, lang)})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="utrecht-paragraph">{t('Nog geen gemodereerde open antwoorden.')}</p>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function ProviderView({ r }: { r: ExperienceResults }) {
  const { t, lang } = useT();
  if (!r.own || r.own.withheld)
    return (
      <Alert type="info">
        {t('Nog geen uitkomsten: uw organisatie heeft dit jaar minder dan {threshold} antwoorden.', {
          threshold: r.threshold,
        })}
      </Alert>
    );
  const sides: Side[] = [
    { key: 'own', label: t('Uw organisatie'), figures: r.own },
    { key: 'region', label: t('De regio'), figures: r.region },
  ];
  return (
    <>
      <Table<Side>
        caption={t('Uw uitkomsten naast die van de regio')}
        rows={sides}
        rowKey={(s) => s.key}
        columns={[
          { header: t('Wie'), rowHeader: true, cell: (s) => s.label },
          ...figureColumns<ExperienceFigures>(t, lang).map((c) => ({ ...c, cell: (s: Side) => c.cell(s.figures) })),
        ]}
      />
      <Groups caption={t('Per productcategorie')} rows={r.byProductCategory} first={t('Productcategorie')} />
      <Quarters r={r} />
    </>
  );
}

function RegionView({ r }: { r: ExperienceResults }) {
  const { t, lang } = useT();
  return (
    <>
      <p className="utrecht-paragraph">{t(noRankingReason as Msg)}</p>
      <Table<Side>
        caption={t('De regio')}
        rows={[{ key: 'region', label: t('De regio'), figures: r.region }]}
        rowKey={(s) => s.key}
        columns={[
          { header: t('Wie'), rowHeader: true, cell: (s) => s.label },
          ...figureColumns<ExperienceFigures>(t, lang).map((c) => ({ ...c, cell: (s: Side) => c.cell(s.figures) })),
        ]}
      />
      <Groups caption={t('Per aanbieder (op naam)')} rows={r.byProvider} first={t('Aanbieder')} />
      <Groups caption={t('Per productcategorie')} rows={r.byProductCategory} first={t('Productcategorie')} />
      <Groups caption={t('Per gemeente')} rows={r.byMunicipality} first={t('Gemeente')} />
      <Quarters r={r} />
    </>
  );
}

function Quarters({ r }: { r: ExperienceResults }) {
  const { t, lang } = useT();
  // An aanbieder: per quarter its own figures with the region's beside them. "1e kwartaal 2026", as the dashboard.
  const rows: ExperienceGroup[] = r.quarters.flatMap((q) => {
    const name = periodLabel(q.quarter, lang);
    return q.own
      ? [
          { key: `${q.quarter}-own`, label: `${name}: ${t('uw organisatie')}`, ...q.own },
          { key: `${q.quarter}-region`, label: `${name}: ${t('de regio')}`, ...q.region },
        ]
      : [{ key: q.quarter, label: name, ...q.region }];
  });
  return (
    <Groups
      caption={r.view === 'provider' ? t('Uw uitkomsten per kwartaal, met de regio ernaast') : t('Per kwartaal')}
      rows={rows}
      first={t('Kwartaal')}
    />
  );
}

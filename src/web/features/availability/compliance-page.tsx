import { TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import type { Compliance } from './types';

type ProviderRow = Compliance['providers'][number];

/** "jan. 2026" for "2026-01", in the page's language. */
const monthLabel = (month: string, lang: 'nl' | 'en') =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

const share = (current: number, entries: number) => (entries ? Math.round((current / entries) * 100) : null);

/**
 * How well each provider keeps its availability current, for the contract manager (supplier management): now, and
 * at the end of each of the last twelve months the share of its entries changed or confirmed within the region's
 * term. Tables only, so every figure is read out; each cell says "x van y" in words.
 */
export function CompliancePage() {
  const { t, lang } = useT();
  const title = t('Bijhouden van de beschikbaarheid');
  useDocumentTitle(title);
  const [state] = useLoad((signal) => api<Compliance>('/availability/compliance', { signal }), []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <Loaded state={state}>
        {(data) => {
          const months = data.providers[0]?.months.map((m) => m.month) ?? [];
          return (
            <>
              <p className="utrecht-paragraph">
                {t(
                  'Aanbieders bevestigen hun regels ten minste elke {weeks} weken. Per aanbieder: hoeveel regels nu verouderd zijn, en aan het eind van elke maand hoeveel regels binnen de termijn waren bijgewerkt of bevestigd.',
                  { weeks: data.confirmEveryWeeks },
                )}
              </p>
              <h2 className="utrecht-heading-2">{t('Nu')}</h2>
              <Table<ProviderRow>
                caption={t('Bijhouden per aanbieder, nu')}
                rows={data.providers}
                rowKey={(p) => p.provider.id}
                empty={t('Nog geen aanbieders met beschikbaarheid.')}
                columns={[
                  { header: t('Aanbieder'), rowHeader: true, cell: (p) => p.provider.name },
                  { header: t('Regels'), numeric: true, cell: (p) => p.entries },
                  {
                    header: t('Verouderd'),
                    numeric: true,
                    cell: (p) =>
                      p.stale > 0 ? (
                        <TextLink to={`/beschikbaarheid/aanbod?aanbieder=${p.provider.id}&status=verouderd`}>
                          {t('{count} verouderd', { count: p.stale })}
                        </TextLink>
                      ) : (
                        0
                      ),
                  },
                  {
                    header: t('Actueel'),
                    numeric: true,
                    cell: (p) => {
                      const pct = share(p.entries - p.stale, p.entries);
                      return pct === null ? '—' : `${pct}%`;
                    },
                  },
                  {
                    header: t('Laatst bevestigd'),
                    cell: (p) => (p.lastConfirmedAt ? formatDateTime(p.lastConfirmedAt) : '—'),
                  },
                ]}
              />
              <h2 className="utrecht-heading-2">{t('Per maand')}</h2>
              <Table<ProviderRow>
                caption={t('Regels binnen de termijn bevestigd, aan het eind van elke maand')}
                rows={data.providers}
                rowKey={(p) => p.provider.id}
                empty={t('Nog geen aanbieders met beschikbaarheid.')}
                columns={[
                  { header: t('Aanbieder'), rowHeader: true, cell: (p) => p.provider.name },
                  ...months.map((month, i) => ({
                    header: monthLabel(month, lang),
                    numeric: true,
                    cell: (p: ProviderRow) => {
                      const m = p.months[i]!;
                      return m.entries === 0 ? '—' : t('{current} van {entries}', m);
                    },
                  })),
                ]}
              />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

import type { TierOverview } from '../../../server/modules/suppliers/index';
import { can } from '../../../shared/permissions';
import { TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { formatDate, formatDecimal, formatEuro, formatShare } from '../../lib/format';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { TierWeightsForm } from './tier-weights-form';

export type TierRow = TierOverview['providers'][number];

export const omvangLabels: Record<string, Msg> = { hoog: 'Hoog', midden: 'Midden', basis: 'Basis' };

/** The current levels in words: "Hoog, B" or "nog niet ingedeeld". */
export function currentText(t: (m: Msg) => string, row: TierRow): string {
  const parts = [...row.current.omvang.map((c) => (omvangLabels[c] ? t(omvangLabels[c]) : c)), ...row.current.rol];
  return parts.length ? parts.join(', ') : t('Nog niet ingedeeld');
}

/**
 * /aanbieders/indeling: per contracted provider the measures behind its suggested tier (share of the region's spend,
 * youths, lots, open signals over the last twelve months), the score with the region's weights, the suggestion and
 * the current tier; each provider's page confirms or overrides it with a reason.
 */
export function TiersPage() {
  const { t } = useT();
  const title = t('Indeling van aanbieders');
  useDocumentTitle(title);
  const user = useUser();
  const [state, reload] = useLoad((signal) => api<TierOverview>('/provider-tiers', { signal }), []);
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <Loaded state={state}>
        {(data) => (
          <>
            <p className="utrecht-paragraph">
              {t(
                'Een voorstel uit de cijfers van {from} tot en met {to}: aandeel in de uitgaven (weging {spendShare}), jeugdigen ({youths}), percelen ({lots}) en open signalen ({signals}), elk gedeeld door de hoogste in de regio. Vanaf score {hoog} hoog, vanaf {midden} midden. Een medewerker bevestigt of wijkt af, altijd met een reden.',
                {
                  from: formatDate(data.from),
                  to: formatDate(data.to),
                  ...Object.fromEntries(Object.entries(data.weights).map(([k, v]) => [k, number.format(v)])),
                },
              )}
            </p>
            <Table<TierRow>
              caption={t('Voorgestelde en huidige indeling per aanbieder')}
              rows={data.providers}
              rowKey={(p) => p.providerId}
              empty={t('Geen aanbieders met een lopend contract.')}
              columns={[
                {
                  header: t('Aanbieder'),
                  rowHeader: true,
                  cell: (p) => <TextLink to={`/aanbieders/${p.providerId}/indeling`}>{p.name}</TextLink>,
                },
                {
                  header: t('Aandeel uitgaven'),
                  numeric: true,
                  cell: (p) => formatShare(p.measures.spendShare),
                },
                {
                  header: t('Uitgaven'),
                  numeric: true,
                  cell: (p) => formatEuro(Math.round(p.measures.euros), { whole: true }),
                },
                { header: t('Jeugdigen'), numeric: true, cell: (p) => p.measures.youths },
                { header: t('Percelen'), numeric: true, cell: (p) => p.measures.lots },
                { header: t('Open signalen'), numeric: true, cell: (p) => p.measures.signals },
                { header: t('Score'), numeric: true, cell: (p) => formatDecimal(p.score, 2) },
                { header: t('Voorstel'), cell: (p) => t(omvangLabels[p.suggested]!) },
                {
                  header: t('Huidig'),
                  cell: (p) => (p.differs ? `${currentText(t, p)} (${t('wijkt af')})` : currentText(t, p)),
                },
              ]}
            />
            {can(user, 'tiers.edit') && <TierWeightsForm weights={data.weights} onSaved={reload} />}
          </>
        )}
      </Loaded>
    </>
  );
}

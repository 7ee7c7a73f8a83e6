import { useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { TextLink } from '../../components/button';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { DataList, Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useCodeList } from '../../lib/code-lists';
import { formatCount, formatDate, formatDateTime, formatEuro } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { ImportStatusBadge, messageTypeLabels, usePartyNames } from './exchange-parts';
import type { TrajectoryDetail } from './types';

const kindLabels: Record<string, Msg> = {
  verzoek: 'Verzoek om toewijzing',
  wijzigingsverzoek: 'Verzoek om wijziging',
  antwoord: 'Antwoord op verzoek',
  toewijzing: 'Toewijzing',
  start: 'Start zorg',
  stop: 'Stop zorg',
  declaratie: 'Declaratie',
};

/** "2025-03" → "maart 2025" in the page's language. */
function monthName(month: string, lang: 'nl' | 'en'): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year!, m! - 1, 1)),
  );
}

/** /trajecten/:id: one trajectory with the messages, declarations and contract behind it. */
export function TrajectoryDetailPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const readable = can(user, 'trajectories.read');
  const [state] = useLoad(
    (signal) =>
      readable ? api<TrajectoryDetail>(`/trajectories/${encodeURIComponent(id)}`, { signal }) : Promise.resolve(null),
    [id, readable],
  );
  if (!readable) return <ProblemPage error={forbidden(t, t('Uw rol mag de trajecten niet inzien.'))} />;
  return <Loaded state={state}>{(detail) => detail && <Detail detail={detail} />}</Loaded>;
}

function Detail({ detail }: { detail: TrajectoryDetail }) {
  const { t, lang } = useT();
  const user = useUser();
  const names = usePartyNames();
  const categories = useCodeList('JZ020');
  const endReasons = useCodeList('JZ588');
  const title = t('Traject van {client}', { client: detail.client });
  useDocumentTitle(title);
  const files = can(user, 'imports.read');
  const contracts = can(user, 'contracts.read');
  const products = can(user, 'products.read');
  const coded = (list: Array<{ code: string; name: string }>, code: string | null) =>
    code ? `${code}${list.find((e) => e.code === code) ? ` – ${list.find((e) => e.code === code)!.name}` : ''}` : '—';
  return (
    <div className="trajectory-page">
      <p className="utrecht-paragraph">
        <TextLink to="/trajecten">{t('Terug naar Trajecten')}</TextLink>
      </p>
      <h1 className="utrecht-heading-1">
        {t('Traject van')} <span className="pseudonym">{detail.client}</span>
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t('De cliënt staat hier alleen als pseudoniem; het inzien van dit traject wordt vastgelegd.')}
      </p>
      <DataList
        items={[
          [t('Gemeente'), names.municipality(detail.municipalityCode)],
          [t('Aanbieder'), names.party(detail.providerAgb)],
          [t('Geboortejaar'), detail.birthYear ?? '—'],
          [t('Toewijzingsnummer'), detail.allocationNumber ?? t('Taakgericht')],
          [
            t('Product'),
            detail.product ? (
              <span key="p">
                {products ? (
                  <TextLink to={`/producten/${detail.product.id}`}>
                    {detail.product.code} – {detail.product.name}
                  </TextLink>
                ) : (
                  `${detail.product.code} – ${detail.product.name}`
                )}
                {detail.product.withdrawn && ` (${t('ingetrokken')}: ${detail.product.withdrawn.reason})`}
              </span>
            ) : (
              `${detail.productCode ?? '—'} (${t('niet in het productenboek')})`
            ),
          ],
          [t('Productcategorie'), coded(categories, detail.productCategory)],
          [
            t('Contract'),
            detail.contract ? (
              <span key="c">
                {contracts ? (
                  <TextLink to={`/contracten/${detail.contract.id}`}>{detail.contract.reference}</TextLink>
                ) : (
                  detail.contract.reference
                )}
                {`, ${t('perceel')} ${detail.contract.lotCode} – ${detail.contract.lotName} (${formatDate(detail.contract.startDate)} – ${formatDate(detail.contract.endDate)})`}
                {detail.contract.throughCombination && ` ${t('via een combinatie')}`}
                {detail.contract.withdrawn && ` (${t('ingetrokken')}: ${detail.contract.withdrawn.reason})`}
              </span>
            ) : (
              t('Geen contract op de startdatum')
            ),
          ],
          [
            t('Toewijzing'),
            detail.allocationStart
              ? `${formatDate(detail.allocationStart)} – ${formatDate(detail.allocationEnd)}`
              : t('Taakgericht'),
          ],
          [t('Start'), formatDate(detail.startDate)],
          [t('Einde'), formatDate(detail.endDate)],
          [t('Reden einde'), coded(endReasons, detail.endReason)],
          [t('Gedeclareerd'), formatEuro(detail.declaredCents / 100)],
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Berichten')}</h2>
      <Table
        caption={t('De berichten achter dit traject, in de volgorde van verzenden')}
        rows={detail.messages}
        rowKey={(m) => `${m.fileId}-${m.kind}-${m.date}`}
        empty={t('Geen berichten gevonden.')}
        columns={[
          {
            header: t('Bericht'),
            rowHeader: true,
            cell: (m) => (
              <>
                {m.messageType}
                <span className="cell-note">
                  {t(kindLabels[m.kind] ?? messageTypeLabels[m.messageType] ?? 'Bericht')}
                </span>
              </>
            ),
          },
          { header: t('Datum'), cell: (m) => <span className="nowrap">{formatDate(m.date)}</span> },
          { header: t('Dagtekening'), cell: (m) => <span className="nowrap">{formatDate(m.messageDate)}</span> },
          { header: t('Ontvangen'), cell: (m) => <span className="nowrap">{formatDateTime(m.receivedAt)}</span> },
          {
            header: t('Bestand'),
            cell: (m) =>
              files ? (
                <TextLink className="file-name" to={`/berichten/bestanden/${m.fileId}`}>
                  {m.fileName}
                </TextLink>
              ) : (
                <span className="file-name">{m.fileName}</span>
              ),
          },
          {
            header: t('Retour'),
            cell: (m) => (
              <>
                <ImportStatusBadge status={m.fileStatus} />
                {m.receivedRetourCodes.length > 0 && (
                  <span className="cell-note">
                    {t('Retourcodes van de ontvanger: {codes}', { codes: m.receivedRetourCodes.join(', ') })}
                  </span>
                )}
                {!m.hasRetour && <span className="cell-note">{t('Geen retourbericht')}</span>}
              </>
            ),
          },
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Declaraties per maand')}</h2>
      <Table
        caption={t('Wat per maand is gedeclareerd (creditregels tellen negatief)')}
        rows={detail.declarations}
        rowKey={(m) => m.month}
        empty={t('Op dit traject is niets gedeclareerd.')}
        columns={[
          { header: t('Maand'), rowHeader: true, cell: (m) => monthName(m.month, lang) },
          { header: t('Volume'), numeric: true, cell: (m) => formatCount(m.volume, lang) },
          { header: t('Regels'), numeric: true, cell: (m) => formatCount(m.lines, lang) },
          {
            header: t('Bedrag'),
            numeric: true,
            cell: (m) => <span className="nowrap">{formatEuro(m.amountCents / 100)}</span>,
          },
        ]}
      />
    </div>
  );
}

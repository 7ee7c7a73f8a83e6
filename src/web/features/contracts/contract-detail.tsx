import { can } from '../../../shared/permissions';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { ButtonLink, TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { DataList, Table } from '../../components/table';
import { WithdrawForm, WithdrawnNotice } from '../../components/withdrawal';
import { api } from '../../lib/api-client';
import { readProvider, useUser } from '../../lib/auth';
import { formatDate, formatEuro } from '../../lib/format';
import { extensionStatusLabels, fundingVariantLabels, procedureLabels } from '../../lib/labels';
import type { Contract } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { ContractStatus } from './contract-list';

export function ContractDetailPage() {
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Contract>(`/contracts/${encodeURIComponent(id)}`, { signal }), [id]);
  return <Loaded state={state}>{(contract) => <ContractDetail contract={contract} />}</Loaded>;
}

function ContractDetail({ contract: loaded }: { contract: Contract }) {
  const { t } = useT();
  const [c, setContract] = useState(loaded);
  const user = useUser();
  const title = t('Contract {reference}', { reference: c.reference });
  // Budget ceilings and notes are contract management's; the API leaves them out for other readers.
  const terms = can(user, 'contracts.terms');
  useDocumentTitle(title);
  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{title}</h1>
        {can(user, 'contracts.edit') && !c.withdrawn && (
          <ButtonLink appearance="primary" to={`/contracten/${c.id}/bewerken`}>
            {t('Bewerken')}
          </ButtonLink>
        )}
      </div>
      <SavedNotice />
      {c.withdrawn && (
        <WithdrawnNotice
          withdrawn={c.withdrawn}
          path={`/contracts/${c.id}`}
          canEdit={can(user, 'contracts.edit')}
          onChange={setContract}
        />
      )}
      <DataList
        items={[
          [t('Kenmerk'), c.reference],
          [
            t('Aanbieder'),
            readProvider(user, c.providerId) ? (
              <TextLink to={`/aanbieders/${c.providerId}`}>{c.providerName}</TextLink>
            ) : (
              c.providerName
            ),
          ],
          [t('AGB-code'), c.providerAgbCode],
          [t('Combinatie'), c.combinationName ?? '—'],
          [t('Perceel'), `${c.lotCode} – ${c.lotName}`],
          [t('Startdatum'), formatDate(c.startDate, 'long')],
          [t('Einddatum'), formatDate(c.endDate, 'long')],
          [t('Einddatum met verlengingen'), formatDate(c.effectiveEndDate, 'long')],
          [t('Status'), <ContractStatus status={c.status} />],
          [t('Procedure'), t(procedureLabels[c.procedure])],
          [t('Uitvoeringsvariant'), t(fundingVariantLabels[c.fundingVariant])],
          ...(terms
            ? ([
                [t('Budgetplafond'), formatEuro(c.budgetCeiling)],
                [t('Toelichting'), c.notes ? <span className="preserve-lines">{c.notes}</span> : '—'],
              ] satisfies Array<[ReactNode, ReactNode]>)
            : []),
        ]}
      />
      <Table
        caption={t('Verlengingen')}
        rows={c.extensions}
        rowKey={(e) => e.id}
        empty={t('Geen verlengingen.')}
        columns={[
          { header: t('Nieuwe einddatum'), rowHeader: true, cell: (e) => formatDate(e.newEndDate) },
          { header: t('Status van de verlenging'), cell: (e) => t(extensionStatusLabels[e.status]) },
          { header: t('Uiterlijk besluiten op'), cell: (e) => formatDate(e.decideBy) },
          { header: t('Besluitdatum'), cell: (e) => formatDate(e.decidedOn) },
          ...(terms ? [{ header: t('Notitie'), cell: (e: (typeof c.extensions)[number]) => e.note ?? '—' }] : []),
        ]}
      />
      {can(user, 'contracts.edit') && !c.withdrawn && (
        <WithdrawForm path={`/contracts/${c.id}`} onChange={setContract} />
      )}
      <p className="utrecht-paragraph">
        <TextLink to="/contracten">{t('Terug naar de contracten')}</TextLink>
      </p>
    </>
  );
}

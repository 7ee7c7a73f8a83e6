import { can } from '../../../shared/permissions';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ButtonLink, TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { DataList, Table } from '../../components/table';
import { WithdrawForm, WithdrawnNotice } from '../../components/withdrawal';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate, formatEuro } from '../../lib/format';
import { fundingVariantLabels, intensityLabels, stayFormLabels } from '../../lib/labels';
import type { Product } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export function ProductDetailPage() {
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Product>(`/products/${encodeURIComponent(id)}`, { signal }), [id]);
  return <Loaded state={state}>{(product) => <ProductDetail product={product} />}</Loaded>;
}

function ProductDetail({ product: loaded }: { product: Product }) {
  const { t } = useT();
  const [p, setProduct] = useState(loaded);
  const user = useUser();
  const title = `${p.productCode} ${p.name}`;
  useDocumentTitle(title);
  const tariffs = [...p.tariffs].sort((a, b) => a.year - b.year);
  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{title}</h1>
        {can(user, 'products.edit') && !p.withdrawn && (
          <ButtonLink appearance="primary" to={`/producten/${p.id}/bewerken`}>
            {t('Bewerken')}
          </ButtonLink>
        )}
      </div>
      <SavedNotice />
      {p.withdrawn && (
        <WithdrawnNotice
          withdrawn={p.withdrawn}
          path={`/products/${p.id}`}
          canEdit={can(user, 'products.edit')}
          onChange={setProduct}
        />
      )}
      <DataList
        items={[
          [t('Productcode'), p.productCode],
          [t('Naam'), p.name],
          [t('Productcategorie'), `${p.productCategory} – ${p.productCategoryName}`],
          [t('Eenheid'), `${p.unit} – ${p.unitName}`],
          [t('Uitvoeringsvariant'), t(fundingVariantLabels[p.fundingVariant])],
          [t('Perceel'), p.lotName ?? '—'],
          [t('Met verblijf'), p.withStay ? t('Ja') : t('Nee')],
          ...(p.withStay
            ? [[t('Vorm van verblijf'), p.stayForm ? t(stayFormLabels[p.stayForm]) : '—'] as [string, string]]
            : []),
          [t('Intensiteit'), p.intensity ? t(intensityLabels[p.intensity]) : '—'],
          [t('Reisuren per fte per jaar'), p.travelHoursPerFte === null ? '—' : String(p.travelHoursPerFte)],
          [t('Geldig vanaf'), formatDate(p.validFrom, 'long')],
          [t('Geldig tot'), formatDate(p.validTo, 'long')],
        ]}
      />
      <Table
        caption={t('Tarieven')}
        rows={tariffs}
        rowKey={(tariff) => String(tariff.year)}
        empty={t('Geen tarieven vastgelegd.')}
        columns={[
          { header: t('Jaar'), rowHeader: true, cell: (tariff) => String(tariff.year) },
          { header: t('Tarief (€)'), numeric: true, cell: (tariff) => formatEuro(tariff.tariff) },
        ]}
      />
      {can(user, 'products.edit') && !p.withdrawn && <WithdrawForm path={`/products/${p.id}`} onChange={setProduct} />}
      <p className="utrecht-paragraph">
        <TextLink to="/producten">{t('Terug naar de producten')}</TextLink>
      </p>
    </>
  );
}

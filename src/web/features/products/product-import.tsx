import { DownloadLinks, ImportForm } from '../../components/import-parts';
import { useDocumentTitle } from '../../components/page-title';
import { toQuery } from '../../lib/api-client';
import { useRegion } from '../../lib/region';
import { useT } from '../../i18n';

/** /producten/inlezen: the product catalogue with its tariffs read from a spreadsheet, checked before it is stored. */
export function ProductImportPage() {
  const { t } = useT();
  const region = useRegion();
  useDocumentTitle(t('Producten inlezen'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Producten inlezen')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Lees producten met hun tarieven in uit een Excel-bestand: het sjabloon, of de export van de productenlijst. Een bekende productcode wijzigt dat product, een nieuwe voegt er een toe. Elke cel wordt gecontroleerd; klopt er één niet, dan wordt niets opgeslagen.',
        )}
      </p>
      <DownloadLinks
        label={t('Sjabloon producten')}
        href={(format) => `/api/v1/products/template${toQuery({ format })}`}
      />
      {region && <ImportForm path={`/products/import${toQuery({ regionId: region.id })}`} what={t('producten')} />}
    </>
  );
}

import { ImportForm } from '../../components/import-parts';
import { useDocumentTitle } from '../../components/page-title';
import { toQuery } from '../../lib/api-client';
import { useRegion } from '../../lib/region';
import { useT } from '../../i18n';

/** /contracten/inlezen: contracts with their extension options read from a two-sheet workbook, checked first. */
export function ContractImportPage() {
  const { t } = useT();
  const region = useRegion();
  useDocumentTitle(t('Contracten inlezen'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Contracten inlezen')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Lees contracten met hun verlengingsopties in uit een Excel-bestand met twee bladen, Contracten en Verlengingen: het sjabloon, of de Excel-export van de contractenlijst. Een bekend kenmerk wijzigt dat contract, een nieuw voegt er een toe. Klopt één cel niet, dan wordt niets opgeslagen.',
        )}
      </p>
      <ul className="plain-list dashboard-downloads">
        <li>
          <a className="utrecht-link utrecht-link--html-a" href="/api/v1/contracts/template" download>
            {t('Sjabloon contracten (Excel)')}
          </a>
        </li>
      </ul>
      {region && <ImportForm path={`/contracts/import${toQuery({ regionId: region.id })}`} what={t('contracten')} />}
    </>
  );
}

import { ImportForm } from '../../components/import-parts';
import { useDocumentTitle } from '../../components/page-title';
import { useT } from '../../i18n';

/** /aanbieders/inlezen: providers with their locations read from a two-sheet workbook, checked before they are stored. */
export function ProviderImportPage() {
  const { t } = useT();
  useDocumentTitle(t('Aanbieders inlezen'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Aanbieders inlezen')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Lees aanbieders met hun locaties in uit een Excel-bestand met twee bladen, Aanbieders en Locaties. Een bekende AGB-code wijzigt die aanbieder, een nieuwe voegt er een toe. Klopt één cel niet, dan wordt niets opgeslagen.',
        )}
      </p>
      <ul className="plain-list dashboard-downloads">
        <li>
          <a className="utrecht-link utrecht-link--html-a" href="/api/v1/providers/template" download>
            {t('Sjabloon aanbieders (Excel)')}
          </a>
        </li>
        <li>
          <a className="utrecht-link utrecht-link--html-a" href="/api/v1/providers/template?current=true" download>
            {t('De huidige aanbieders met locaties (Excel)')}
          </a>
        </li>
      </ul>
      <ImportForm path="/providers/import?" what={t('aanbieders')} />
    </>
  );
}

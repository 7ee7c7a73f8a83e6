import { ImportForm } from '../../components/import-parts';
import { toQuery } from '../../lib/api-client';
import { useT } from '../../i18n';

/** A whole budget table read from XLSX: the template of a year, then check, preview and store, all or nothing. */
export function BudgetImport({ regionId, year, onApplied }: { regionId: string; year: number; onApplied(): void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="budget-inlezen">
      <h2 id="budget-inlezen" className="utrecht-heading-2">
        {t('Budgettabel inlezen')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Een rij per gemeente en jaar, een kolom per begrotingspost; een lege cel laat het budget zoals het is. Klopt één cel niet, dan wordt niets opgeslagen.',
        )}{' '}
        <a
          className="utrecht-link utrecht-link--html-a"
          href={`/api/v1/budgets/template${toQuery({ regionId, year, format: 'xlsx' })}`}
          download
        >
          {t('Sjabloon budgetten {year} (Excel)', { year })}
        </a>
      </p>
      <ImportForm path={`/budgets/import${toQuery({ regionId })}`} what={t('budgetten')} onApplied={onApplied} />
    </section>
  );
}

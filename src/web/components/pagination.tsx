import { Link } from 'react-router';
import { useT } from '../i18n';

/** Previous/next links with "Pagina X van Y"; the links keep the current filters in the URL. A link
 * that would lead nowhere is left out rather than greyed out (greyed text fails the contrast rule). */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor(page: number): string }) {
  const { t } = useT();
  if (totalPages <= 1) return <p className="utrecht-paragraph pagination-status">{t('Pagina {page} van {total}', { page, total: Math.max(totalPages, 1) })}</p>;
  return (
    <nav className="utrecht-pagination utrecht-pagination--distanced pagination" aria-label={t('Paginering')}>
      {page > 1 && <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" rel="prev" to={hrefFor(page - 1)}>{t('Vorige')}</Link>}
      <span className="pagination-status" aria-current="page">{t('Pagina {page} van {total}', { page, total: totalPages })}</span>
      {page < totalPages && <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" rel="next" to={hrefFor(page + 1)}>{t('Volgende')}</Link>}
    </nav>
  );
}

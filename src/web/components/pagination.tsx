import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatCount } from '../lib/format';
import type { LoadState } from '../lib/use-load';
import { useT } from '../i18n';

/** Previous/next links with "Pagina X van Y"; the links keep the current filters in the URL. A link
 * that would lead nowhere is left out rather than greyed out (greyed text fails the contrast rule). */
export function Pagination({
  page,
  totalPages,
  hrefFor,
}: {
  page: number;
  totalPages: number;
  hrefFor(page: number): string;
}) {
  const { t, lang } = useT();
  const status = t('Pagina {page} van {total}', {
    page: formatCount(page, lang),
    total: formatCount(Math.max(totalPages, 1), lang),
  });
  if (totalPages <= 1) return <p className="utrecht-paragraph pagination-status">{status}</p>;
  return (
    <nav className="utrecht-pagination utrecht-pagination--distanced pagination" aria-label={t('Paginering')}>
      {page > 1 && (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
          rel="prev"
          to={hrefFor(page - 1)}
        >
          {t('Vorige')}
        </Link>
      )}
      <span className="pagination-status" aria-current="page">
        {status}
      </span>
      {page < totalPages && (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
          rel="next"
          to={hrefFor(page + 1)}
        >
          {t('Volgende')}
        </Link>
      )}
    </nav>
  );
}

/**
 * A page number past the last page (an old bookmark to a list that has since shrunk, a hand-typed ?pagina=999)
 * would show "Pagina 999 van 107" over an empty table. The API answers such a page with no rows; this replaces
 * the URL with the last page instead, and reports the list as loading until that page is in, so the count in
 * the caption never stands above an empty table. Other states pass through unchanged.
 */
export function useClampToLastPage<T extends { page: { number: number; totalPages: number } }>(
  state: LoadState<T>,
  hrefFor: (page: number) => string,
): LoadState<T> {
  const navigate = useNavigate();
  const page = state.status === 'ok' ? state.data.page : null;
  // The target as a string: hrefFor is a new function on every render, the target only changes with the list.
  const target = page && page.number > Math.max(page.totalPages, 1) ? hrefFor(Math.max(page.totalPages, 1)) : null;
  useEffect(() => {
    if (target !== null) void navigate(target, { replace: true });
  }, [target, navigate]);
  return target === null ? state : { status: 'loading' };
}

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
  numbered = true,
}: {
  page: number;
  totalPages: number;
  hrefFor(page: number): string;
  /** Links to the first and last page and to the pages around this one (1 … 4 5 6 … 480); off: "Pagina X van Y". */
  numbered?: boolean;
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
      {numbered ? (
        <>
          <PageNumbers page={page} totalPages={totalPages} hrefFor={hrefFor} />
          <span className="pagination-status">{status}</span>
        </>
      ) : (
        <span className="pagination-status" aria-current="page">
          {status}
        </span>
      )}
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

/** The first and last page and two on either side of the current one, with "…" for the pages left out. */
export function pageWindow(page: number, totalPages: number): Array<number | 'gap'> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalPages])]
    .filter((p) => p >= 1 && p <= totalPages)
    .sort((a, b) => a - b);
  // A gap of one page shows that page instead: "…" would take as much room.
  return shown.flatMap((p, i) => {
    const skipped = i > 0 ? p - shown[i - 1]! - 1 : 0;
    return skipped === 0 ? [p] : skipped === 1 ? [p - 1, p] : (['gap', p] as const);
  });
}

function PageNumbers({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor(p: number): string }) {
  const { t, lang } = useT();
  return (
    <ol className="pagination__numbers">
      {pageWindow(page, totalPages).map((p, i) =>
        p === 'gap' ? (
          <li key={`gap-${i}`} aria-hidden="true">
            …
          </li>
        ) : (
          <li key={p}>
            {p === page ? (
              <span className="pagination__current" aria-current="page">
                <span className="visually-hidden">{t('Pagina')} </span>
                {formatCount(p, lang)}
              </span>
            ) : (
              // A label, not hidden text inside the link: the hidden text made the link's box miss its number.
              <Link className="utrecht-link" to={hrefFor(p)} aria-label={`${t('Pagina')} ${formatCount(p, lang)}`}>
                {formatCount(p, lang)}
              </Link>
            )}
          </li>
        ),
      )}
    </ol>
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

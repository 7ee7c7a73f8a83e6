import { useSearchParams } from 'react-router';

/**
 * List filters, the sort order and the page number live in the URL (?q=…&sorteer=-naam&pagina=2), so a filtered list can be bookmarked,
 * shared and reached again with the back button.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const sort = params.get('sorteer') ?? '';

  const search = (next: Record<K, string>, nextPage?: number, nextSort = sort) => {
    const result = new URLSearchParams();
    for (const key of keys) if (next[key]) result.set(key, next[key]);
    if (nextSort) result.set('sorteer', nextSort);
    if (nextPage && nextPage > 1) result.set('pagina', String(nextPage));
    return result;
  };

  return {
    values,
    page,
    /** Changes the filters and starts again at page 1. */
    apply: (next: Record<K, string>) => setParams(search(next)),
    hrefFor: (p: number) => `?${search(values, p).toString()}`,
    /** The column the server sorts by ("startDate", or "-startDate" for descending), "" for the list's own order. */
    sort,
    /** The list sorted by `key`, from page 1: ascending first, descending when it already is ascending. */
    sortHref: (key: string) => `?${search(values, 1, sort === key ? `-${key}` : key).toString()}`,
    /** Changes whenever the URL does; used as a React key so the filter form follows back/forward. */
    key: params.toString(),
  };
}

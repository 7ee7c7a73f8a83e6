import { useSearchParams } from 'react-router';

/**
 * List filters and the page number live in the URL (?q=…&pagina=2), so a filtered list can be bookmarked,
 * shared and reached again with the back button.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);

  const search = (next: Record<K, string>, nextPage?: number) => {
    const result = new URLSearchParams();
    for (const key of keys) if (next[key]) result.set(key, next[key]);
    if (nextPage && nextPage > 1) result.set('pagina', String(nextPage));
    return result;
  };

  return {
    values,
    page,
    /** Changes the filters and starts again at page 1. */
    apply: (next: Record<K, string>) => setParams(search(next)),
    hrefFor: (p: number) => `?${search(values, p).toString()}`,
    /** Changes whenever the URL does; used as a React key so the filter form follows back/forward. */
    key: params.toString(),
  };
}

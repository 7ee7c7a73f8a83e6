import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api-client';
import { can } from '../../shared/permissions';
import { useUser } from './auth';
import type { Region, User } from './types';
import type { LoadState } from './use-load';

interface RegionContextValue {
  state: LoadState<Region | null>;
  /** Reads the region again (after /regio added a lot or a tier level) and resolves once every page sees it. */
  refresh(): Promise<void>;
}

const RegionContext = createContext<RegionContextValue>({
  state: { status: 'loading' },
  refresh: async () => undefined,
});

/**
 * The whole frame for those who may read it; for everyone else only the names and codes their filters and forms
 * need (no budget lines, no tiers). Either way the user's own region, or null when the account has none.
 */
async function loadRegion(user: User, signal?: AbortSignal): Promise<Region | null> {
  const init = signal ? { signal } : {};
  if (can(user, 'regions.read')) return (await api<{ data: Region[] }>('/regions', init)).data[0] ?? null;
  try {
    const reference = await api<Pick<Region, 'id' | 'code' | 'name' | 'municipalities' | 'lots'>>(
      '/regions/current/reference',
      init,
    );
    return { ...reference, budgetLines: [], tierLevels: [] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ type: 'about:blank', title: 'Fout', status: 0, code: 'client', detail: String(error) });
}

/** Loads the user's region once (municipalities, lots, budget lines, tier levels) for headers and forms. */
export function RegionProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [state, setState] = useState<LoadState<Region | null>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    loadRegion(user, controller.signal)
      .then((data) => setState({ status: 'ok', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, [user]);
  const refresh = useCallback(async () => {
    const data = await loadRegion(user);
    setState({ status: 'ok', data });
  }, [user]);
  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

export function useRegionState(): LoadState<Region | null> {
  return useContext(RegionContext).state;
}

export function useRegionRefresh(): () => Promise<void> {
  return useContext(RegionContext).refresh;
}

/** The region, or null while it loads or when there is none. */
export function useRegion(): Region | null {
  const { state } = useContext(RegionContext);
  return state.status === 'ok' ? state.data : null;
}

/**
 * The rows a form may offer: a retired municipality, lot or budget line stays in history and in filters, but is no
 * longer chosen for something new. The value a record already has stays choosable, so editing it changes nothing.
 */
export function inUse<T extends { retired?: boolean }>(rows: T[], current?: (row: T) => boolean): T[] {
  return rows.filter((row) => !row.retired || (current?.(row) ?? false));
}

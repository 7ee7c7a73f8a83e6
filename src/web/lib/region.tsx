import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api-client';
import type { Region } from './types';
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

async function loadRegion(signal?: AbortSignal): Promise<Region | null> {
  return (await api<{ data: Region[] }>('/regions', signal ? { signal } : {})).data[0] ?? null;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ type: 'about:blank', title: 'Fout', status: 0, code: 'client', detail: String(error) });
}

/** Loads the user's region once (municipalities, lots, budget lines, tier levels) for headers and forms. */
export function RegionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<LoadState<Region | null>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    loadRegion(controller.signal)
      .then((data) => setState({ status: 'ok', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, []);
  const refresh = useCallback(async () => {
    const data = await loadRegion();
    setState({ status: 'ok', data });
  }, []);
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

import { createContext, useContext, type ReactNode } from 'react';
import { api } from './api-client';
import type { Region } from './types';
import { useLoad, type LoadState } from './use-load';

const RegionContext = createContext<LoadState<Region | null>>({ status: 'loading' });

/** Loads the user's region once (municipalities, lots, budget lines, tier levels) for headers and forms. */
export function RegionProvider({ children }: { children: ReactNode }) {
  const [state] = useLoad(async (signal) => (await api<{ data: Region[] }>('/regions', { signal })).data[0] ?? null, []);
  return <RegionContext.Provider value={state}>{children}</RegionContext.Provider>;
}

export function useRegionState(): LoadState<Region | null> {
  return useContext(RegionContext);
}

/** The region, or null while it loads or when there is none. */
export function useRegion(): Region | null {
  const state = useContext(RegionContext);
  return state.status === 'ok' ? state.data : null;
}

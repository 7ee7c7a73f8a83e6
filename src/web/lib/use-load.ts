import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from './api-client';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `refreshing`: the data shown are the previous answer while a new one loads (show it, e.g. aria-busy). */
  | { status: 'ok'; data: T; refreshing?: boolean };

/**
 * Runs a loader when its dependencies change and cancels the previous run, so a slow answer for an old
 * filter can never overwrite the answer for the current one.
 */
export function useLoad<T>(loader: (signal: AbortSignal) => Promise<T>, deps: DependencyList): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.status === 'ok' ? { ...previous, refreshing: true } : { status: 'loading' }));
    loader(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError
          ? error
          : new ApiError({ type: 'about:blank', title: 'Fout', status: 0, code: 'client', detail: String(error) });
        setState({ status: 'error', error: apiError });
      });
    return () => controller.abort();
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [state, reload];
}

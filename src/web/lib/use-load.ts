import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './api-client';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `refreshing`: the data shown are the previous answer while a new one loads (show it, e.g. aria-busy). */
  | { status: 'ok'; data: T; refreshing?: boolean };

/**
 * Runs a loader when its dependencies change and cancels the previous run, so a slow answer for an old
 * filter can never overwrite the answer for the current one.
 *
 * `reload()` keeps the data shown (marked `refreshing`) until the new answer is in: it is the same view.
 * A change of dependencies is a different view; its old data stay only with `keepPrevious` (a list whose
 * search changed shows its old rows, busy), otherwise the state goes back to `loading`, so a page never shows
 * data under a heading or caption that belongs to the new dependencies.
 */
export function useLoad<T>(
  loader: (signal: AbortSignal) => Promise<T>, deps: DependencyList, options: { keepPrevious?: boolean } = {},
): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const lastRound = useRef(round);

  useEffect(() => {
    const controller = new AbortController();
    const keep = options.keepPrevious || lastRound.current !== round;
    lastRound.current = round;
    setState((previous) => (keep && previous.status === 'ok' ? { ...previous, refreshing: true } : { status: 'loading' }));
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

import { useCallback, useEffect, useMemo, useRef, useState, type DependencyList } from 'react';
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
  loader: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: { keepPrevious?: boolean } = {},
): [LoadState<T>, () => void] {
  // A new object whenever the dependencies change: the state remembers which dependencies its data answer.
  const view = useMemo(() => ({}), deps);
  const [state, setState] = useState<{ load: LoadState<T>; view: object }>({ load: { status: 'loading' }, view });
  const [round, setRound] = useState(0);
  const lastRound = useRef(round);

  useEffect(() => {
    const controller = new AbortController();
    const keep = options.keepPrevious || lastRound.current !== round;
    lastRound.current = round;
    setState((previous) => ({
      view,
      load: keep && previous.load.status === 'ok' ? { ...previous.load, refreshing: true } : { status: 'loading' },
    }));
    loader(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ view, load: { status: 'ok', data } });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError({ type: 'about:blank', title: 'Fout', status: 0, code: 'client', detail: String(error) });
        setState({ view, load: { status: 'error', error: apiError } });
      });
    return () => controller.abort();
  }, [view, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  // The render in which the dependencies changed comes before the effect above: it must not show the old
  // answer as the new view's (a caption for one grouping over rows of another).
  if (state.view !== view) {
    return [
      options.keepPrevious && state.load.status === 'ok' ? { ...state.load, refreshing: true } : { status: 'loading' },
      reload,
    ];
  }
  return [state.load, reload];
}

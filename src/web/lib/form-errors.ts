import { useCallback, useMemo, useState } from 'react';
import { ApiError, type InvalidParam } from './api-client';

export interface FormErrorState {
  params: InvalidParam[];
  general: string | null;
  /** Bumped on every failed submit, so the summary takes focus again even when the messages repeat. */
  round: number;
}

export interface FormErrors extends FormErrorState {
  /** Takes any failure of a submit: field messages from a 400/409 problem, otherwise one general message. */
  fail(error: unknown): void;
  /** Client-side messages (only for input the API cannot receive at all, such as "abc" as an amount). */
  failWith(params: InvalidParam[]): void;
  clear(): void;
  /** The message for exactly this field path. */
  of(name: string): string | undefined;
  /** The message for a group: the path itself or one of its items ("specialisations.3"). */
  ofGroup(name: string): string | undefined;
  hasAny: boolean;
}

const empty: FormErrorState = { params: [], general: null, round: 0 };

/**
 * The state of one form's errors. With a prefix ("perceel"), field names become "perceel-code", the ids of
 * that form's fields, so several forms on one page can each have a "code" field. of() takes the bare name.
 */
export function useFormErrors(prefix?: string): FormErrors {
  const [state, setState] = useState<FormErrorState>(empty);
  const rename = useCallback(
    (params: InvalidParam[]) => (prefix ? params.map((p) => ({ ...p, name: `${prefix}-${p.name}` })) : params),
    [prefix],
  );

  const fail = useCallback(
    (error: unknown) => {
      setState((previous) => {
        if (error instanceof ApiError) {
          const params = rename(error.invalidParams);
          return {
            params,
            general: params.length ? null : (error.problem.detail ?? error.problem.title),
            round: previous.round + 1,
          };
        }
        return {
          params: [],
          general: error instanceof Error ? error.message : String(error),
          round: previous.round + 1,
        };
      });
    },
    [rename],
  );
  const failWith = useCallback(
    (params: InvalidParam[]) => setState((p) => ({ params: rename(params), general: null, round: p.round + 1 })),
    [rename],
  );
  const clear = useCallback(() => setState((p) => ({ ...empty, round: p.round })), []);

  return useMemo(() => {
    const join = (list: InvalidParam[]) => (list.length ? list.map((p) => p.reason).join(' ') : undefined);
    const full = (name: string) => (prefix ? `${prefix}-${name}` : name);
    return {
      ...state,
      fail,
      failWith,
      clear,
      of: (name: string) => join(state.params.filter((p) => p.name === full(name))),
      ofGroup: (bare: string) => {
        const name = full(bare);
        return join(
          state.params.filter(
            (p) => p.name === name || (p.name.startsWith(`${name}.`) && /^\d+$/.test(p.name.slice(name.length + 1))),
          ),
        );
      },
      hasAny: state.params.length > 0 || state.general !== null,
    };
  }, [state, fail, failWith, clear, prefix]);
}

/**
 * Names a field path for the error summary: "locations.0.postcode" becomes "Locatie 1, Postcode".
 * labels holds top-level names ("agbCode") and item fields as "locations.postcode" or "questions.text.nl".
 */
export function labelField(labels: Record<string, string>, name: string): string {
  const [head = name, index, ...rest] = name.split('.');
  const field = rest.join('.');
  if (index !== undefined && /^\d+$/.test(index)) {
    const item = `${labels[`${head}.item`] ?? labels[head] ?? head} ${Number(index) + 1}`;
    return field ? `${item}, ${labels[`${head}.${field}`] ?? field}` : item;
  }
  return labels[name] ?? labels[head] ?? name;
}

/** Moves focus to a field named in the summary; groups and rows focus their first control. */
export function focusField(name: string): void {
  const parts = name.split('.');
  while (parts.length) {
    const element = document.getElementById(parts.join('.'));
    if (element) {
      const target = element.matches('input, select, textarea, button')
        ? element
        : element.querySelector<HTMLElement>('input, select, textarea, button');
      (target ?? element).focus();
      (target ?? element).scrollIntoView({ block: 'center' });
      return;
    }
    parts.pop();
  }
}

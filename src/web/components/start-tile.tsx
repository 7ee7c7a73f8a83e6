import { useId, type ReactNode } from 'react';
import type { LoadState } from '../lib/use-load';
import { useT } from '../i18n';

/**
 * One block of the start page: a heading, the work or figures under it, and the way to the page behind it.
 * A block whose load fails says so in itself, so one refused or broken block never hides the others.
 */
export function StartTile<T>({
  title,
  state,
  children,
}: {
  title: ReactNode;
  /** Omitted for a block that loads nothing. */
  state?: LoadState<T>;
  children(data: T | undefined): ReactNode;
}) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section className="start-tile" aria-labelledby={headingId} aria-busy={state?.status === 'loading'}>
      <h2 id={headingId} className="utrecht-heading-2 start-tile__heading">
        {title}
      </h2>
      {state?.status === 'loading' && <p className="utrecht-paragraph">{t('Laden…')}</p>}
      {state?.status === 'error' && (
        <p className="utrecht-paragraph">
          {t('Dit overzicht kon niet worden geladen: {detail}', { detail: state.error.message })}
        </p>
      )}
      {(!state || state.status === 'ok') && children(state?.status === 'ok' ? state.data : undefined)}
    </section>
  );
}

/** The big number at the top of a block, with what it counts. */
export function TileCount({ count, label }: { count: string; label: string }) {
  return (
    <p className="start-tile__count">
      <span className="start-tile__number">{count}</span> {label}
    </p>
  );
}

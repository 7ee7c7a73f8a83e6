import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api-client';
import type { LoadState } from '../lib/use-load';
import { useT } from '../i18n';
import { useDocumentTitle } from './page-title';
import { TextLink } from './button';

export function Loading() {
  const { t } = useT();
  return (
    <p className="utrecht-paragraph" role="status">
      {t('Laden…')}
    </p>
  );
}

/** A whole page for a failed load: 403 "Geen toegang", 404 "Niet gevonden", otherwise a general error. */
export function ProblemPage({ error }: { error: ApiError }) {
  const { t } = useT();
  // A malformed id in the address (400 on the "id" parameter) is, for the user, a page that does not exist.
  const missing = error.status === 404 || (error.status === 400 && error.invalidParams.some((p) => p.name === 'id'));
  const title = error.status === 403 ? t('Geen toegang') : missing ? t('Niet gevonden') : t('Er ging iets mis');
  useDocumentTitle(title);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{error.problem.detail ?? error.problem.title}</p>
      <p className="utrecht-paragraph">
        <TextLink to="/">{t('Naar het overzicht')}</TextLink>
      </p>
    </>
  );
}

/** Renders the loaded data, a loading message, or the problem page. */
export function Loaded<T>({ state, children }: { state: LoadState<T>; children(data: T): ReactNode }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemPage error={state.error} />;
  return <>{children(state.data)}</>;
}

/** For list pages: the problem page when the list itself is refused or missing, else null. */
export function pageProblem(state: LoadState<unknown>): ReactNode {
  return state.status === 'error' ? <ProblemPage error={state.error} /> : null;
}

export function NotFoundPage() {
  const { t } = useT();
  useDocumentTitle(t('Niet gevonden'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Niet gevonden')}</h1>
      <p className="utrecht-paragraph">{t('Deze pagina bestaat niet.')}</p>
      <p className="utrecht-paragraph">
        <TextLink to="/">{t('Naar het overzicht')}</TextLink>
      </p>
    </>
  );
}

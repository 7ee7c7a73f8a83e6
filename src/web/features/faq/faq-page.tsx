import { useEffect, useRef } from 'react';
import { can } from '../../../shared/permissions';
import { ButtonLink, TextLink } from '../../components/button';
import { FilterForm } from '../../components/filter-form';
import { SelectField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export interface FaqEntry {
  id: string;
  theme: string;
  question: string;
  answer: string;
  publishedAt: string | null;
  changedAt: string | null;
  since: 'new' | 'changed' | null;
}
export interface FaqList {
  entries: FaqEntry[];
  themes: string[];
  previousVisit: string | null;
}

/**
 * /veelgestelde-vragen: the region's questions and answers for providers, by theme, searchable; what is new or
 * changed since the reader's previous visit is marked, and the visit is recorded once the page has shown it. The
 * backoffice also sees concepts and writes the entries.
 */
export function FaqPage() {
  const { t } = useT();
  const user = useUser();
  const title = t('Veelgestelde vragen');
  useDocumentTitle(title);
  const filters = useFilters(['zoek', 'thema'] as const);
  // The visit before this one: recorded once the page has shown the list, so while the reader searches, the list
  // keeps comparing with the visit before (since=).
  const previous = useRef<string | null | undefined>(undefined);
  const query = new URLSearchParams();
  if (filters.values.zoek) query.set('search', filters.values.zoek);
  if (filters.values.thema) query.set('theme', filters.values.thema);
  if (previous.current) query.set('since', previous.current);
  const [state] = useLoad((signal) => api<FaqList>(`/faq?${query}`, { signal }), [query.toString()]);
  useEffect(() => {
    if (state.status !== 'ok' || previous.current !== undefined) return;
    previous.current = state.data.previousVisit;
    void api('/faq/visits', { method: 'POST' }).catch(() => undefined);
  }, [state]);

  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{title}</h1>
        {can(user, 'faq.manage') && (
          <ButtonLink appearance="primary" to="/veelgestelde-vragen/nieuw">
            {t('Nieuwe vraag')}
          </ButtonLink>
        )}
      </div>
      <SavedNotice />
      <p className="utrecht-paragraph">
        {t('Vragen van aanbieders en de antwoorden van de regio, over declareren, toewijzingen, het contract en meer.')}
      </p>
      <Loaded state={state}>
        {(data) => {
          const fresh = data.entries.filter((e) => e.since).length;
          const themes = [...new Set(data.entries.map((e) => e.theme))];
          return (
            <>
              {data.previousVisit && (
                <p className="utrecht-paragraph">
                  {t('Nieuw of gewijzigd sinds uw vorige bezoek op {date}: {count}.', {
                    date: formatDate(data.previousVisit),
                    count: fresh,
                  })}
                </p>
              )}
              <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
                {(draft, set) => (
                  <>
                    <TextField
                      id="zoek"
                      type="search"
                      label={t('Zoeken')}
                      description={t('Woorden uit de vraag of het antwoord')}
                      value={draft.zoek}
                      onChange={(v) => set('zoek', v)}
                    />
                    <SelectField
                      id="thema"
                      label={t('Thema')}
                      placeholder={t('Alle thema’s')}
                      options={data.themes.map((th) => ({ value: th, label: th }))}
                      value={draft.thema}
                      onChange={(v) => set('thema', v)}
                    />
                  </>
                )}
              </FilterForm>
              {data.entries.length === 0 && (
                <p className="utrecht-paragraph" role="status">
                  {t('Geen vragen gevonden.')}
                </p>
              )}
              {themes.map((theme) => (
                <section key={theme} className="faq-theme" aria-labelledby={`thema-${slug(theme)}`}>
                  <h2 id={`thema-${slug(theme)}`} className="utrecht-heading-2">
                    {theme}
                  </h2>
                  {data.entries
                    .filter((e) => e.theme === theme)
                    .map((e) => (
                      <FaqItem key={e.id} entry={e} editable={can(user, 'faq.manage')} />
                    ))}
                </section>
              ))}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function FaqItem({ entry, editable }: { entry: FaqEntry; editable: boolean }) {
  const { t } = useT();
  const badge = !entry.publishedAt
    ? { text: t('Concept'), kind: 'inactive' }
    : entry.since === 'new'
      ? { text: t('Nieuw'), kind: 'active' }
      : entry.since === 'changed'
        ? { text: t('Gewijzigd'), kind: 'active' }
        : null;
  return (
    <article className="faq-entry">
      <h3 className="utrecht-heading-3">
        {entry.question}
        {badge && (
          <>
            {' '}
            <span className={`utrecht-status-badge utrecht-status-badge--${badge.kind}`}>{badge.text}</span>
          </>
        )}
      </h3>
      {entry.answer.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className="utrecht-paragraph">
          {paragraph}
        </p>
      ))}
      <p className="utrecht-paragraph faq-entry__dates">
        {entry.publishedAt
          ? entry.changedAt
            ? t('Gepubliceerd {published}, gewijzigd {changed}', {
                published: formatDate(entry.publishedAt),
                changed: formatDate(entry.changedAt),
              })
            : t('Gepubliceerd {published}', { published: formatDate(entry.publishedAt) })
          : t('Nog niet gepubliceerd')}
        {editable && (
          <>
            {' · '}
            <TextLink to={`/veelgestelde-vragen/${entry.id}`}>
              {t('Wijzigen')}
              <span className="visually-hidden">: {entry.question}</span>
            </TextLink>
          </>
        )}
      </p>
    </article>
  );
}

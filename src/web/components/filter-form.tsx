import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button } from './button';

/**
 * The search and filter bar above a list. Changes apply on submit (Enter or "Zoeken"), never while
 * typing, so keyboard and screen-reader users are not surprised by a list that changes under them.
 */
export function FilterForm<K extends string>({
  initial,
  onApply,
  children,
}: {
  initial: Record<K, string>;
  onApply(values: Record<K, string>): void;
  children(draft: Record<K, string>, set: (key: K, value: string) => void): ReactNode;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState(initial);
  const set = (key: K, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty = Object.fromEntries(Object.keys(draft).map((k) => [k, ''])) as Record<K, string>;
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form role="search" className="filter-form" onSubmit={submit} noValidate>
      <div className="filter-form__fields">{children(draft, set)}</div>
      <div className="filter-form__actions">
        <Button type="submit" appearance="secondary">
          {t('Zoeken')}
        </Button>
        {Object.values(initial).some(Boolean) && (
          <Button appearance="subtle" onClick={clear}>
            {t('Filters wissen')}
          </Button>
        )}
      </div>
    </form>
  );
}

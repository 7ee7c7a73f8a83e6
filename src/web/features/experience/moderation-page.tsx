import { useState } from 'react';
import type { PendingText } from '../../../shared/experience-results';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

/**
 * /ervaringwijzer/open-antwoorden: the contract manager's queue of open answers as they were written. Each is edited
 * (names and identifying details out) and published, or rejected; only then does anyone else see it, in the results.
 */
export function ModerationPage() {
  const { t } = useT();
  const title = t('Open antwoorden beoordelen');
  useDocumentTitle(title);
  const [state, reload] = useLoad((signal) => api<PendingText[]>('/open-answers', { signal }), []);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'Alleen u ziet deze antwoorden zoals ze geschreven zijn. Haal namen en herkenbare details weg en publiceer, of wijs af. Pas daarna staan ze bij de uitkomsten, bij een aanbieder alleen de eigen.',
        )}
      </p>
      {done && <Alert type="ok">{done}</Alert>}
      <Loaded state={state}>
        {(items) =>
          items.length ? (
            <ol className="utrecht-ordered-list">
              {items.map((item) => (
                <li key={item.id}>
                  <Moderate
                    item={item}
                    onDone={(message) => {
                      setDone(message);
                      reload();
                    }}
                  />
                </li>
              ))}
            </ol>
          ) : (
            <p className="utrecht-paragraph">{t('Er wachten geen open antwoorden.')}</p>
          )
        }
      </Loaded>
    </>
  );
}

function Moderate({ item, onDone }: { item: PendingText; onDone: (message: string) => void }) {
  const { t } = useT();
  const errors = useFormErrors(`antwoord-${item.id}`);
  const [text, setText] = useState(item.text);
  const [busy, setBusy] = useState(false);
  const heading = t('{provider}, productcategorie {category}, {month}', {
    provider: item.providerName,
    category: item.productCategory,
    month: item.month,
  });

  async function decide(decision: 'publiceren' | 'afwijzen') {
    setBusy(true);
    try {
      await api(`/open-answers/${item.id}/moderation`, {
        method: 'PUT',
        body: decision === 'publiceren' ? { decision, text } : { decision },
      });
      errors.clear();
      onDone(decision === 'publiceren' ? t('Het antwoord is gepubliceerd.') : t('Het antwoord is afgewezen.'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label={heading}>
      <h2 className="utrecht-heading-3">{heading}</h2>
      <ErrorSummary errors={errors} labels={{ [`antwoord-${item.id}-text`]: t('Tekst om te publiceren') }} />
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form">
        <TextAreaField
          id={`antwoord-${item.id}-text`}
          label={t('Tekst om te publiceren')}
          value={text}
          onChange={setText}
          rows={4}
          error={errors.of('text')}
        />
        <ButtonGroup>
          <Button type="button" appearance="primary" disabled={busy} onClick={() => void decide('publiceren')}>
            {t('Publiceren')}
          </Button>
          <Button type="button" appearance="secondary" disabled={busy} onClick={() => void decide('afwijzen')}>
            {t('Afwijzen')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

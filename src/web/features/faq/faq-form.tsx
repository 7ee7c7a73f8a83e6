import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxField, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded, NotFoundPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import type { FaqEntry, FaqList } from './faq-page';

const labels: Record<string, Msg> = { theme: 'Thema', question: 'Vraag', answer: 'Antwoord', published: 'Publiceren' };

/** /veelgestelde-vragen/nieuw */
export function FaqNewPage() {
  return <FaqForm entry={null} />;
}

/** /veelgestelde-vragen/:id: change, publish, take back to concept or withdraw one entry. */
export function FaqEditPage() {
  const { id = '' } = useParams();
  const [state] = useLoad(
    async (signal) => (await api<FaqList>('/faq', { signal })).entries.find((e) => e.id === id) ?? null,
    [id],
  );
  return <Loaded state={state}>{(entry) => (entry ? <FaqForm entry={entry} /> : <NotFoundPage />)}</Loaded>;
}

function FaqForm({ entry }: { entry: FaqEntry | null }) {
  const { t } = useT();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [draft, setDraft] = useState({
    theme: entry?.theme ?? '',
    question: entry?.question ?? '',
    answer: entry?.answer ?? '',
    published: entry ? entry.publishedAt !== null : false,
  });
  const [busy, setBusy] = useState(false);
  const title = entry ? t('Vraag wijzigen') : t('Nieuwe vraag');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);

  async function send(run: () => Promise<unknown>) {
    setBusy(true);
    try {
      await run();
      navigate('/veelgestelde-vragen', { state: { saved: true } });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(() => api(entry ? `/faq/${entry.id}` : '/faq', { method: entry ? 'PUT' : 'POST', body: draft }));
  };
  const withdraw = () => {
    if (entry && window.confirm(t('Deze vraag intrekken? Geen aanbieder ziet haar dan nog.')))
      void send(() => api(`/faq/${entry.id}`, { method: 'DELETE' }));
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="theme"
          label={t('Thema')}
          description={t('Bijvoorbeeld Declareren, Toewijzingen of Contract')}
          value={draft.theme}
          onChange={(theme) => setDraft((d) => ({ ...d, theme }))}
          error={errors.of('theme')}
        />
        <TextField
          id="question"
          label={t('Vraag')}
          value={draft.question}
          onChange={(question) => setDraft((d) => ({ ...d, question }))}
          error={errors.of('question')}
        />
        <TextAreaField
          id="answer"
          label={t('Antwoord')}
          description={t(
            'Elke aanbieder leest dit: geen namen, BSN of andere persoonsgegevens. Een lege regel begint een nieuwe alinea.',
          )}
          rows={8}
          value={draft.answer}
          onChange={(answer) => setDraft((d) => ({ ...d, answer }))}
          error={errors.of('answer')}
        />
        <CheckboxField
          id="published"
          label={t('Publiceren: aanbieders lezen het')}
          description={t('Zonder vinkje blijft het een concept dat alleen de regio ziet.')}
          checked={draft.published}
          onChange={(published) => setDraft((d) => ({ ...d, published }))}
          error={errors.of('published')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          {entry && (
            <Button appearance="secondary" onClick={withdraw} disabled={busy}>
              {t('Intrekken')}
            </Button>
          )}
          <TextLink to="/veelgestelde-vragen">{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}

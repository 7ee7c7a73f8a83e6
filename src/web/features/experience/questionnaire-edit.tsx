import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { QuestionnaireVersion } from '../../../server/modules/experience/index';
import {
  experienceAudiences,
  experienceLimits,
  experienceThemes,
  questionKinds,
  type ExperienceAudience,
  type ExperienceTheme,
  type QuestionKind,
} from '../../../shared/experience';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextAreaField } from '../../components/form-fields';
import { Loaded, NotFoundPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { RowLabel, RowsEditor } from '../../components/rows-editor';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useLoad } from '../../lib/use-load';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useT, type Msg } from '../../i18n';
import { audienceLabel, kindLabels, themeLabels, type SavedVersion } from './questionnaire-labels';

/** One question in the form. `kept`: its key was in a version before, so its kind and theme are fixed. */
interface QuestionDraft {
  key: string;
  kept: boolean;
  kind: QuestionKind;
  theme: ExperienceTheme | '';
  nl: string;
  en: string;
}

const fieldLabels: Record<string, Msg> = {
  audience: 'Doelgroep',
  questions: 'Vragen',
  'questions.item': 'Vraag',
  'questions.key': 'Sleutel',
  'questions.kind': 'Soort',
  'questions.theme': 'Thema',
  'questions.text.nl': 'Tekst in het Nederlands',
  'questions.text.en': 'Tekst in het Engels',
};

const draftOf = (q: QuestionnaireVersion['questions'][number]): QuestionDraft => ({
  key: q.key,
  kept: true,
  kind: q.kind,
  theme: q.theme ?? '',
  nl: q.text.nl,
  en: q.text.en,
});

/** A key no version of this audience ever used, so a new question is never counted as an old one. */
function freshKey(used: Set<string>): string {
  for (let n = used.size + 1; ; n++) if (!used.has(`vraag_${n}`)) return `vraag_${n}`;
}

const bodyOf = (audience: ExperienceAudience, questions: QuestionDraft[]) => ({
  audience,
  questions: questions.map((q) => ({
    key: q.key,
    kind: q.kind,
    ...(q.kind === 'smiley' && q.theme ? { theme: q.theme } : {}),
    text: { nl: q.nl, en: q.en },
  })),
});

/** /ervaringwijzer/vragenlijsten/:audience/nieuwe-versie: the newest version of an audience's questions, to change. */
export function QuestionnaireEditPage() {
  const { audience = '' } = useParams();
  const [state] = useLoad((signal) => api<QuestionnaireVersion[]>('/questionnaires', { signal }), []);
  if (!(experienceAudiences as readonly string[]).includes(audience)) return <NotFoundPage />;
  return (
    <Loaded state={state}>
      {(versions) => (
        <QuestionnaireForm
          audience={audience as ExperienceAudience}
          versions={versions.filter((v) => v.audience === audience)}
        />
      )}
    </Loaded>
  );
}

/**
 * Adding, changing, removing and moving questions makes the next version; the one it starts from stays as it was. A
 * kept question keeps its key, kind and theme (the server refuses a change, see questionsProblems), so its answers
 * stay comparable across versions; only its wording may change. Every rule is the server's; its problems show per field.
 */
function QuestionnaireForm({ audience, versions }: { audience: ExperienceAudience; versions: QuestionnaireVersion[] }) {
  const { t } = useT();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const newest = versions[0]!;
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => newest.questions.map(draftOf));
  const unsaved = useUnsavedChanges(questions);
  const [busy, setBusy] = useState(false);
  const name = audienceLabel(t, audience);
  const title = t('Nieuwe versie van de vragenlijst voor {audience}', { audience: name.toLowerCase() });
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);

  const newQuestion = (): QuestionDraft => {
    const used = new Set([...versions.flatMap((v) => v.questions.map((q) => q.key)), ...questions.map((q) => q.key)]);
    return { key: freshKey(used), kept: false, kind: 'smiley', theme: '', nl: '', en: '' };
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const made = await api<QuestionnaireVersion>('/questionnaires', {
        method: 'POST',
        body: bodyOf(audience, questions),
      });
      unsaved.allowLeave();
      const state: SavedVersion = { savedVersion: { audience, version: made.version } };
      navigate('/ervaringwijzer/vragenlijsten', { state });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'U begint bij versie {version}. Die blijft bewaard zoals hij is, met de antwoorden erop; nieuwe uitnodigingen krijgen de versie die u nu opslaat.',
          { version: newest.version },
        )}
      </p>
      <p className="utrecht-paragraph">
        {t(
          'Schrijf elke vraag kort en in eenvoudig Nederlands (taalniveau B1), met de Engelse vertaling ernaast. Hoogstens {max} vragen, precies één cijfer van 1 tot 10 (de tevredenheid met het effect) en hoogstens één open vraag; elke stelling hoort bij een thema.',
          { max: experienceLimits.maxQuestions },
        )}
      </p>
      <p className="utrecht-paragraph">
        {t(
          'Een bestaande vraag houdt zijn sleutel, soort en thema, zodat de uitkomsten vergelijkbaar blijven: verandert u alleen de woorden, dan tellen de antwoorden als antwoorden op dezelfde vraag. Wilt u iets anders vragen, verwijder de vraag dan en voeg een nieuwe toe.',
        )}
      </p>
      <ErrorSummary errors={errors} labels={translateLabels(fieldLabels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <RowsEditor
          id="questions"
          legend={t('Vragen')}
          rows={questions}
          onChange={setQuestions}
          newRow={newQuestion}
          itemLegend={(n) => t('Vraag {n}', { n })}
          removeLabel={(n) => t('vraag {n}', { n })}
          addLabel={t('Vraag toevoegen')}
          emptyText={t('Nog geen vragen.')}
          error={errors.ofGroup('questions')}
          firstField="text.nl"
          movable
          maxRows={experienceLimits.maxQuestions}
          fullText={t(
            'Er staan {max} vragen in de lijst, het hoogste aantal. Verwijder er een om een andere toe te voegen.',
            {
              max: experienceLimits.maxQuestions,
            },
          )}
        >
          {(q, i, update) => {
            const suffix = t('van vraag {n}', { n: i + 1 });
            const field = (path: string) => `questions.${i}.${path}`;
            return (
              <>
                <div className="question-texts">
                  <TextAreaField
                    id={field('text.nl')}
                    label={<RowLabel text={t('Tekst in het Nederlands')} suffix={suffix} />}
                    rows={3}
                    value={q.nl}
                    onChange={(nl) => update({ nl })}
                    error={errors.of(field('text.nl'))}
                  />
                  <TextAreaField
                    id={field('text.en')}
                    label={<RowLabel text={t('Tekst in het Engels')} suffix={suffix} />}
                    rows={3}
                    value={q.en}
                    onChange={(en) => update({ en })}
                    error={errors.of(field('text.en'))}
                  />
                </div>
                {q.kept ? (
                  <p className="utrecht-paragraph question-fixed">
                    {q.theme
                      ? t('{kind}, thema {theme}.', { kind: t(kindLabels[q.kind]), theme: t(themeLabels[q.theme]) })
                      : `${t(kindLabels[q.kind])}.`}{' '}
                    {t('Vast voor een bestaande vraag (sleutel {key}).', { key: q.key })}
                  </p>
                ) : (
                  <>
                    <SelectField
                      id={field('kind')}
                      label={<RowLabel text={t('Soort')} suffix={suffix} />}
                      options={questionKinds.map((kind) => ({ value: kind, label: t(kindLabels[kind]) }))}
                      value={q.kind}
                      onChange={(kind) => update({ kind: kind as QuestionKind })}
                      error={errors.of(field('kind'))}
                    />
                    {q.kind === 'smiley' && (
                      <SelectField
                        id={field('theme')}
                        label={<RowLabel text={t('Thema')} suffix={suffix} />}
                        placeholder={t('Kies een thema')}
                        options={experienceThemes.map((theme) => ({ value: theme, label: t(themeLabels[theme]) }))}
                        value={q.theme}
                        onChange={(theme) => update({ theme: theme as ExperienceTheme | '' })}
                        error={errors.of(field('theme'))}
                      />
                    )}
                  </>
                )}
              </>
            );
          }}
        </RowsEditor>
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Versie {version} opslaan', { version: newest.version + 1 })}
          </Button>
          <TextLink to="/ervaringwijzer/vragenlijsten">{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}

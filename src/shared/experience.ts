/**
 * The Ervaringwijzer's questionnaires as server, web UI and the light answer page (/ervaring/<token>) name them.
 * Kept free of imports so the answer page's bundle stays small.
 */

/** Who answers: a young person of 12 or older, or a parent (ouder/verzorger). */
export const experienceAudiences = ['jongere', 'ouder'] as const;
export type ExperienceAudience = (typeof experienceAudiences)[number];
export const experienceAudienceLabels: Record<ExperienceAudience, string> = {
  jongere: 'Jongeren (12 jaar en ouder)',
  ouder: 'Ouders en verzorgers',
};

/** The three themes of the smiley statements (access, experienced quality, experienced effect). */
export const experienceThemes = ['toegang', 'kwaliteit', 'effect'] as const;
export type ExperienceTheme = (typeof experienceThemes)[number];

/**
 * - `smiley`: a statement on a five-point smiley scale (1 = helemaal niet mee eens … 5 = helemaal mee eens);
 * - `score`: the outcome set's indicator 2, satisfaction with the effect of the help, as a mark from 1 to 10;
 * - `open`: one free text of at most `experienceLimits.openTextMax` characters.
 */
export const questionKinds = ['smiley', 'score', 'open'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export interface ExperienceQuestion {
  /** Stable within a questionnaire's versions, so results stay comparable: `a-z`, digits and `_`. */
  key: string;
  kind: QuestionKind;
  /** For smiley statements only. */
  theme?: ExperienceTheme;
  /** In plain Dutch (B1) and in English. */
  text: { nl: string; en: string };
}

export const experienceLimits = {
  /** The VNG model questionnaire's rule: short, nine questions or fewer. */
  maxQuestions: 9,
  openTextMax: 2000,
  questionTextMax: 300,
  /** Tokens in one batch, at most. */
  maxBatchSize: 2000,
  /** How long a token answers, by default and at most (days). */
  defaultTokenDays: 90,
  maxTokenDays: 365,
} as const;

/** The smiley scale's points, from 1 to 5, as the answer page labels them. */
export const smileyLabels = {
  nl: ['Helemaal niet mee eens', 'Niet mee eens', 'Neutraal', 'Mee eens', 'Helemaal mee eens'],
  en: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
} as const;

/** A submitted answer: a number for smiley (1–5) and score (1–10), a text for the open question. */
export type ExperienceAnswerValue = number | string;

/** Why an answer to a question is refused, in Dutch, or null when it is fine; a question left out is allowed. */
export function answerProblem(question: ExperienceQuestion, value: ExperienceAnswerValue): string | null {
  if (question.kind === 'open') {
    if (typeof value !== 'string') return 'geef een tekst';
    return [...value].length > experienceLimits.openTextMax
      ? `hoogstens ${experienceLimits.openTextMax} tekens (nu ${[...value].length})`
      : null;
  }
  const max = question.kind === 'smiley' ? 5 : 10;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    return `kies een geheel getal van 1 tot en met ${max}`;
  return null;
}

const smiley = (key: string, theme: ExperienceTheme, nl: string, en: string): ExperienceQuestion => ({
  key,
  kind: 'smiley',
  theme,
  text: { nl, en },
});

/** The first version of each questionnaire a region gets; it may change them by adding a new version. */
export const defaultQuestionnaires: Record<ExperienceAudience, ExperienceQuestion[]> = {
  jongere: [
    smiley('snel_hulp', 'toegang', 'Ik kon snel hulp krijgen.', 'I could get help quickly.'),
    smiley(
      'wist_waarheen',
      'toegang',
      'Ik wist waar ik heen kon met mijn vraag.',
      'I knew where to go with my question.',
    ),
    smiley('serieus', 'kwaliteit', 'Ik werd serieus genomen.', 'I was taken seriously.'),
    smiley('paste', 'kwaliteit', 'De hulp paste bij wat ik nodig had.', 'The help fitted what I needed.'),
    smiley('beter', 'effect', 'Het gaat nu beter met mij.', 'Things are better for me now.'),
    smiley('zelf', 'effect', 'Ik kan nu beter zelf dingen oplossen.', 'I manage better on my own now.'),
    {
      key: 'cijfer_effect',
      kind: 'score',
      text: {
        nl: 'Welk cijfer geef je voor wat de hulp voor jou heeft opgeleverd? (1 is heel slecht, 10 is heel goed)',
        en: 'What mark do you give for what the help did for you? (1 is very bad, 10 is very good)',
      },
    },
    {
      key: 'open',
      kind: 'open',
      text: {
        nl: 'Wil je nog iets vertellen over de hulp? Schrijf geen namen op.',
        en: 'Is there anything else you want to tell us about the help? Please do not write down names.',
      },
    },
  ],
  ouder: [
    smiley('snel_hulp', 'toegang', 'Wij konden snel hulp krijgen.', 'We could get help quickly.'),
    smiley(
      'wist_waarheen',
      'toegang',
      'Ik wist waar ik heen kon met mijn vraag.',
      'I knew where to go with my question.',
    ),
    smiley('serieus', 'kwaliteit', 'Ik werd serieus genomen.', 'I was taken seriously.'),
    smiley(
      'paste',
      'kwaliteit',
      'De hulp paste bij wat mijn kind en ons gezin nodig hadden.',
      'The help fitted what my child and our family needed.',
    ),
    smiley('beter', 'effect', 'Het gaat nu beter met mijn kind.', 'Things are better for my child now.'),
    smiley('zelf', 'effect', 'Wij kunnen nu beter zelf verder.', 'We manage better on our own now.'),
    {
      key: 'cijfer_effect',
      kind: 'score',
      text: {
        nl: 'Welk cijfer geeft u voor wat de hulp heeft opgeleverd? (1 is heel slecht, 10 is heel goed)',
        en: 'What mark do you give for what the help achieved? (1 is very bad, 10 is very good)',
      },
    },
    {
      key: 'open',
      kind: 'open',
      text: {
        nl: 'Wilt u nog iets vertellen over de hulp? Schrijf geen namen op.',
        en: 'Is there anything else you would like to tell us about the help? Please do not write down names.',
      },
    },
  ],
};

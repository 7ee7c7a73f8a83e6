import type { ExperienceAudience, ExperienceTheme, QuestionKind } from '../../../shared/experience';
import type { Msg, Translate } from '../../i18n';

/** How the questionnaire pages name a question's kind, a theme and an audience. */
export const kindLabels: Record<QuestionKind, Msg> = {
  smiley: 'Stelling (smileys 1–5)',
  score: 'Cijfer 1–10 (tevredenheid met het effect)',
  open: 'Open vraag',
};

export const themeLabels: Record<ExperienceTheme, Msg> = {
  toegang: 'Toegang',
  kwaliteit: 'Kwaliteit',
  effect: 'Effect',
};

export const audienceLabel = (t: Translate, audience: ExperienceAudience) =>
  audience === 'ouder' ? t('Ouders') : t('Jongeren (12+)');

/** What the edit page hands the list after a save (history state), so the list can say which version was made. */
export interface SavedVersion {
  savedVersion?: { audience: ExperienceAudience; version: number };
}

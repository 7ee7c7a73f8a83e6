import type { WebFeature } from '../feature';
import { InvitationsPage } from './invitations-page';
import { ModerationPage } from './moderation-page';
import { ResultsPage } from './results-page';
import { QuestionnairesPage } from './questionnaires-page';
import { QuestionnaireEditPage } from './questionnaire-edit';

/**
 * The Ervaringwijzer (client experience): invitations for providers and the region, and the questionnaires' versions.
 * Answering is not part of this app: young people and parents answer on the light page /ervaring/<token>
 * (src/web/ervaring/). Results (for learning, no ranking) and the contract manager's moderation of open answers.
 */
export const experienceFeature: WebFeature = {
  id: 'experience',
  routes: [
    { path: 'ervaringwijzer/uitnodigingen', element: <InvitationsPage />, permission: 'invitations.read' },
    { path: 'ervaringwijzer/vragenlijsten', element: <QuestionnairesPage />, permission: 'questionnaires.read' },
    {
      path: 'ervaringwijzer/vragenlijsten/:audience/nieuwe-versie',
      element: <QuestionnaireEditPage />,
      permission: 'questionnaires.edit',
    },
    { path: 'ervaringwijzer/uitkomsten', element: <ResultsPage />, permission: 'experienceResults.read' },
    { path: 'ervaringwijzer/open-antwoorden', element: <ModerationPage />, permission: 'experienceTexts.moderate' },
  ],
  menu: [
    {
      section: 'instrumenten',
      label: 'Ervaringwijzer: uitnodigingen',
      path: '/ervaringwijzer/uitnodigingen',
      permission: 'invitations.read',
    },
    {
      section: 'instrumenten',
      label: 'Ervaringwijzer: vragenlijsten',
      path: '/ervaringwijzer/vragenlijsten',
      permission: 'questionnaires.read',
    },
    {
      section: 'instrumenten',
      label: 'Ervaringwijzer: uitkomsten',
      path: '/ervaringwijzer/uitkomsten',
      permission: 'experienceResults.read',
    },
    {
      section: 'instrumenten',
      label: 'Ervaringwijzer: open antwoorden',
      path: '/ervaringwijzer/open-antwoorden',
      permission: 'experienceTexts.moderate',
    },
  ],
  auditEntities: {
    questionnaire: { label: 'Vragenlijst van de Ervaringwijzer' },
    'invitation-batch': { label: 'Uitnodigingen voor de Ervaringwijzer' },
    'open-answer': { label: 'Open antwoord in de Ervaringwijzer' },
  },
};

import type { WebFeature } from '../feature';
import { InvitationsPage } from './invitations-page';
import { QuestionnairesPage } from './questionnaires-page';

/**
 * The Ervaringwijzer (client experience): invitations for providers and the region, and the questionnaires' versions.
 * Answering is not part of this app: young people and parents answer on the light page /ervaring/<token>
 * (src/web/ervaring/). Results, moderation and the yearly report come next as more pages of this feature.
 */
export const experienceFeature: WebFeature = {
  id: 'experience',
  routes: [
    { path: 'ervaringwijzer/uitnodigingen', element: <InvitationsPage />, permission: 'invitations.read' },
    { path: 'ervaringwijzer/vragenlijsten', element: <QuestionnairesPage />, permission: 'questionnaires.read' },
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
  ],
  auditEntities: {
    questionnaire: { label: 'Vragenlijst van de Ervaringwijzer' },
    'invitation-batch': { label: 'Uitnodigingen voor de Ervaringwijzer' },
    'open-answer': { label: 'Open antwoord in de Ervaringwijzer' },
  },
};

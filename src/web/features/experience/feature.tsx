import type { WebFeature } from '../feature';

/**
 * The Ervaringwijzer (client experience): invitations for providers and the region. Answering is not part of this
 * app: young people and parents answer on the light page /ervaring/<token> (src/web/ervaring/).
 */
export const experienceFeature: WebFeature = {
  id: 'experience',
  routes: [],
  menu: [],
  auditEntities: {
    questionnaire: { label: 'Vragenlijst van de Ervaringwijzer' },
    'invitation-batch': { label: 'Uitnodigingen voor de Ervaringwijzer' },
  },
};

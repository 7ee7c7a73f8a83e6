import type { WebFeature } from '../feature';

/**
 * Meetings with providers (overleggen): the year planner, a meeting with its attendance, minutes, comments and actions,
 * and the provider's side (its own meetings, minutes open for comment, its actions).
 */
export const meetingsFeature: WebFeature = {
  id: 'meetings',
  routes: [],
  auditEntities: {
    meeting: { label: 'Overleg', path: '/overleggen' },
    'meeting-action': { label: 'Actie uit een overleg' },
    'meeting-settings': { label: 'Instellingen van overleggen' },
  },
};

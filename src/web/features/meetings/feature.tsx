import type { WebFeature } from '../feature';
import { MeetingPage } from './meeting-page';
import { MeetingsPage } from './meetings-page';
import { NewMeetingPage } from './new-meeting-page';
import { PlannerPage } from './planner-page';

/**
 * Meetings with providers (overleggen): the year planner, a meeting with its attendance, minutes, comments and actions,
 * and the provider's side (its own meetings, minutes open for comment, its actions).
 */
export const meetingsFeature: WebFeature = {
  id: 'meetings',
  routes: [
    { path: 'overleggen', element: <MeetingsPage />, permission: 'meetings.read' },
    { path: 'overleggen/jaarplanner', element: <PlannerPage />, permission: 'meetingPlanner.read' },
    { path: 'overleggen/nieuw', element: <NewMeetingPage />, permission: 'meetings.edit' },
    { path: 'overleggen/:id', element: <MeetingPage />, permission: 'meetings.read' },
  ],
  menu: [
    { section: 'inkoop', label: 'Overleggen', path: '/overleggen', permission: 'meetings.read' },
    {
      section: 'inkoop',
      label: 'Jaarplanner overleggen',
      path: '/overleggen/jaarplanner',
      permission: 'meetingPlanner.read',
    },
  ],
  auditEntities: {
    meeting: { label: 'Overleg', path: '/overleggen' },
    'meeting-action': { label: 'Actie uit een overleg' },
    'meeting-settings': { label: 'Instellingen van overleggen' },
  },
};

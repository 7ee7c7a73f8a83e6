import type { WebFeature } from '../feature';
import { DevelopmentTaskPage } from './devtask-page';
import { DevelopmentTasksPage } from './devtasks-page';
import { MeetingPage } from './meeting-page';
import { MeetingsPage } from './meetings-page';
import { NewDevelopmentTaskPage } from './new-devtask-page';
import { NewMeetingPage } from './new-meeting-page';
import { PlannerPage } from './planner-page';
import { MeetingSettingsPage } from './settings-page';

/**
 * Meetings with providers (overleggen): the year planner, a meeting with its attendance, minutes, comments and actions,
 * the region's themes and comment window, the transformatietafels' development tasks, and the provider's side (its own
 * meetings, minutes open for comment, its actions, the development tasks it works on).
 */
export const meetingsFeature: WebFeature = {
  id: 'meetings',
  routes: [
    { path: 'overleggen', element: <MeetingsPage />, permission: 'meetings.read' },
    { path: 'overleggen/jaarplanner', element: <PlannerPage />, permission: 'meetingPlanner.read' },
    { path: 'overleggen/nieuw', element: <NewMeetingPage />, permission: 'meetings.edit' },
    { path: 'overleggen/instellingen', element: <MeetingSettingsPage />, permission: 'meetings.edit' },
    { path: 'overleggen/:id', element: <MeetingPage />, permission: 'meetings.read' },
    { path: 'ontwikkelopgaven', element: <DevelopmentTasksPage />, permission: 'developmentTasks.read' },
    { path: 'ontwikkelopgaven/nieuw', element: <NewDevelopmentTaskPage />, permission: 'developmentTasks.edit' },
    { path: 'ontwikkelopgaven/:id', element: <DevelopmentTaskPage />, permission: 'developmentTasks.read' },
  ],
  menu: [
    { section: 'inkoop', label: 'Overleggen', path: '/overleggen', permission: 'meetings.read' },
    {
      section: 'inkoop',
      label: 'Jaarplanner overleggen',
      path: '/overleggen/jaarplanner',
      permission: 'meetingPlanner.read',
    },
    { section: 'inkoop', label: 'Ontwikkelopgaven', path: '/ontwikkelopgaven', permission: 'developmentTasks.read' },
  ],
  auditEntities: {
    meeting: { label: 'Overleg', path: '/overleggen' },
    'meeting-action': { label: 'Actie uit een overleg' },
    'meeting-settings': { label: 'Instellingen van overleggen' },
    'development-task': { label: 'Ontwikkelopgave', path: '/ontwikkelopgaven' },
  },
};

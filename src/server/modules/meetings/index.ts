/** The public surface of meetings: the year plan and the action items, for tools and the provider pack. */
export { listActions } from './actions.service.js';
export type { MeetingAction } from './actions.present.js';
export { listMeetings, type MeetingDetail, type MeetingSummary } from './meetings.service.js';
export { yearPlan } from './planner.service.js';
export type { YearPlan } from './planner.js';

/** The public surface of meetings: the services the demo seed and tools use, and the year plan for the provider pack. */
export { addAction, listActions, updateAction } from './actions.service.js';
export type { MeetingAction } from './actions.present.js';
export {
  createMeeting,
  draftMinutes,
  finaliseMinutes,
  listMeetings,
  loadMeeting,
  presentMeeting,
  updateMeeting,
  type MeetingDetail,
  type MeetingSummary,
} from './meetings.service.js';
export { yearPlan } from './planner.service.js';
export { amsterdamInstant } from './planner.js';
export type { YearPlan } from './planner.js';
export { addTaskNote, createTask, listTasks, updateTask, type DevelopmentTask } from './devtasks.service.js';

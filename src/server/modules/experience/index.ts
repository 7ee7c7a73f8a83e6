/**
 * The public surface of the Ervaringwijzer: the satisfaction figures for the KPI, the default questionnaires and the
 * demo's answers. Results pages, moderation and the yearly report (issue 18 item 4 and 5) build on these tables.
 */
export { satisfactionCells, type SatisfactionCell, type SatisfactionQuery } from './satisfaction.js';
export { ensureDefaultQuestionnaires } from './questionnaires.service.js';
export { seedDemoExperience } from './demo.js';
export type { InvitationBatch } from './invitations.service.js';
export type { QuestionnaireVersion } from './questionnaires.service.js';

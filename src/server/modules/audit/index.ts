/** The public surface of the audit log: every module records its changes (and reads of client data) here. */
export { recordAudit } from './audit.service.js';

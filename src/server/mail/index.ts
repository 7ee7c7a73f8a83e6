/**
 * The public surface of the outbox, for every module that sends e-mail (availability reminders, later supplier
 * management and questionnaires): queue a mail in your own transaction; the delivery job sends it through SMTP_URL,
 * retries it when the server fails, and without a mail server keeps it for the beheerder as not sent.
 */
export { mailQueuedSince, queueMail, type MailStatus, type MailToQueue } from './outbox.js';

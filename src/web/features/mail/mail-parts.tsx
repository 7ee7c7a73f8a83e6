import type { MailStatus } from '../../../server/mail/index';
import type { OutboxMail } from '../../../server/mail/outbox';
import { useT, type Msg } from '../../i18n';

/** A mail as GET /api/v1/mails gives it (the server's types: type-only imports, erased at build time). */
export type Mail = OutboxMail;
export type MailWithText = OutboxMail & { text: string };

export const mailStatusLabels: Record<MailStatus, Msg> = {
  queued: 'Wacht op verzending',
  retrying: 'Wordt opnieuw geprobeerd',
  sent: 'Verzonden',
  failed: 'Mislukt',
  'not-sent-no-smtp': 'Niet verzonden: geen mailserver ingesteld',
};

const badge: Record<MailStatus, string> = {
  queued: 'neutral',
  retrying: 'warning',
  sent: 'success',
  failed: 'danger',
  'not-sent-no-smtp': 'neutral',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useT();
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${badge[status]}`}>{t(mailStatusLabels[status])}</span>
  );
}

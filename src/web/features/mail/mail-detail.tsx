import { useState } from 'react';
import { useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button, TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { DataList } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { MailStatusBadge, type MailWithText } from './mail-parts';

const time = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : '—');
const retryable = ['failed', 'not-sent-no-smtp', 'retrying'];

/** /beheer/postvak-uit/:id: one mail with its text and delivery; one that failed or was not sent can be sent again. */
export function MailDetailPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, reload] = useLoad((signal) => api<MailWithText>(`/mails/${encodeURIComponent(id)}`, { signal }), [id]);
  useDocumentTitle(state.status === 'ok' ? state.data.subject : t('Postvak uit'));

  const retry = async () => {
    setFailure(null);
    try {
      await api<MailWithText>(`/mails/${encodeURIComponent(id)}/retries`, { method: 'POST' });
      setMessage(t('De e-mail staat weer klaar om verzonden te worden.'));
      reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Loaded state={state}>
      {(mail) => (
        <>
          <p className="utrecht-paragraph">
            <TextLink to="/beheer/postvak-uit">{t('Postvak uit')}</TextLink>
          </p>
          <h1 className="utrecht-heading-1">{mail.subject}</h1>
          <StatusMessage message={message} />
          {failure && <Alert type="error">{failure}</Alert>}
          <DataList
            items={[
              [t('Aan'), mail.to],
              [t('Status'), <MailStatusBadge key="status" status={mail.status} />],
              [t('Soort'), <code key="kind">{mail.kind}</code>],
              [t('Aanleiding'), mail.reference ?? '—'],
              [t('Aangemaakt'), time(mail.createdAt)],
              [t('Verzonden'), time(mail.sentAt)],
              [t('Pogingen'), String(mail.attempts)],
              [t('Volgende poging'), time(mail.nextAttemptAt)],
              [t('Laatste fout'), mail.lastError ? <span lang="nl">{mail.lastError}</span> : '—'],
            ]}
          />
          {can(user, 'mail.manage') && retryable.includes(mail.status) && (
            <p className="utrecht-paragraph">
              <Button onClick={() => void retry()}>{t('Opnieuw verzenden')}</Button>
            </p>
          )}
          <h2 id="mail-tekst" className="utrecht-heading-2">
            {t('Tekst')}
          </h2>
          <pre
            className="utrecht-code-block mail-text"
            role="region"
            aria-labelledby="mail-tekst"
            tabIndex={0}
            lang="nl"
          >
            {mail.text}
          </pre>
        </>
      )}
    </Loaded>
  );
}

import type { MeetingAction, MeetingSummary } from '../../../server/modules/meetings/index';
import { meetingTypeLabels } from '../../../shared/meetings';
import { can } from '../../../shared/permissions';
import { ButtonGroup, ButtonLink, TextLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDateTime, formatTimeSpan } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg, type Translate } from '../../i18n';
import { ActionsTable } from './actions-table';

export const statusLabels: Record<MeetingSummary['status'], Msg> = {
  planned: 'Gepland',
  held: 'Gehouden',
  cancelled: 'Vervallen',
};

export function minutesText(t: Translate, m: MeetingSummary): string {
  if (m.minutesStatus === 'final') return t('Vastgesteld');
  if (m.minutesStatus === 'none') return '—';
  return m.commentUntil && Date.parse(m.commentUntil) > Date.now()
    ? t('Concept, reageren kan tot {date}', { date: formatDateTime(m.commentUntil) })
    : t('Concept, nog vast te stellen');
}

/**
 * /overleggen: the region's meetings, newest first, with its open actions; for a provider, its own meetings with the
 * region (final minutes, drafts open for its comments) and the actions assigned to it, which it closes here.
 */
export function MeetingsPage() {
  const { t } = useT();
  const user = useUser();
  const provider = user?.role === 'aanbieder';
  const title = provider ? t('Overleggen met de regio') : t('Overleggen');
  useDocumentTitle(title);
  const [state, reload] = useLoad(async (signal) => {
    const [meetings, actions] = await Promise.all([
      api<MeetingSummary[]>('/meetings', { signal }),
      api<MeetingAction[]>('/meeting-actions?status=open', { signal }),
    ]);
    return { meetings: [...meetings].reverse(), actions };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      {!provider && (
        <ButtonGroup>
          {can(user, 'meetings.edit') && (
            <ButtonLink appearance="primary" to="/overleggen/nieuw">
              {t('Nieuw overleg')}
            </ButtonLink>
          )}
          {can(user, 'meetingPlanner.read') && <TextLink to="/overleggen/jaarplanner">{t('Jaarplanner')}</TextLink>}
          {can(user, 'meetings.edit') && (
            <TextLink to="/overleggen/instellingen">{t('Thema’s en reactietermijn')}</TextLink>
          )}
          {can(user, 'developmentTasks.read') && <TextLink to="/ontwikkelopgaven">{t('Ontwikkelopgaven')}</TextLink>}
        </ButtonGroup>
      )}
      <Loaded state={state}>
        {({ meetings, actions }) => (
          <>
            <h2 className="utrecht-heading-2">{provider ? t('Uw open acties') : t('Open acties')}</h2>
            <ActionsTable
              caption={provider ? t('Acties die aan uw organisatie zijn toegewezen') : t('Open acties uit overleggen')}
              actions={actions}
              showMeeting
              onChanged={reload}
            />
            <h2 className="utrecht-heading-2">{t('Overleggen')}</h2>
            <Table<MeetingSummary>
              caption={t('Overleggen, nieuwste eerst')}
              captionHidden
              rows={meetings}
              rowKey={(m) => m.id}
              empty={t('Nog geen overleggen.')}
              columns={[
                { header: t('Wanneer'), cell: (m) => formatTimeSpan(m.startsAt, m.endsAt) },
                {
                  header: t('Overleg'),
                  rowHeader: true,
                  cell: (m) => <TextLink to={`/overleggen/${m.id}`}>{m.title}</TextLink>,
                },
                { header: t('Soort'), cell: (m) => t(meetingTypeLabels[m.type] as Msg) },
                { header: t('Status'), cell: (m) => t(statusLabels[m.status]) },
                { header: t('Notulen'), cell: (m) => minutesText(t, m) },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

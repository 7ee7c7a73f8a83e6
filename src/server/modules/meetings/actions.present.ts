import { dutchToday } from '../../../shared/period.js';
import type { meetingActions } from '../../db/schema/index.js';

type ActionRow = typeof meetingActions.$inferSelect;

/** An action item as the API shows it, with its meeting's title and whether it is past its due date. */
export function presentAction(
  a: ActionRow,
  providerName: string | null,
  meeting: { id: string; title: string; startsAt: Date },
) {
  return {
    id: a.id,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    meetingStartsAt: meeting.startsAt.toISOString(),
    title: a.title,
    ownerSide: a.ownerSide as 'region' | 'provider',
    ownerProviderId: a.ownerProviderId,
    ownerProviderName: providerName,
    ownerName: a.ownerName,
    dueDate: a.dueDate,
    status: a.status as 'open' | 'done',
    overdue: a.status === 'open' && a.dueDate < dutchToday(),
    note: a.note,
    doneAt: a.doneAt?.toISOString() ?? null,
    doneByName: a.doneByName,
  };
}

export type MeetingAction = ReturnType<typeof presentAction>;

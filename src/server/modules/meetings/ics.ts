import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { meetingTypeLabels, type MeetingType } from '../../../shared/meetings.js';
import type { MeetingRow } from './meetings.service.js';

/**
 * Meetings as an iCalendar file (RFC 5545) through ical-generator: one VEVENT per meeting with a stable UID (the
 * meeting's id), so importing the file again updates the invitations instead of doubling them. The agenda with the
 * documents requested goes into the description; invitees with an e-mail address become attendees.
 */
export function meetingsCalendar(regionName: string, rows: MeetingRow[]): string {
  const calendar = ical({
    name: `Overleggen ${regionName}`,
    prodId: { company: 'Zorglandschap', product: 'overleggen', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const m of rows) {
    const agenda = m.agenda.map((a, i) => {
      const docs = a.documentsRequested.length ? `\n   Vooraf aanleveren: ${a.documentsRequested.join('; ')}` : '';
      return `${i + 1}. ${a.title}${docs}`;
    });
    const what = meetingTypeLabels[m.type as MeetingType] + (m.theme ? ` (${m.theme})` : '');
    calendar.createEvent({
      id: `${m.id}@zorglandschap`,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      summary: m.title,
      description: [what, ...(agenda.length ? ['', 'Agenda:', ...agenda] : [])].join('\n'),
      location: m.location ?? null,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      attendees: m.invitees
        .filter((i) => i.email)
        .map((i) => ({ name: i.name, email: i.email!, role: ICalAttendeeRole.REQ })),
    });
  }
  return calendar.toString();
}

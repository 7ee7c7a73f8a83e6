import { z } from '@hono/zod-openapi';
import { meetingStatuses, meetingTypes } from '../../../shared/meetings.js';
import { ZDate } from '../../http/openapi.js';

const ZMinutesStatus = z
  .enum(['none', 'draft', 'final'])
  .describe('none: nog geen notulen; draft: concept, open voor reacties tot commentUntil; final: vastgesteld');

export const ZMeetingSummary = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    type: z.enum(meetingTypes),
    theme: z.string().nullable(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    location: z.string().nullable(),
    status: z.enum(meetingStatuses),
    providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
    minutesStatus: ZMinutesStatus,
    commentUntil: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    proposalKey: z.string().nullable().describe('Het voorstel van de jaarplanner waaruit het overleg is gepland'),
  })
  .openapi('MeetingSummary');

export const ZMeetingAction = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    meetingTitle: z.string(),
    meetingStartsAt: z.string(),
    title: z.string(),
    ownerSide: z.enum(['region', 'provider']),
    ownerProviderId: z.uuid().nullable(),
    ownerProviderName: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueDate: ZDate,
    status: z.enum(['open', 'done']),
    overdue: z.boolean(),
    note: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneByName: z.string().nullable(),
  })
  .openapi('MeetingAction');

export const ZMeetingComment = z
  .object({
    id: z.uuid(),
    providerId: z.uuid().nullable(),
    authorName: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .openapi('MeetingComment');

export const ZMeeting = ZMeetingSummary.extend({
  agenda: z.array(z.object({ title: z.string(), documentsRequested: z.array(z.string()) })),
  invitees: z.array(
    z.object({
      name: z.string(),
      email: z.string().nullable(),
      side: z.enum(['region', 'provider']),
      providerId: z.string().nullable(),
      attended: z.boolean().nullable(),
    }),
  ),
  decisions: z.array(z.string()),
  escalations: z.array(z.object({ reference: z.string(), summary: z.string() })),
  minutes: z.string().nullable(),
  commentOpen: z.boolean().describe('Uitgenodigde aanbieders kunnen nu op de conceptnotulen reageren'),
  comments: z.array(ZMeetingComment),
  actions: z.array(ZMeetingAction),
}).openapi('Meeting');

export const ZYearPlan = z
  .object({
    year: z.number().int(),
    slots: z.array(
      z.object({
        key: z.string(),
        type: z.enum(meetingTypes),
        theme: z.string().nullable(),
        subject: z.string(),
        providerIds: z.array(z.uuid()),
        from: ZDate,
        to: ZDate,
        state: z
          .enum(['held', 'planned', 'overdue', 'proposal'])
          .describe(
            'overdue: de periode is voorbij zonder gehouden overleg, of het geplande overleg is niet als gehouden vastgelegd',
          ),
        meetingId: z.uuid().nullable(),
        meetingStartsAt: z.string().nullable(),
        proposal: z.object({ title: z.string(), startsAt: z.string(), endsAt: z.string() }).nullable(),
      }),
    ),
    providers: z.array(
      z.object({
        providerId: z.uuid(),
        name: z.string(),
        tier: z.string().nullable(),
        required: z.number().int().describe('Accountgesprekken per jaar volgens het niveau'),
        held: z.number().int(),
        planned: z.number().int(),
        overdue: z.number().int(),
        toPlan: z.number().int(),
      }),
    ),
  })
  .openapi('YearPlan');

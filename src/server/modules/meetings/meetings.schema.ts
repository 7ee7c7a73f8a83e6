import { z } from '@hono/zod-openapi';
import { containsBsnLike } from '../../../shared/bsn.js';
import { limits } from '../../../shared/domain.js';
import { meetingStatuses, meetingTypes } from '../../../shared/meetings.js';
import { isoDate } from '../../http/openapi.js';

const noBsn = 'bevat een nummer dat op een BSN lijkt (11-proef); gebruik alleen de gepseudonimiseerde referentie';

/** Free text of a meeting: trimmed, bounded, and never with a BSN-like number in it. */
export const text = (label: string, max = 2000) =>
  z
    .string({ message: `${label}: vul dit in` })
    .trim()
    .min(1, `${label}: vul dit in`)
    .max(max, `${label}: ten hoogste ${max} tekens`)
    .refine((s) => !containsBsnLike(s), `${label} ${noBsn}`);
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label}: ten hoogste ${max} tekens`)
    .refine((s) => !containsBsnLike(s), `${label} ${noBsn}`)
    .nullable()
    .optional();

const dateTime = (label: string) =>
  z.iso
    .datetime({ offset: true, message: `${label}: geef datum en tijd (JJJJ-MM-DDTUU:MM met tijdzone)` })
    .describe(label);

export const ZAgendaItem = z.object({
  title: text('Agendapunt', 300),
  documentsRequested: z
    .array(text('Gevraagd stuk', 300))
    .max(20, 'ten hoogste 20 stukken per agendapunt')
    .default([])
    .describe('Wat de aanbieders bij dit punt vooraf aanleveren'),
});

export const ZInvitee = z.object({
  name: text('Naam van de genodigde', 200),
  email: z.email('geen geldig e-mailadres').max(254).nullable().optional(),
  side: z.enum(['region', 'provider'], { message: 'kies regio of aanbieder' }),
  providerId: z.uuid('onbekende aanbieder').nullable().optional(),
  attended: z.boolean().nullable().optional().describe('Aanwezig; leeg zolang het overleg niet is gehouden'),
});

/**
 * An escalated case: the pseudonymised reference and what is asked, nothing else. A field such as `name` is refused
 * rather than dropped, so nobody believes a name was kept.
 */
export const ZEscalation = z.strictObject(
  {
    reference: z
      .string({ message: 'Referentie: vul de gepseudonimiseerde referentie in' })
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, 'Referentie: alleen letters, cijfers en streepjes (4 tot 40), geen naam')
      .refine((s) => !containsBsnLike(s), `Referentie ${noBsn}`),
    summary: text('Toelichting bij de escalatie', 2000),
  },
  { error: 'Een escalatie heeft alleen een referentie en een toelichting; namen en andere velden worden geweigerd' },
);

const meetingFields = {
  type: z.enum(meetingTypes, { message: 'kies het soort overleg' }),
  theme: z.string().trim().max(100).nullable().optional().describe('Thema van een transformatietafel'),
  title: text('Titel', 200),
  startsAt: dateTime('Begin'),
  endsAt: dateTime('Einde'),
  location: optionalText('Locatie', 200),
};
const lists = {
  providerIds: z.array(z.uuid('onbekende aanbieder')).max(200),
  agenda: z.array(ZAgendaItem).max(50),
  invitees: z.array(ZInvitee).max(200),
};

export const ZMeetingCreate = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    ...meetingFields,
    providerIds: lists.providerIds.default([]),
    agenda: lists.agenda.default([]),
    invitees: lists.invitees.default([]),
  })
  .openapi('MeetingCreate');

export const ZMeetingUpdate = z
  .object({
    ...meetingFields,
    ...lists,
    status: z.enum(meetingStatuses, { message: 'kies gepland, gehouden of vervallen' }),
    decisions: z.array(text('Besluit', 2000)).max(100),
    escalations: z.array(ZEscalation).max(50),
  })
  .partial()
  .openapi('MeetingUpdate');

export const ZMinutes = z
  .object({
    minutes: text('Notulen', 50_000),
    commentDays: z
      .number({ message: 'Reactietermijn: geef een aantal dagen' })
      .int('Reactietermijn: een heel aantal dagen')
      .min(1, 'Reactietermijn: ten minste 1 dag')
      .max(60, 'Reactietermijn: ten hoogste 60 dagen')
      .optional()
      .describe('Dagen waarin de uitgenodigde aanbieders kunnen reageren; standaard die van de regio'),
  })
  .openapi('MinutesDraft');

export const ZComment = z.object({ text: text('Reactie', 5000) }).openapi('MinutesComment');

export const ZActionCreate = z
  .object({
    title: text('Actie', 500),
    ownerSide: z.enum(['region', 'provider'], { message: 'Eigenaar: kies regio of aanbieder' }),
    ownerProviderId: z.uuid('Eigenaar: onbekende aanbieder').nullable().optional(),
    ownerName: optionalText('Naam van de eigenaar', 200),
    dueDate: z
      .string({ message: 'Uiterste datum: vul een datum in' })
      .pipe(isoDate('Uiterste datum'))
      .openapi({ type: 'string', format: 'date' }),
  })
  .openapi('ActionCreate');

export const ZActionDone = z.object({ note: text('Toelichting', 2000) }).openapi('ActionDone');

export const ZActionUpdate = z
  .object({
    status: z.enum(['open', 'done'], { message: 'kies open of gedaan' }),
    note: optionalText('Toelichting', 2000),
    dueDate: isoDate('Uiterste datum'),
  })
  .partial()
  .openapi('ActionUpdate');

export const ZMeetingSettings = z
  .object({
    themes: z.array(text('Thema', 100)).max(20, 'ten hoogste 20 thema’s'),
    commentDays: z
      .number({ message: 'Reactietermijn: geef een aantal dagen' })
      .int()
      .min(1, 'Reactietermijn: ten minste 1 dag')
      .max(60, 'Reactietermijn: ten hoogste 60 dagen'),
    themeSessionsPerYear: z
      .number({ message: 'Sessies per thema: geef een aantal' })
      .int()
      .min(0, 'Sessies per thema: 0 tot en met 12')
      .max(12, 'Sessies per thema: 0 tot en met 12'),
  })
  .openapi('MeetingSettings');

export const ZYearQuery = z.object({
  year: z.coerce
    .number({ message: 'kies een jaar' })
    .int('kies een jaar')
    .min(limits.yearMin, `vanaf ${limits.yearMin}`)
    .max(limits.yearMax, `tot en met ${limits.yearMax}`),
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

export const ZMeetingsQuery = ZYearQuery.partial({ year: true });

export const ZAcceptProposals = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    year: ZYearQuery.shape.year,
    keys: z.array(z.string().max(200)).min(1, 'kies ten minste één voorstel').max(500),
  })
  .openapi('AcceptProposals');

export const ZActionsQuery = z.object({
  region: z.string().max(60).optional(),
  status: z.enum(['open', 'done']).optional(),
});

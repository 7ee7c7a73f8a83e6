import { z } from '@hono/zod-openapi';
import { kpiDefinitionById, kpiIds, kpiUnits } from '../../../shared/kpi.js';
import { isoDate, ZDate } from '../../http/openapi.js';
import { text } from './meetings.schema.js';

/** What a development task can be: running, completed or stopped; the last two are closed (no more notes). */
export const taskStatuses = ['active', 'completed', 'stopped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

const date = (label: string) =>
  z
    .string({ message: `${label}: vul een datum in` })
    .pipe(isoDate(label))
    .openapi({ type: 'string', format: 'date' });

export const ZMilestone = z.object({
  title: text('Mijlpaal', 300),
  dueDate: date('Mijlpaal, datum'),
  done: z.boolean({ message: 'Mijlpaal: geef aan of hij bereikt is' }).default(false),
});

/** A KPI id of the steering information's catalogue (src/shared/kpi.ts); an unknown one is refused, not dropped. */
const ZKpiId = z
  .string()
  .refine(
    (id) => kpiDefinitionById.has(id as (typeof kpiIds)[number]),
    'KPI: onbekende KPI; kies een KPI uit de stuurinformatie of laat de koppeling leeg',
  )
  .nullable()
  .optional()
  .describe(
    'Id van een KPI uit de stuurinformatie (zoals youths_in_care) waarop de maat aansluit; leeg als er geen past',
  );

const ZRegionMember = z.object({
  name: text('Naam van de deelnemer', 200),
  email: z.email('geen geldig e-mailadres').max(254).nullable().optional(),
});

const taskFields = {
  theme: z.string({ message: 'Thema: kies een thema' }).trim().max(100).describe('Thema van de transformatietafel'),
  title: text('Titel', 200),
  goal: text('Doel', 4000),
  measure: text('Maat', 2000),
  kpiId: ZKpiId,
  regionMembers: z.array(ZRegionMember).max(50).default([]),
  providerIds: z.array(z.uuid('onbekende aanbieder')).max(200).default([]),
  milestones: z.array(ZMilestone).max(50, 'ten hoogste 50 mijlpalen').default([]),
};

export const ZTaskCreate = z
  .object({ regionId: z.uuid({ message: 'kies een regio' }), ...taskFields })
  .openapi('DevelopmentTaskCreate');

export const ZTaskUpdate = z
  .object({
    theme: taskFields.theme,
    title: taskFields.title,
    goal: taskFields.goal,
    measure: taskFields.measure,
    kpiId: ZKpiId,
    regionMembers: z.array(ZRegionMember).max(50),
    providerIds: z.array(z.uuid('onbekende aanbieder')).max(200),
    milestones: z.array(ZMilestone).max(50, 'ten hoogste 50 mijlpalen').describe('De hele lijst; vervangt de vorige'),
    status: z.enum(taskStatuses, { message: 'Status: kies lopend, afgerond of gestopt' }),
  })
  .partial()
  .openapi('DevelopmentTaskUpdate');

export const ZTaskNote = z
  .object({
    text: text('Voortgang', 4000),
    date: date('Datum').optional().describe('De dag waarover de notitie gaat; standaard vandaag'),
  })
  .openapi('DevelopmentTaskNoteCreate');

export const ZTasksQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
  theme: z.string().max(100).optional(),
  status: z.enum(taskStatuses).optional(),
});

const ZNote = z
  .object({
    id: z.uuid(),
    date: ZDate,
    text: z.string(),
    providerId: z.uuid().nullable(),
    providerName: z.string().nullable(),
    authorName: z.string(),
    createdAt: z.string(),
  })
  .openapi('DevelopmentTaskNote');

export const ZTask = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    theme: z.string(),
    title: z.string(),
    goal: z.string(),
    measure: z.string(),
    status: z.enum(taskStatuses),
    kpi: z
      .object({
        id: z.enum(kpiIds),
        name: z.string(),
        unit: z.enum(kpiUnits),
        regionValue: z
          .object({
            value: z.number().nullable(),
            suppressed: z.boolean().describe('Te weinig jeugdigen achter het cijfer: weggelaten'),
            period: z.string(),
            provisional: z.boolean(),
          })
          .nullable()
          .describe('De waarde van de regio in het laatste complete kwartaal; leeg zolang de cijfers worden opgebouwd'),
      })
      .nullable(),
    regionMembers: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
    providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
    milestones: z.array(
      z.object({ id: z.uuid(), title: z.string(), dueDate: ZDate, done: z.boolean(), overdue: z.boolean() }),
    ),
    notes: z.array(ZNote),
    updatedAt: z.string(),
  })
  .openapi('DevelopmentTask');

export { ZNote as ZTaskNoteResponse };

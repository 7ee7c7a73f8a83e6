import { z } from '@hono/zod-openapi';
import { extensionStatuses, fundingVariants, limits, procedures } from '../../../../shared/domain.js';
import { isoDate, ZDate } from '../../../http/openapi.js';
import { sortParam } from '../../../http/sorting.js';
import { includeWithdrawn, ZWithdrawn } from '../withdrawals/withdrawals.schema.js';

/** Budget ceilings and notes are contract management's; a reader without contracts.terms gets the contract without. */
const termsOnly = 'Alleen voor wie contracts.terms heeft (beheerder, contractmanager, beleid)';

const statusText = 'optie (nog te besluiten), besloten (verlengt het contract) of afgewezen (verlengt niet)';

/**
 * An extension as a client sends it. Without a status it is decided when it has a decision date and an option when
 * it has none, as the contract form and the start page read an extension before the status existed.
 */
export const ZExtension = z
  .object({
    newEndDate: isoDate('nieuwe einddatum'),
    decidedOn: isoDate('besluitdatum').nullable().optional(),
    note: z.string().trim().max(1000).nullable().optional(),
    status: z
      .enum(extensionStatuses, { message: `kies ${statusText}` })
      .optional()
      .describe(`Status: ${statusText}. Zonder status: besloten met een besluitdatum, anders een optie.`),
    decideBy: isoDate('uiterste besluitdatum')
      .nullable()
      .optional()
      .describe('Uiterlijk besluiten op (de opzegtermijn van het contract); zonder: de einddatum ervoor'),
  })
  .transform((e) => ({ ...e, status: e.status ?? (e.decidedOn ? ('decided' as const) : ('option' as const)) }));

export const ZExtensionDecision = z
  .object({
    status: z.enum(['decided', 'declined'], { message: 'kies besloten (verlengen) of afgewezen (niet verlengen)' }),
    decidedOn: isoDate('besluitdatum'),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .openapi('ExtensionDecision');

const base = {
  regionId: z.uuid({ message: 'kies een regio' }),
  reference: z.string().trim().min(1, 'kenmerk is verplicht').max(50).describe('Contractkenmerk, uniek in de regio'),
  providerId: z.uuid({ message: 'kies een aanbieder' }).describe('De aanbieder; bij een combinatie de hoofdaannemer'),
  combinationId: z.uuid().nullable().optional().describe('Combinatie die het contract houdt, als die er is'),
  lotId: z.uuid({ message: 'kies een perceel' }),
  startDate: isoDate('startdatum'),
  endDate: isoDate('einddatum'),
  procedure: z.enum(procedures, { message: 'kies een inkoopprocedure' }),
  fundingVariant: z.enum(fundingVariants, { message: 'kies inspanningsgericht, outputgericht of taakgericht' }),
  budgetCeiling: z
    .number()
    .nonnegative('mag niet negatief zijn')
    .max(limits.amountMax)
    .nullable()
    .optional()
    .describe('Budgetplafond in euro per kalenderjaar'),
  notes: z.string().trim().max(5000).nullable().optional(),
  extensions: z.array(ZExtension).max(10).default([]),
};

const endAfterStart = (v: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const endMessage = { message: 'einddatum ligt voor de startdatum', path: ['endDate'] };

export const ZContractCreate = z.object(base).refine(endAfterStart, endMessage).openapi('ContractCreate');
export const ZContractUpdate = z
  .object({
    reference: base.reference.optional(),
    providerId: base.providerId.optional(),
    combinationId: base.combinationId,
    lotId: base.lotId.optional(),
    startDate: base.startDate.optional(),
    endDate: base.endDate.optional(),
    procedure: base.procedure.optional(),
    fundingVariant: base.fundingVariant.optional(),
    budgetCeiling: base.budgetCeiling,
    notes: base.notes,
    extensions: z.array(ZExtension).max(10).optional(),
  })
  .refine(endAfterStart, endMessage)
  .openapi('ContractUpdate');

export const ZContract = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    reference: z.string(),
    providerId: z.uuid(),
    providerName: z.string(),
    providerAgbCode: z.string(),
    combinationId: z.uuid().nullable(),
    combinationName: z.string().nullable(),
    lotId: z.uuid(),
    lotCode: z.string(),
    lotName: z.string(),
    startDate: ZDate,
    endDate: ZDate,
    effectiveEndDate: ZDate.describe('Einddatum inclusief de laatste besloten verlenging'),
    procedure: z.enum(procedures),
    fundingVariant: z.enum(fundingVariants),
    budgetCeiling: z.number().nullable().optional().describe(termsOnly),
    notes: z.string().nullable().optional().describe(termsOnly),
    extensions: z.array(
      z.object({
        id: z.uuid(),
        newEndDate: ZDate,
        decidedOn: ZDate.nullable(),
        note: z.string().nullable().optional().describe(termsOnly),
        status: z.enum(extensionStatuses),
        decideBy: ZDate.nullable(),
      }),
    ),
    status: z.enum(['toekomstig', 'lopend', 'beeindigd']),
    withdrawn: ZWithdrawn,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contract');

export const ZContractQuery = z.object({
  q: z.string().trim().optional().describe('Zoek op kenmerk of aanbiedernaam'),
  providerId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  fundingVariant: z.enum(fundingVariants).optional(),
  activeOn: isoDate('peildatum').optional().describe('Alleen contracten die op deze datum lopen'),
  sort: sortParam(['reference', 'provider', 'startDate', 'endDate', 'fundingVariant']),
  includeWithdrawn,
});

export type ContractCreate = z.infer<typeof ZContractCreate>;
export type ContractUpdate = z.infer<typeof ZContractUpdate>;
export type Contract = z.infer<typeof ZContract>;
export type ContractQuery = z.infer<typeof ZContractQuery>;
export type ExtensionDecision = z.infer<typeof ZExtensionDecision>;

import { z } from '@hono/zod-openapi';
import { productCategoryCodes } from '../../../../shared/codelists/index.js';
import { patterns, tierSchemes } from '../../../../shared/domain.js';

const code = z.string().trim().min(1, 'code is verplicht').max(20, 'code mag hoogstens 20 tekens zijn');
const name = z.string().trim().min(1, 'naam is verplicht').max(200, 'naam mag hoogstens 200 tekens zijn');

export const ZMunicipalityCreate = z
  .object({
    cbsCode: z
      .string()
      .trim()
      .regex(patterns.cbsCode, 'moet een CBS-gemeentecode van 4 cijfers zijn')
      .describe('CBS-gemeentecode'),
    name,
    unlisted: z
      .boolean({ message: 'moet true of false zijn' })
      .optional()
      .describe(
        'true: toch toevoegen terwijl de code niet op de ingelezen CBS-lijst staat (een nieuwe gemeente na een herindeling die de lijst nog niet kent)',
      ),
  })
  .openapi('MunicipalityCreate');
export const ZCodedCreate = z.object({ code, name }).openapi('CodedCreate');
export const ZBudgetLineCreate = ZCodedCreate.extend({
  productCategories: z
    .array(z.enum(productCategoryCodes, { message: 'onbekende productcategorie (codelijst JZ020)' }))
    .max(60)
    .default([])
    .describe('De productcategorieën (JZ020) waarvan de declaraties ten laste van deze post komen'),
}).openapi('BudgetLineCreate');
export const ZTierLevelCreate = z
  .object({
    scheme: z.enum(tierSchemes, { message: 'kies omvang of rol' }),
    code,
    name,
    description: z.string().trim().max(1000).nullable().optional(),
    accountMeetingsPerYear: z
      .number()
      .int()
      .min(0, 'mag niet negatief zijn')
      .max(52)
      .nullable()
      .optional()
      .describe('Accountgesprekken per jaar'),
    excludesCode: z
      .string()
      .trim()
      .max(20)
      .nullable()
      .optional()
      .describe('Code van een niveau in dezelfde indeling dat niet samen mag gaan'),
  })
  .openapi('TierLevelCreate');
export const ZTierLevelUpdate = ZTierLevelCreate.omit({ scheme: true, code: true })
  .partial()
  .openapi('TierLevelUpdate');

export const ZRegionCreate = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,40}$/, 'kleine letters, cijfers en streepjes (2–40)'),
    name,
    municipalities: z.array(ZMunicipalityCreate).default([]),
    lots: z.array(ZCodedCreate).default([]),
    budgetLines: z.array(ZBudgetLineCreate).default([]),
    tierLevels: z
      .array(ZTierLevelCreate)
      .optional()
      .describe('Leeg laten voor de standaardindelingen hoog/midden/basis en A/B/C'),
  })
  .openapi('RegionCreate');

const retired = z.boolean().describe('Opgeheven: blijft in de historie, verdwijnt uit keuzelijsten');
const ZCoded = z.object({ id: z.uuid(), code: z.string(), name: z.string(), retired });
export const ZTierLevel = z
  .object({
    id: z.uuid(),
    scheme: z.enum(tierSchemes),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    accountMeetingsPerYear: z.number().int().nullable(),
    excludesCode: z.string().nullable(),
  })
  .openapi('TierLevel');
export const ZRegion = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    municipalities: z.array(
      z.object({
        id: z.uuid(),
        cbsCode: z.string().describe('CBS-gemeentecode (4 cijfers)'),
        name: z.string(),
        retired,
      }),
    ),
    lots: z.array(ZCoded),
    budgetLines: z.array(ZCoded.extend({ productCategories: z.array(z.string()) })),
    tierLevels: z.array(ZTierLevel),
  })
  .openapi('Region');

export type RegionCreate = z.input<typeof ZRegionCreate>;
export type TierLevelCreate = z.infer<typeof ZTierLevelCreate>;
export type TierLevelUpdate = z.infer<typeof ZTierLevelUpdate>;
export type Region = z.infer<typeof ZRegion>;

/** What every role needs of its region for filters and forms: no money (budget lines) and no tiers. */
export const ZRegionReference = ZRegion.pick({
  id: true,
  code: true,
  name: true,
  municipalities: true,
  lots: true,
}).openapi('RegionReference');
export type RegionReference = z.infer<typeof ZRegionReference>;

/** A rename, and retiring or restoring: the code stays (it is what history refers to). */
export const ZRegionUpdate = z.object({ name }).openapi('RegionUpdate');
export const ZCodedUpdate = z
  .object({
    name: name.optional(),
    retired: z
      .boolean({ message: 'moet true of false zijn' })
      .optional()
      .describe('true: opheffen (blijft in de historie, verdwijnt uit keuzelijsten); false: weer in gebruik'),
  })
  .openapi('CodedUpdate');
export const ZBudgetLineUpdate = ZCodedUpdate.extend({
  productCategories: ZBudgetLineCreate.shape.productCategories.unwrap().optional(),
}).openapi('BudgetLineUpdate');
export type CodedUpdate = z.infer<typeof ZCodedUpdate>;
export type BudgetLineUpdate = z.infer<typeof ZBudgetLineUpdate>;

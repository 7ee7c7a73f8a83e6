import { z } from '@hono/zod-openapi';
import { productCategoryCodes, unitCodes } from '../../../../shared/codelists/index.js';
import { fundingVariants, intensities, limits, stayForms } from '../../../../shared/domain.js';
import { isoDate, ZDate } from '../../../http/openapi.js';
import { sortParam } from '../../../http/sorting.js';
import { includeWithdrawn, ZWithdrawn } from '../withdrawals/withdrawals.schema.js';

export const ZTariff = z.object({
  year: z.number().int().min(2015, 'jaar vanaf 2015').max(2100),
  tariff: z.number().nonnegative('tarief mag niet negatief zijn').max(1e7).describe('Tarief in euro per eenheid'),
});

const base = {
  regionId: z.uuid({ message: 'kies een regio' }),
  lotId: z.uuid().nullable().optional(),
  productCategory: z
    .enum(productCategoryCodes, { message: 'onbekende productcategorie (codelijst JZ020)' })
    .describe('iJw-productcategorie (JZ020)'),
  productCode: z
    .string()
    .trim()
    .min(1, 'productcode is verplicht')
    .max(limits.productCodeMaxLength, `productcode mag hoogstens ${limits.productCodeMaxLength} tekens zijn`)
    .describe('Regionale productcode (hoogstens 5 tekens)'),
  name: z.string().trim().min(1, 'naam is verplicht').max(200),
  unit: z.enum(unitCodes, { message: 'onbekende eenheid (codelijst WJ756)' }).describe('Eenheid (WJ756)'),
  fundingVariant: z.enum(fundingVariants, { message: 'kies inspanningsgericht, outputgericht of taakgericht' }),
  withStay: z.boolean().default(false).describe('Met verblijf'),
  stayForm: z
    .enum(stayForms, { message: 'kies pleegzorg, gezinshuis, residentieel of gesloten' })
    .nullable()
    .optional()
    .describe('Vorm van verblijf (alleen bij zorg met verblijf)'),
  intensity: z.enum(intensities).nullable().optional(),
  travelHoursPerFte: z
    .number()
    .int()
    .min(0)
    .max(2000)
    .nullable()
    .optional()
    .describe('Reisuren per fte per jaar die in het tarief zijn inbegrepen'),
  validFrom: isoDate('geldig vanaf'),
  validTo: isoDate('geldig tot').nullable().optional(),
  tariffs: z.array(ZTariff).max(50).default([]),
};

const validToAfterFrom = (v: { validFrom?: string | undefined; validTo?: string | null | undefined }) =>
  !v.validFrom || !v.validTo || v.validTo >= v.validFrom;
const validMessage = { message: 'einddatum ligt voor de begindatum', path: ['validTo'] };
const stayFormNeedsStay = (v: { withStay?: boolean | undefined; stayForm?: string | null | undefined }) =>
  !v.stayForm || v.withStay !== false;
const stayFormMessage = { message: 'een vorm van verblijf hoort alleen bij zorg met verblijf', path: ['stayForm'] };

export const ZProductCreate = z
  .object(base)
  .refine(validToAfterFrom, validMessage)
  .refine(stayFormNeedsStay, stayFormMessage)
  .openapi('ProductCreate');
export const ZProductUpdate = z
  .object({
    lotId: base.lotId,
    productCategory: base.productCategory.optional(),
    productCode: base.productCode.optional(),
    name: base.name.optional(),
    unit: base.unit.optional(),
    fundingVariant: base.fundingVariant.optional(),
    withStay: z.boolean().optional(),
    stayForm: base.stayForm,
    intensity: base.intensity,
    travelHoursPerFte: base.travelHoursPerFte,
    validFrom: base.validFrom.optional(),
    validTo: base.validTo,
    tariffs: z.array(ZTariff).max(50).optional(),
  })
  .refine(validToAfterFrom, validMessage)
  .refine(stayFormNeedsStay, stayFormMessage)
  .openapi('ProductUpdate');

export const ZProduct = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    lotId: z.uuid().nullable(),
    lotName: z.string().nullable(),
    productCategory: z.string(),
    productCategoryName: z.string(),
    productCode: z.string(),
    name: z.string(),
    unit: z.string(),
    unitName: z.string(),
    fundingVariant: z.enum(fundingVariants),
    withStay: z.boolean(),
    stayForm: z.enum(stayForms).nullable(),
    intensity: z.enum(intensities).nullable(),
    travelHoursPerFte: z.number().int().nullable(),
    validFrom: ZDate,
    validTo: ZDate.nullable(),
    tariffs: z.array(ZTariff),
    withdrawn: ZWithdrawn,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product');

export const ZProductQuery = z.object({
  q: z.string().trim().optional().describe('Zoek op productcode of naam'),
  regionId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  productCategory: z.string().optional(),
  withStay: z.enum(['true', 'false']).optional(),
  sort: sortParam(['productCode', 'name', 'productCategory', 'unit', 'validFrom', 'validTo']),
  includeWithdrawn,
});

export type ProductCreate = z.infer<typeof ZProductCreate>;
export type ProductUpdate = z.infer<typeof ZProductUpdate>;
export type Product = z.infer<typeof ZProduct>;
export type ProductQuery = z.infer<typeof ZProductQuery>;

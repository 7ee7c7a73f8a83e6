import { z } from '@hono/zod-openapi';
import { isWebAddress, patterns, providerDomains } from '../../../../shared/domain.js';
import { dutchBounds } from '../../../../shared/geo.js';
import { sortParam } from '../../../http/sorting.js';

const coordinate = (label: string, [min, max]: readonly [number, number]) =>
  z
    .number({ message: `${label} moet een getal zijn` })
    .min(min, `${label} ligt niet in Nederland (${min} tot ${max})`)
    .max(max, `${label} ligt niet in Nederland (${min} tot ${max})`);

const ZLocationFields = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'naam is verplicht').max(200),
  postcode: z.string().trim().toUpperCase().regex(patterns.postcode, 'moet een postcode zijn als 3431 AB'),
  city: z.string().trim().max(100).optional().nullable(),
  latitude: coordinate('breedtegraad', dutchBounds.latitude)
    .nullable()
    .optional()
    .describe('WGS84, bijvoorbeeld 52.03; zonder: het midden van het postcodegebied'),
  longitude: coordinate('lengtegraad', dutchBounds.longitude)
    .nullable()
    .optional()
    .describe('WGS84, bijvoorbeeld 5.17'),
});

export const ZLocation = ZLocationFields.refine(
  (l) => (l.latitude === null || l.latitude === undefined) === (l.longitude === null || l.longitude === undefined),
  { message: 'geef breedte- en lengtegraad allebei, of geen van beide', path: ['longitude'] },
);

const fields = {
  agbCode: z
    .string()
    .trim()
    .regex(patterns.agbCode, 'moet 8 cijfers zijn')
    .describe('AGB-code van de aanbieder (8 cijfers)'),
  kvkNumber: z
    .string()
    .trim()
    .regex(patterns.kvkNumber, 'moet 8 cijfers zijn')
    .nullable()
    .optional()
    .describe('KvK-nummer (8 cijfers)'),
  name: z.string().trim().min(1, 'naam is verplicht').max(200, 'mag hoogstens 200 tekens zijn'),
  domains: z.array(z.enum(providerDomains, { message: 'kies J&O (JO), jeugd-ggz (JGGZ) of LVB' })).default([]),
  specialisations: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  website: z
    .string()
    .trim()
    .max(500, 'mag hoogstens 500 tekens zijn')
    .refine(isWebAddress, 'moet een volledig webadres zijn dat begint met https:// of http://')
    .nullable()
    .optional(),
  active: z.boolean().default(true),
  locations: z.array(ZLocation).max(100).default([]),
  tierLevelIds: z.array(z.uuid()).default([]).describe('Niveaus in de indelingen van de regio (omvang, rol)'),
};

export const ZProviderCreate = z.object(fields).openapi('ProviderCreate');
export const ZProviderUpdate = z
  .object({
    agbCode: fields.agbCode.optional(),
    kvkNumber: fields.kvkNumber,
    name: fields.name.optional(),
    domains: z.array(z.enum(providerDomains)).optional(),
    specialisations: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    website: fields.website,
    active: z.boolean().optional(),
    locations: z.array(ZLocation).max(100).optional(),
    tierLevelIds: z.array(z.uuid()).optional(),
  })
  .openapi('ProviderUpdate');

export const ZTierRef = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  scheme: z.enum(['omvang', 'rol']),
  code: z.string(),
  name: z.string(),
});

export const ZProvider = z
  .object({
    id: z.uuid(),
    agbCode: z.string(),
    kvkNumber: z.string().nullable(),
    name: z.string(),
    domains: z.array(z.enum(providerDomains)),
    specialisations: z.array(z.string()),
    website: z.string().nullable(),
    active: z.boolean(),
    locations: z.array(
      ZLocationFields.extend({
        id: z.uuid(),
        city: z.string().nullable(),
        latitude: z.number().nullable().describe('Eigen coördinaten (WGS84); null: het midden van het postcodegebied'),
        longitude: z.number().nullable(),
      }),
    ),
    tiers: z.array(ZTierRef),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Provider');

export const ZProviderQuery = z.object({
  q: z.string().trim().optional().describe('Zoek op naam of AGB-code'),
  domain: z.enum(providerDomains).optional(),
  tierLevelId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: sortParam(['name', 'agbCode', 'kvkNumber']),
});

export type ProviderCreate = z.infer<typeof ZProviderCreate>;
export type ProviderUpdate = z.infer<typeof ZProviderUpdate>;
export type Provider = z.infer<typeof ZProvider>;
export type ProviderQuery = z.infer<typeof ZProviderQuery>;

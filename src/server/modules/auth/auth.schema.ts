import { z } from '@hono/zod-openapi';
import { limits, roles } from '../../../shared/domain.js';

export const ZSignIn = z
  .object({
    email: z.email({ message: 'vul een geldig e-mailadres in' }),
    password: z.string().min(1, 'vul uw wachtwoord in').max(1000),
  })
  .openapi('SignIn');

export const ZUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    providerId: z.uuid().nullable().describe('Alleen bij de rol aanbieder: de eigen organisatie'),
    regionId: z
      .uuid()
      .nullable()
      .describe('De regio waarin de gebruiker werkt; leeg bij een beheerder: de hele installatie'),
    active: z.boolean().describe('Een gedeactiveerd account kan niet inloggen; lopende sessies vervallen'),
  })
  .openapi('User');

export const ZMe = ZUser.extend({
  regions: z
    .array(z.object({ id: z.uuid(), code: z.string(), name: z.string() }))
    .describe(
      "De regio's waartussen de gebruiker wisselt (de beheerder van de installatie: alle); leeg voor wie aan één regio vastzit",
    ),
  currentRegionId: z
    .uuid()
    .nullable()
    .describe("De regio waarop dit verzoek betrekking had (gekozen met het cookie zl_regio); leeg: alle regio's"),
}).openapi('CurrentUser');

export const ZSession = z.object({ user: ZUser, expiresAt: z.string() }).openapi('Session');

export const ZUserCreate = z
  .object({
    email: z.email({ message: 'vul een geldig e-mailadres in' }),
    name: z.string().trim().min(1, 'naam is verplicht').max(200),
    role: z.enum(roles, { message: `kies een van: ${roles.join(', ')}` }),
    providerId: z.uuid().optional().describe('Verplicht bij de rol aanbieder'),
    regionId: z.uuid().optional().describe('De regio; leeg = de enige regio als er één is (een beheerder: geen)'),
    regionCode: z.string().max(60).optional().describe('De regio, bij code, in plaats van regionId'),
    password: z
      .string()
      .min(limits.passwordMinLength, `moet minstens ${limits.passwordMinLength} tekens hebben`)
      .max(limits.passwordMaxLength, `mag hoogstens ${limits.passwordMaxLength} tekens hebben`)
      .optional()
      .describe(
        'Leeg laten bij inloggen via OIDC. 12 tot 128 tekens; geen veelgebruikt wachtwoord, niet alleen spaties, niet afgeleid van het e-mailadres',
      ),
  })
  .openapi('UserCreate');

export const ZUserUpdate = z
  .object({
    name: z.string().trim().min(1, 'naam is verplicht').max(200).optional(),
    role: z.enum(roles, { message: `kies een van: ${roles.join(', ')}` }).optional(),
    providerId: z.uuid().nullable().optional(),
    regionId: z.uuid().nullable().optional().describe('Null: geen regio (bij een beheerder: de hele installatie)'),
    regionCode: z.string().max(60).optional(),
    active: z.boolean().optional(),
    password: z
      .string()
      .min(limits.passwordMinLength, `moet minstens ${limits.passwordMinLength} tekens hebben`)
      .max(limits.passwordMaxLength, `mag hoogstens ${limits.passwordMaxLength} tekens hebben`)
      .optional(),
  })
  .openapi('UserUpdate');

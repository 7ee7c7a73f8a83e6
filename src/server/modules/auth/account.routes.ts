import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { clientAddress } from '../../http/client-address.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { body, json, problems } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { limits } from '../../../shared/domain.js';
import { inReach } from './auth.routes.js';
import { hashToken } from './auth.service.js';
import { changeOwnPassword, checkPasswordReset, completePasswordReset, createPasswordReset } from './password-reset.js';

const tags = ['Inloggen en gebruikers'];
const passwordRule =
  `${limits.passwordMinLength} tot ${limits.passwordMaxLength} tekens; geen veelgebruikt wachtwoord, ` +
  'niet alleen spaties, niet afgeleid van het e-mailadres. Een zin van een paar woorden is sterk en goed te onthouden.';
const ZNewPassword = z.string().max(1000, 'password: te lang').describe(passwordRule);
const ZToken = z.string().min(1, 'token ontbreekt').max(200, 'token: te lang').describe('Het token uit de link (na #)');

const ZResetLink = z
  .object({
    url: z.string().describe('De link; eenmalig te gebruiken. Alleen in dit antwoord te zien.'),
    expiresAt: z.string().describe('Tot wanneer de link werkt (ISO 8601)'),
    mailed: z
      .boolean()
      .describe('Of de link ook naar het e-mailadres van de gebruiker is gestuurd (alleen met mailserver)'),
  })
  .openapi('PasswordResetLink');

export const accountRoutes = new OpenAPIHono<AppEnv>();

accountRoutes.openapi(
  defineRoute({
    permission: 'users.manage',
    method: 'post',
    path: '/password-resets',
    tags,
    summary: 'Een eenmalige link maken waarmee een gebruiker een nieuw wachtwoord instelt (alleen beheerder)',
    description:
      `De link werkt één keer en ${limits.passwordResetHours} uur; een nieuwere link vervangt een oudere. Met een ` +
      'ingestelde mailserver gaat hij ook per e-mail naar de gebruiker. Het oude wachtwoord blijft werken tot de ' +
      'gebruiker een nieuw instelt.',
    request: body(z.object({ userId: z.uuid('userId: geen geldig account') }).openapi('PasswordResetCreate')),
    responses: { 201: json(ZResetLink, 'De link'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const { userId } = c.req.valid('json');
    const origin = (c.get('credential') === 'cookie' && c.req.header('Origin')) || new URL(c.req.url).origin;
    const link = await c.get('db').transaction(async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), inReach(actor)));
      if (!user) throw new AppError(ErrorCode.NotFound, 'Deze gebruiker bestaat niet.');
      return createPasswordReset(tx, actor, user, { origin, mail: Boolean(c.get('config').smtpUrl) });
    });
    return c.json(link, 201);
  },
);

accountRoutes.openapi(
  defineRoute({
    permission: 'passwordReset.use',
    method: 'post',
    path: '/password-reset-checks',
    tags,
    summary: 'Nagaan of een link voor een nieuw wachtwoord nog werkt, en voor welk account',
    description: 'Het token staat in de body, niet in het pad, zodat het niet in logboeken van servers belandt.',
    request: body(z.object({ token: ZToken }).openapi('PasswordResetCheck')),
    responses: {
      200: json(
        z.object({ name: z.string(), email: z.string(), expiresAt: z.string() }).openapi('PasswordResetAccount'),
        'Het account van de link',
      ),
      ...problems(400, 404, 410),
    },
  }),
  async (c) => c.json(await checkPasswordReset(c.get('db'), c.req.valid('json').token), 200),
);

accountRoutes.openapi(
  defineRoute({
    permission: 'passwordReset.use',
    method: 'post',
    path: '/password-reset-completions',
    tags,
    summary: 'Met een link een nieuw wachtwoord instellen',
    description:
      'Gebruikt de link op en beëindigt alle sessies van het account; daarna inloggen met het nieuwe wachtwoord.',
    request: body(z.object({ token: ZToken, password: ZNewPassword }).openapi('PasswordResetCompletion')),
    responses: { 204: { description: 'Het nieuwe wachtwoord is ingesteld' }, ...problems(400, 404, 410) },
  }),
  async (c) => {
    const { token, password } = c.req.valid('json');
    await completePasswordReset(c.get('db'), token, password);
    return c.body(null, 204);
  },
);

accountRoutes.openapi(
  defineRoute({
    permission: 'account.password',
    method: 'put',
    path: '/users/me/password',
    tags,
    summary: 'Het eigen wachtwoord wijzigen',
    description:
      'Vraagt het huidige wachtwoord (en telt een fout daarin mee zoals bij inloggen); de andere sessies van het ' +
      'account eindigen, deze blijft.',
    request: body(
      z
        .object({
          currentPassword: z.string().min(1, 'vul uw huidige wachtwoord in').max(1000),
          password: ZNewPassword,
        })
        .openapi('PasswordChange'),
    ),
    responses: { 204: { description: 'Gewijzigd' }, ...problems(400, 401, 429) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    const source = clientAddress(c);
    const attempt = c.get('signInThrottle').begin(actor.email, source);
    if ('retryAfterSeconds' in attempt) {
      const error = new AppError(
        ErrorCode.TooManyRequests,
        'Te veel pogingen met een verkeerd wachtwoord. Probeer het later opnieuw.',
      );
      error.retryAfterSeconds = attempt.retryAfterSeconds;
      throw error;
    }
    let outcome: 'changed' | 'wrong-current' | undefined;
    try {
      const session = c.get('sessionToken');
      outcome = await changeOwnPassword(c.get('db'), actor, {
        ...input,
        keepSessionHash: session ? hashToken(session) : null,
        source,
      });
    } finally {
      attempt.settle(outcome === 'wrong-current' ? 'failure' : outcome === 'changed' ? 'success' : 'abandoned');
    }
    if (outcome === 'wrong-current')
      throw new AppError(ErrorCode.Validation, 'Het huidige wachtwoord klopt niet.', [
        { name: 'currentPassword', code: 'wrong', reason: 'het huidige wachtwoord klopt niet' },
      ]);
    return c.body(null, 204);
  },
);

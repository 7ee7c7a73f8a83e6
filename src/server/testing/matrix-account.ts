import { randomBytes } from 'node:crypto';
import { passwordResets } from '../db/schema/index.js';
import { hashToken } from '../modules/auth/auth.service.js';
import type { TestContext } from './harness.js';
import type { OperationCase } from './matrix-operations.js';
import type { World } from './matrix-world.js';

/** A live one-time link for the side's user, as a beheerder's reset leaves it: each probe gets its own. */
async function resetToken(ctx: TestContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ctx.database.db
    .insert(passwordResets)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + 3600_000) });
  return token;
}

/** How the permission matrix asks the operations on accounts: password links and one's own password. */
export const accountOperations: Record<string, OperationCase> = {
  'POST /password-resets': {
    permission: 'users.manage',
    kind: 'object',
    own: (w: World) => ({ path: '/password-resets', body: { userId: w.a.userId } }),
    otherRegion: (w: World) => ({ path: '/password-resets', body: { userId: w.b.userId } }),
  },
  // Whoever holds a link may use it, signed in or not; what it reaches is the one account it names.
  'POST /password-reset-checks': {
    permission: 'passwordReset.use',
    kind: 'object',
    own: async (w, ctx) => ({ path: '/password-reset-checks', body: { token: await resetToken(ctx, w.a.userId) } }),
  },
  'POST /password-reset-completions': {
    permission: 'passwordReset.use',
    kind: 'object',
    own: async (w, ctx) => ({
      path: '/password-reset-completions',
      body: { token: await resetToken(ctx, w.a.userId), password: 'een zin voor de matrix' },
    }),
  },
  // The matrix's accounts sign in without a password (as through OIDC): a holder is told so (400), nothing changes.
  'PUT /users/me/password': {
    permission: 'account.password',
    kind: 'object',
    own: () => ({
      path: '/users/me/password',
      body: { currentPassword: 'wat dan ook', password: 'een nieuwe lange zin' },
    }),
    ownStatus: 400,
  },
};

import type { Role } from '../../../shared/domain.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import type { Actor } from '../auth/auth.service.js';

/** Roles that keep the region's master data (providers, contracts, products, budgets). */
export const masterDataEditors: Role[] = ['beheerder', 'contractmanager'];
/** Roles that read all of the landscape; an aanbieder reads only its own provider. */
export const landscapeReaders: Role[] = ['beheerder', 'contractmanager', 'beleid', 'verwijzer', 'aanbieder'];
/** Money is for the backoffice and policy, not for providers or referrers. */
export const budgetReaders: Role[] = ['beheerder', 'contractmanager', 'beleid'];

/** Fields an aanbieder may keep current on its own provider record; the rest is the region's. */
export const providerSelfServiceFields = ['domains', 'specialisations', 'website', 'locations'] as const;

/** Limits a query to the actor's own provider when the actor is an aanbieder. */
export function providerScope(actor: Actor): string | undefined {
  return actor.role === 'aanbieder' ? (actor.providerId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}

export function assertMayReadProvider(actor: Actor, providerId: string): void {
  if (actor.role === 'aanbieder' && actor.providerId !== providerId) {
    throw new AppError(ErrorCode.Forbidden, 'U hebt alleen toegang tot de gegevens van uw eigen organisatie.');
  }
}

export function assertMayEditProvider(actor: Actor, providerId: string, fields: string[]): void {
  if (masterDataEditors.includes(actor.role)) return;
  if (actor.role === 'aanbieder' && actor.providerId === providerId) {
    const forbidden = fields.filter((f) => !(providerSelfServiceFields as readonly string[]).includes(f));
    if (forbidden.length === 0) return;
    throw new AppError(ErrorCode.Forbidden, `Deze velden beheert de regio: ${forbidden.join(', ')}.`);
  }
  throw new AppError(ErrorCode.Forbidden, 'U mag deze aanbieder niet wijzigen.');
}

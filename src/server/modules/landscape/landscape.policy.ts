import { AppError, ErrorCode } from '../../http/errors.js';
import { providerScope } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';

/** Fields an aanbieder may keep current on its own provider record; the rest is the region's. */
export const providerSelfServiceFields = ['domains', 'specialisations', 'website', 'locations'] as const;

/** Another provider's record stays 403 for an actor scoped to its own provider (docs/decisions.md, 2026-12-06). */
export function assertMayReadProvider(actor: Actor, providerId: string): void {
  const own = providerScope(actor);
  if (own && own !== providerId)
    throw new AppError(ErrorCode.Forbidden, 'U hebt alleen toegang tot de gegevens van uw eigen organisatie.');
}

/** A grant over the region edits every field; a grant over the own provider only its self-service fields. */
export function assertMayEditProvider(actor: Actor, providerId: string, fields: string[]): void {
  const own = providerScope(actor, 'providers.edit');
  if (!own) return;
  if (own !== providerId) throw new AppError(ErrorCode.Forbidden, 'U mag deze aanbieder niet wijzigen.');
  const forbidden = fields.filter((f) => !(providerSelfServiceFields as readonly string[]).includes(f));
  if (forbidden.length)
    throw new AppError(ErrorCode.Forbidden, `Deze velden beheert de regio: ${forbidden.join(', ')}.`);
}

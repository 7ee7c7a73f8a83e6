import { AppError, ErrorCode } from '../../../http/errors.js';
import type { Contract, ContractUpdate } from './contracts.schema.js';

const formatDate = (iso: string) => iso.split('-').reverse().join('-');

/** An extension decision on a contract that has already ended: 409, nothing saved. */
export function endedProblem(contract: Contract, field: string): AppError {
  return new AppError(ErrorCode.Conflict, 'Dit contract is al geëindigd', [
    {
      name: field,
      code: 'contract-ended',
      reason: `contract ${contract.reference} is op ${formatDate(contract.effectiveEndDate)} geëindigd; over een verlenging valt niets meer te besluiten`,
    },
  ]);
}

/**
 * An ended contract's extensions are history: through the contract's PATCH an extension can still be recorded as
 * decided when it was decided in time (decidedOn on or before the end), as the region's records say, but a decision
 * without a date or after the end is refused as the decision route refuses it: "decided" cannot revive a contract
 * after the fact.
 */
export function assertExtensionsKept(before: Contract, extensions: NonNullable<ContractUpdate['extensions']>): void {
  const known = new Set(before.extensions.filter((e) => e.status === 'decided').map((e) => e.newEndDate));
  const late = extensions.findIndex(
    (e) =>
      e.status === 'decided' && !known.has(e.newEndDate) && (!e.decidedOn || e.decidedOn > before.effectiveEndDate),
  );
  if (late >= 0) throw endedProblem(before, `extensions.${late}.decidedOn`);
}

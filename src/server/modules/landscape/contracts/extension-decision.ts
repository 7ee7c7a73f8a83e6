import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { contractExtensions, contracts } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import { assertOwnRegion } from '../../../http/permission.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { dutchToday } from '../../../../shared/period.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Contract, ExtensionDecision } from './contracts.schema.js';
import { endedProblem } from './extension-rules.js';
import { presentContracts, projectFor, withdrawnContract } from './contracts.service.js';

/**
 * Decides an extension option: decided moves the contract's effective end to its new end date, declined leaves the
 * end where it was. Only an option of a contract that has not yet ended (today, Dutch time) can be decided.
 */
export async function decideExtension(
  db: Db,
  actor: Actor,
  ids: { contractId: string; extensionId: string },
  input: ExtensionDecision,
  today = dutchToday(),
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const [before] = await presentContracts(tx, [ids.contractId]);
    if (!before) throw new AppError(ErrorCode.NotFound, 'Dit contract bestaat niet.');
    assertOwnRegion(actor, before.regionId, 'Dit contract bestaat niet.');
    if (before.withdrawn) throw new AppError(ErrorCode.Conflict, withdrawnContract);
    const extension = before.extensions.find((e) => e.id === ids.extensionId);
    if (!extension) throw new AppError(ErrorCode.NotFound, 'Deze verlenging hoort niet bij dit contract.');
    if (before.effectiveEndDate < today) throw endedProblem(before, 'status');
    if (extension.status !== 'option') {
      const was = extension.status === 'decided' ? 'besloten' : 'afgewezen';
      throw fieldError('status', `over deze verlenging is al besloten (${was})`, ErrorCode.Conflict, 'already-decided');
    }
    if (input.decidedOn > today) throw fieldError('decidedOn', 'de besluitdatum ligt in de toekomst');
    await tx
      .update(contractExtensions)
      .set({ status: input.status, decidedOn: input.decidedOn, note: input.note ?? extension.note ?? null })
      .where(and(eq(contractExtensions.id, ids.extensionId), eq(contractExtensions.contractId, ids.contractId)));
    await tx.update(contracts).set({ updatedAt: new Date() }).where(eq(contracts.id, ids.contractId));
    const [after] = await presentContracts(tx, [ids.contractId]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'contract',
      entityId: ids.contractId,
      regionId: before.regionId,
      before,
      after,
    });
    return projectFor(actor, after!);
  });
}

import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../../db/client.js';
import {
  combinationMembers,
  combinations,
  contractExtensions,
  contracts,
  lots,
  providers,
} from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError, type InvalidParam } from '../../../http/errors.js';
import type { PageQuery } from '../../../http/openapi.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { assertOwnRegion, assertOwnRegionField, inOwnRegions, providerScope } from '../../../http/permission.js';
import { scopeOf } from '../../../../shared/permissions.js';
import { contractEnd, effectiveEndDate } from '../rules.js';
import type { ExtensionStatus } from '../../../../shared/domain.js';
import { assertExtensionsKept } from './extension-rules.js';
import { sortOrder } from '../../../http/sorting.js';
import type { Contract, ContractCreate, ContractQuery, ContractUpdate } from './contracts.schema.js';
import { presentWithdrawn } from '../withdrawals/withdrawals.schema.js';

/** The end with extensions (rules.ts), of the contracts row. */
const effectiveEnd = sql<string>`${contractEnd('contracts')}`;

/** An aanbieder sees the contracts it holds and those of combinations it is a member of. */
function visibleTo(actor: Actor): SQL | undefined {
  const own = providerScope(actor);
  if (!own) return undefined;
  const viaCombination = sql`${contracts.combinationId} in (select ${combinationMembers.combinationId} from ${combinationMembers} where ${combinationMembers.providerId} = ${own})`;
  return or(eq(contracts.providerId, own), viaCombination);
}

/**
 * The contract as this reader may see it: budget ceilings and the region's notes (also on extensions) only for a
 * role with contracts.terms; a verwijzer or aanbieder gets the contract without them, not with them set to null.
 */
export function projectFor(actor: Actor, contract: Contract): Contract {
  if (scopeOf(actor.role, 'contracts.terms')) return contract;
  const { budgetCeiling: _ceiling, notes: _notes, ...rest } = contract;
  return { ...rest, extensions: contract.extensions.map(({ note: _note, ...e }) => e) };
}

export async function listContracts(db: Db, actor: Actor, query: ContractQuery & PageQuery) {
  const filters: SQL[] = [inOwnRegions(contracts.regionId, actor)];
  const scope = visibleTo(actor);
  if (scope) filters.push(scope);
  if (query.q) filters.push(or(ilike(contracts.reference, `%${query.q}%`), ilike(providers.name, `%${query.q}%`))!);
  if (query.providerId) filters.push(eq(contracts.providerId, query.providerId));
  if (query.lotId) filters.push(eq(contracts.lotId, query.lotId));
  if (query.regionId) filters.push(eq(contracts.regionId, query.regionId));
  if (query.fundingVariant) filters.push(eq(contracts.fundingVariant, query.fundingVariant));
  if (query.includeWithdrawn !== 'true') filters.push(isNull(contracts.withdrawnAt));
  if (query.activeOn) filters.push(lte(contracts.startDate, query.activeOn), gte(effectiveEnd, query.activeOn));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select({ id: contracts.id })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(where)
      .orderBy(
        ...sortOrder(
          query.sort,
          {
            reference: contracts.reference,
            provider: providers.name,
            startDate: contracts.startDate,
            endDate: effectiveEnd,
            fundingVariant: contracts.fundingVariant,
          },
          [desc(contracts.startDate), asc(contracts.reference)],
        ),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(contracts).innerJoin(providers, eq(providers.id, contracts.providerId)).where(where),
  ]);
  return {
    items: (
      await presentContracts(
        db,
        rows.map((r) => r.id),
      )
    ).map((c) => projectFor(actor, c)),
    total: Number(total?.n ?? 0),
  };
}

export async function getContract(db: Db, actor: Actor, id: string): Promise<Contract> {
  const scope = visibleTo(actor);
  const [row] = await db
    .select({
      id: contracts.id,
      regionId: contracts.regionId,
      visible: scope ? sql<boolean>`(${scope})` : sql<boolean>`true`,
    })
    .from(contracts)
    .where(eq(contracts.id, id));
  if (!row) throw new AppError(ErrorCode.NotFound, 'Dit contract bestaat niet.');
  assertOwnRegion(actor, row.regionId, 'Dit contract bestaat niet.');
  if (!row.visible)
    throw new AppError(ErrorCode.Forbidden, 'U hebt alleen toegang tot de contracten van uw eigen organisatie.');
  return projectFor(actor, (await presentContracts(db, [id]))[0]!);
}

export async function createContract(db: Db, actor: Actor, input: ContractCreate): Promise<Contract> {
  assertOwnRegionField(actor, input.regionId);
  return db.transaction(async (tx) => {
    await assertConsistent(tx, input);
    const { extensions, ...columns } = input;
    const [row] = await tx
      .insert(contracts)
      .values({
        ...columns,
        combinationId: columns.combinationId ?? null,
        budgetCeiling: money(columns.budgetCeiling),
        notes: columns.notes ?? null,
      })
      .returning({ id: contracts.id });
    await replaceExtensions(tx, row!.id, extensions);
    const [after] = await presentContracts(tx, [row!.id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'contract',
      entityId: row!.id,
      regionId: after!.regionId,
      after,
    });
    return after!;
  });
}

/** A withdrawn contract is history: it changes only by being restored. */
export const withdrawnContract = 'Dit contract is ingetrokken. Herstel het eerst als u het wilt wijzigen.';

export async function updateContract(db: Db, actor: Actor, id: string, input: ContractUpdate): Promise<Contract> {
  return db.transaction(async (tx) => {
    const [before] = await presentContracts(tx, [id]);
    if (!before) throw new AppError(ErrorCode.NotFound, 'Dit contract bestaat niet.');
    assertOwnRegion(actor, before.regionId, 'Dit contract bestaat niet.');
    if (before.withdrawn) throw new AppError(ErrorCode.Conflict, withdrawnContract);
    const merged = {
      ...before,
      ...stripUndefined(input),
      extensions:
        input.extensions ??
        before.extensions.map(({ newEndDate, decidedOn, note, status, decideBy }) => ({
          newEndDate,
          decidedOn,
          note,
          status,
          decideBy,
        })),
    };
    if (merged.endDate < merged.startDate) throw fieldError('endDate', 'einddatum ligt voor de startdatum');
    await assertConsistent(tx, merged, id);
    if (input.extensions && before.status === 'beeindigd') assertExtensionsKept(before, input.extensions);
    const { extensions, budgetCeiling, ...columns } = input;
    await tx
      .update(contracts)
      .set({
        ...columns,
        ...(budgetCeiling !== undefined ? { budgetCeiling: money(budgetCeiling) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(contracts.id, id));
    if (extensions) await replaceExtensions(tx, id, extensions);
    const [after] = await presentContracts(tx, [id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'contract',
      entityId: id,
      regionId: before.regionId,
      before,
      after,
    });
    return after!;
  });
}

type ContractShape = Pick<
  ContractCreate,
  'regionId' | 'reference' | 'providerId' | 'lotId' | 'startDate' | 'endDate' | 'extensions'
> & { combinationId?: string | null | undefined };

/**
 * The rules a contract must keep: its lot and combination belong to the region, a combination's contract is held by
 * its lead provider, extensions move the end date later, and one provider never holds two contracts for the same
 * lot at the same time (extensions included).
 */
export async function assertConsistent(db: Db, c: ContractShape, exceptId?: string) {
  const problems: InvalidParam[] = [];
  const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, c.providerId));
  if (!provider) problems.push({ name: 'providerId', code: 'unknown', reason: 'onbekende aanbieder' });
  const [lot] = await db.select().from(lots).where(eq(lots.id, c.lotId));
  if (!lot || lot.regionId !== c.regionId)
    problems.push({ name: 'lotId', code: 'unknown', reason: 'dit perceel hoort niet bij de regio' });
  else if (lot.retiredAt) {
    // A retired lot keeps its contracts (history), but takes no new ones.
    const [current] = exceptId
      ? await db.select({ lotId: contracts.lotId }).from(contracts).where(eq(contracts.id, exceptId))
      : [];
    if (current?.lotId !== c.lotId)
      problems.push({
        name: 'lotId',
        code: 'retired',
        reason: `perceel ${lot.name} is niet meer in gebruik: kies een ander perceel`,
      });
  }
  if (c.combinationId) {
    const [combination] = await db.select().from(combinations).where(eq(combinations.id, c.combinationId));
    if (!combination) problems.push({ name: 'combinationId', code: 'unknown', reason: 'onbekende combinatie' });
    else if (combination.leadProviderId !== c.providerId) {
      problems.push({
        name: 'providerId',
        code: 'lead-provider',
        reason: 'bij een combinatie is de aanbieder de hoofdaannemer',
      });
    }
  }
  c.extensions.forEach((e, i) => {
    if (e.newEndDate <= c.endDate)
      problems.push({
        name: `extensions.${i}.newEndDate`,
        code: 'after-end',
        reason: 'een verlenging moet na de einddatum liggen',
      });
  });
  const [duplicate] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.regionId, c.regionId),
        eq(contracts.reference, c.reference),
        exceptId ? ne(contracts.id, exceptId) : undefined,
      ),
    );
  if (duplicate)
    throw fieldError('reference', `kenmerk ${c.reference} is al in gebruik`, ErrorCode.Conflict, 'duplicate');
  if (problems.length) throw new AppError(ErrorCode.Validation, 'Ongeldig contract', problems);

  const end = effectiveEndDate(c.endDate, c.extensions);
  const [overlap] = await db
    .select({ reference: contracts.reference, startDate: contracts.startDate, end: effectiveEnd })
    .from(contracts)
    .where(
      and(
        eq(contracts.providerId, c.providerId),
        eq(contracts.lotId, c.lotId),
        isNull(contracts.withdrawnAt),
        exceptId ? ne(contracts.id, exceptId) : undefined,
        lte(contracts.startDate, end),
        gte(effectiveEnd, c.startDate),
      ),
    );
  if (overlap) {
    throw new AppError(ErrorCode.Conflict, 'Overlappend contract', [
      {
        name: 'startDate',
        code: 'overlap',
        reason: `overlapt met contract ${overlap.reference} (${overlap.startDate} t/m ${overlap.end}) van dezelfde aanbieder voor dit perceel`,
      },
    ]);
  }
}

async function replaceExtensions(db: Db, contractId: string, extensions: ContractCreate['extensions']) {
  await db.delete(contractExtensions).where(eq(contractExtensions.contractId, contractId));
  if (extensions.length) {
    await db.insert(contractExtensions).values(
      extensions.map((e) => ({
        contractId,
        newEndDate: e.newEndDate,
        decidedOn: e.decidedOn ?? null,
        note: e.note ?? null,
        status: e.status,
        decideBy: e.decideBy ?? null,
      })),
    );
  }
}

function money(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(2);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function statusOn(start: string, end: string, today: string): Contract['status'] {
  if (start > today) return 'toekomstig';
  return end < today ? 'beeindigd' : 'lopend';
}

export async function presentContracts(db: Db, ids: string[]): Promise<Contract[]> {
  if (ids.length === 0) return [];
  const [rows, extensions] = await runInOrder([
    db
      .select({
        c: contracts,
        providerName: providers.name,
        providerAgbCode: providers.agbCode,
        lotCode: lots.code,
        lotName: lots.name,
        combinationName: combinations.name,
      })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .innerJoin(lots, eq(lots.id, contracts.lotId))
      .leftJoin(combinations, eq(combinations.id, contracts.combinationId))
      .where(inArray(contracts.id, ids)),
    db
      .select()
      .from(contractExtensions)
      .where(inArray(contractExtensions.contractId, ids))
      .orderBy(asc(contractExtensions.newEndDate)),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const ext = extensions.filter((e) => e.contractId === id);
    const end = effectiveEndDate(
      r.c.endDate,
      ext.map((e) => ({ newEndDate: e.newEndDate, status: e.status as ExtensionStatus })),
    );
    return [
      {
        id,
        regionId: r.c.regionId,
        reference: r.c.reference,
        providerId: r.c.providerId,
        providerName: r.providerName,
        providerAgbCode: r.providerAgbCode,
        combinationId: r.c.combinationId,
        combinationName: r.combinationName,
        lotId: r.c.lotId,
        lotCode: r.lotCode,
        lotName: r.lotName,
        startDate: r.c.startDate,
        endDate: r.c.endDate,
        effectiveEndDate: end,
        procedure: r.c.procedure as Contract['procedure'],
        fundingVariant: r.c.fundingVariant as Contract['fundingVariant'],
        budgetCeiling: r.c.budgetCeiling === null ? null : Number(r.c.budgetCeiling),
        notes: r.c.notes,
        extensions: ext.map((e) => ({
          id: e.id,
          newEndDate: e.newEndDate,
          decidedOn: e.decidedOn,
          note: e.note,
          status: e.status as ExtensionStatus,
          decideBy: e.decideBy,
        })),
        status: statusOn(r.c.startDate, end, today),
        withdrawn: presentWithdrawn(r.c),
        createdAt: r.c.createdAt.toISOString(),
        updatedAt: r.c.updatedAt.toISOString(),
      },
    ];
  });
}

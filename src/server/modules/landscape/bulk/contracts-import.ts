import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { combinations, lots, providers } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import { assertOwnRegionField } from '../../../http/permission.js';
import { dutchToday } from '../../../../shared/period.js';
import type { Actor } from '../../auth/index.js';
import { createContract, listContracts, updateContract } from '../contracts/contracts.service.js';
import { checkContractRows, placeProblem, type ContractLookups, type PlannedContract } from './contracts-rows.js';
import { contractSheets } from './contracts-sheet.js';
import type { ImportResult } from './import-result.js';
import { ImportProblems, readWorkbook } from './sheet.js';

/** The region's master data a contracts workbook is checked against. */
async function lookupsFor(db: Db, actor: Actor, regionId: string, today: string): Promise<ContractLookups> {
  const [providerRows, lotRows, combinationRows, existing] = [
    await db.select({ id: providers.id, agbCode: providers.agbCode }).from(providers),
    await db.select().from(lots).where(eq(lots.regionId, regionId)),
    await db.select().from(combinations).where(eq(combinations.regionId, regionId)),
    (await listContracts(db, actor, { regionId, page: 1, pageSize: 100_000 })).items,
  ];
  return {
    regionId,
    providers: new Map(providerRows.map((p) => [p.agbCode, { id: p.id }])),
    lots: new Map(lotRows.map((l) => [l.code.toUpperCase(), { id: l.id, code: l.code, retired: !!l.retiredAt }])),
    combinations: new Map(
      combinationRows.map((c) => [c.name.toLowerCase().replace(/\s+/g, ' ').trim(), { ...c, name: c.name }]),
    ),
    existing: new Map(existing.map((c) => [c.reference, c])),
    today,
  };
}

/** Thrown to roll a preview's trial run back. */
class Preview extends Error {}

/** Stores one planned contract through the contracts' own create or update (its rules, its audit event). */
async function store(db: Db, actor: Actor, plan: PlannedContract) {
  if (!plan.before) return createContract(db, actor, plan.input);
  const { regionId: _region, reference: _reference, extensions, ...rest } = plan.input;
  return updateContract(db, actor, plan.before.id, { ...rest, ...(plan.withExtensions ? { extensions } : {}) });
}

/**
 * Reads contracts with their extension options for one region. Every cell is checked first (see
 * `checkContractRows`); then the rows are stored in file order in one transaction through the contracts' own create
 * and update, so the rules a single edit keeps (no overlapping contract of a provider for a lot, an ended contract's
 * extension history, a reference in use) hold, and each row is audit-logged. A preview runs the same and rolls back,
 * so it refuses exactly what applying would; a rule broken by a row is named on its row and column, all rows at
 * once (each row runs in its own savepoint). Nothing is stored unless every row passes.
 */
export async function importContracts(
  db: Db,
  actor: Actor,
  regionId: string,
  file: { name: string; bytes: Uint8Array },
  apply: boolean,
  today = dutchToday(),
): Promise<ImportResult> {
  assertOwnRegionField(actor, regionId);
  const [contractsTable, extensionsTable] = await readWorkbook(file, [...contractSheets]);
  const lookups = await lookupsFor(db, actor, regionId, today);
  const { planned, problems } = checkContractRows(contractsTable!, extensionsTable!, lookups);
  problems.throwIfAny();
  const result: ImportResult = {
    applied: false,
    rows: planned.map((p) => ({
      row: p.row,
      key: p.input.reference,
      name: p.before?.providerName ?? '',
      action: !p.before ? 'create' : p.changes.length ? 'update' : 'unchanged',
      changes: p.changes,
    })),
  };
  const ruleProblems = { contracts: new ImportProblems(), extensions: new ImportProblems('Verlengingen!') };
  try {
    await db.transaction(async (tx) => {
      for (const plan of planned) {
        if (plan.before && !plan.changes.length) continue;
        try {
          // The service's own transaction is a savepoint here: a refused row leaves the others' trial in place.
          const stored = await store(tx, actor, plan);
          result.rows.find((r) => r.row === plan.row)!.name = stored.providerName;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const params = error.invalidParams.length ? error.invalidParams : [{ name: '', reason: error.message }];
          for (const p of params) placeProblem(plan, p.name, p.reason, ruleProblems);
        }
      }
      if (ruleProblems.contracts.list.length || ruleProblems.extensions.list.length || !apply) throw new Preview();
    });
  } catch (error) {
    if (!(error instanceof Preview)) throw error;
  }
  ruleProblems.contracts.list.push(...ruleProblems.extensions.list);
  ruleProblems.contracts.throwIfAny();
  return { ...result, applied: apply };
}

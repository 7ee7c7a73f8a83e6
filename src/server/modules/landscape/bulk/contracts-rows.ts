import { procedureLabels, procedures } from '../../../../shared/domain.js';
import { parseAmount } from '../budgets/realisations-file.js';
import { ZContractCreate, type Contract, type ContractCreate } from '../contracts/contracts.schema.js';
import { contractColumns, extensionColumns, shownOnlyColumns } from './contracts-sheet.js';
import { checkHeader, ImportProblems, parseDate, type SheetTable } from './sheet.js';

/** What the rows of a contracts workbook are checked against: the region's master data as it is now. */
export interface ContractLookups {
  regionId: string;
  /** Providers by AGB code (installation-wide). */
  providers: Map<string, { id: string }>;
  /** The region's lots by upper-case code. */
  lots: Map<string, { id: string; code: string; retired: boolean }>;
  /** The region's combinations by lower-case name. */
  combinations: Map<string, { id: string; name: string; leadProviderId: string }>;
  /** The region's contracts by reference. */
  existing: Map<string, Contract>;
  /** Today (Dutch time): a decision cannot lie after it. */
  today: string;
}

/** A contract row that passed every check: what to store, and the sheet rows it came from. */
export interface PlannedContract {
  row: number;
  input: ContractCreate;
  before: Contract | undefined;
  /** The file has rows on Verlengingen for it: its extensions become exactly those. */
  withExtensions: boolean;
  /** The Verlengingen row of each of `input.extensions` (when `withExtensions`). */
  extensionRows: number[];
  changes: string[];
}

type ContractKey = (typeof contractColumns)[number][0];
type ExtensionKey = (typeof extensionColumns)[number][0];
const contractColumn = Object.fromEntries(contractColumns.map(([k], i) => [k, i])) as Record<ContractKey, number>;
const extensionColumn = Object.fromEntries(extensionColumns.map(([k], i) => [k, i])) as Record<ExtensionKey, number>;
/** The contract field a rule or the zod schema names, as the sheet's column. */
const columnOfField: Record<string, ContractKey> = {
  reference: 'reference',
  providerId: 'agbCode',
  lotId: 'lot',
  combinationId: 'combination',
  startDate: 'startDate',
  endDate: 'endDate',
  procedure: 'procedure',
  fundingVariant: 'fundingVariant',
  budgetCeiling: 'budgetCeiling',
  notes: 'notes',
};
const statusOf: Record<string, 'option' | 'decided' | 'declined'> = {
  optie: 'option',
  besloten: 'decided',
  'niet verlengd': 'declined',
  afgewezen: 'declined',
};
/** An extension further than this after the contract's end is a typing error, not an option (target 5–7 years). */
const maxExtensionYears = 10;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const procedureOf = (text: string) =>
  procedures.find((p) => norm(p) === norm(text) || norm(procedureLabels[p]) === norm(text)) ?? text;
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** Names a problem the contract rules or the zod schema report by field, on the cell it came from. */
export function placeProblem(
  plan: Pick<PlannedContract, 'row' | 'extensionRows' | 'withExtensions'>,
  field: string,
  reason: string,
  problems: { contracts: ImportProblems; extensions: ImportProblems },
) {
  const [key, index, sub] = field.split('.');
  const extensionRow = plan.withExtensions ? plan.extensionRows[Number(index)] : undefined;
  if (key === 'extensions' && extensionRow !== undefined) {
    const column = extensionColumn[sub as ExtensionKey] ?? extensionColumn.newEndDate;
    if (problems.extensions.hasCell(column, extensionRow)) return;
    problems.extensions.cell(column, extensionColumns[column]![1], extensionRow, reason);
  } else if (key && columnOfField[key]) {
    const column = contractColumn[columnOfField[key]];
    if (problems.contracts.hasCell(column, plan.row)) return;
    problems.contracts.cell(column, contractColumns[column]![1], plan.row, reason);
  } else problems.contracts.row(plan.row, key === 'extensions' ? `verlengingen: ${reason}` : reason);
}

/**
 * Checks every cell of a contracts workbook against the region's master data: the headers, an unknown AGB code or
 * lot, a retired lot for a new contract, an unknown combination or one the provider does not lead, dates that are
 * none or an end before the start, a negative ceiling, a reference twice, and extension options outside sensible
 * dates (not after the end, more than 10 years after it, a decision in the future, a deadline after the new end).
 * Each problem is named by sheet, row and column; the rows come back only when there is none.
 */
export function checkContractRows(
  contractsTable: SheetTable,
  extensionsTable: SheetTable,
  lookups: ContractLookups,
): { planned: PlannedContract[]; problems: ImportProblems } {
  const problems = new ImportProblems();
  const extensionProblems = new ImportProblems('Verlengingen!');
  const all = { contracts: problems, extensions: extensionProblems };
  const headers = contractColumns.map(([, h]) => h);
  const shownOnly = new Set(shownOnlyColumns.map(norm));
  checkHeader(contractsTable, headers, problems, (h) => shownOnly.has(norm(h)));
  if (extensionsTable.header.length)
    checkHeader(
      extensionsTable,
      extensionColumns.map(([, h]) => h),
      extensionProblems,
    );
  if (problems.list.length || extensionProblems.list.length) {
    problems.list.push(...extensionProblems.list);
    return { planned: [], problems };
  }

  const rowOf = new Map<string, number>();
  for (const { row, cells } of contractsTable.rows) {
    const reference = cells[contractColumn.reference] ?? '';
    const earlier = rowOf.get(reference);
    if (reference && earlier)
      problems.cell(0, 'Kenmerk', row, `kenmerk ${reference} staat er twee keer in (ook rij ${earlier})`);
    else if (reference) rowOf.set(reference, row);
  }
  const extensionsOf = new Map<string, Array<{ row: number; cells: string[] }>>();
  for (const line of extensionsTable.rows) {
    const reference = line.cells[extensionColumn.reference] ?? '';
    if (!rowOf.has(reference))
      extensionProblems.cell(0, 'Kenmerk', line.row, `contract ${reference} staat niet op het blad Contracten`);
    else extensionsOf.set(reference, [...(extensionsOf.get(reference) ?? []), line]);
  }

  const planned: PlannedContract[] = [];
  for (const { row, cells } of contractsTable.rows) {
    const at = (key: ContractKey) => cells[contractColumn[key]] ?? '';
    const wrong = (key: ContractKey, reason: string) =>
      problems.cell(contractColumn[key], contractColumns[contractColumn[key]]![1], row, reason);
    const reference = at('reference');
    if (rowOf.get(reference) !== row && reference) continue; // a duplicate, already named
    const known = problems.list.length + extensionProblems.list.length;
    const before = lookups.existing.get(reference);
    const provider = lookups.providers.get(at('agbCode'));
    if (at('agbCode') && !provider) wrong('agbCode', `er is geen aanbieder met AGB-code ${at('agbCode')}`);
    const lot = lookups.lots.get(at('lot').toUpperCase());
    if (at('lot') && !lot) wrong('lot', `perceel "${at('lot')}" bestaat niet in de regio`);
    else if (lot?.retired && before?.lotId !== lot.id)
      wrong('lot', `perceel ${lot.code} is niet meer in gebruik: kies een ander perceel`);
    const combination = at('combination') ? lookups.combinations.get(norm(at('combination'))) : undefined;
    if (at('combination') && !combination) wrong('combination', `combinatie "${at('combination')}" bestaat niet`);
    else if (combination && provider && combination.leadProviderId !== provider.id)
      wrong('agbCode', `de aanbieder is niet de hoofdaannemer van combinatie ${combination.name}`);
    const startDate = parseDate(at('startDate'));
    const endDate = parseDate(at('endDate'));
    if (startDate === null) wrong('startDate', `"${at('startDate')}" is geen datum`);
    if (endDate === null) wrong('endDate', `"${at('endDate')}" is geen datum`);
    const ceiling = at('budgetCeiling') === '' ? null : parseAmount(at('budgetCeiling'));
    if (ceiling === null && at('budgetCeiling') !== '')
      wrong('budgetCeiling', `"${at('budgetCeiling')}" is geen bedrag`);

    const lines = extensionsOf.get(reference);
    const extensions = lines
      ? lines.map((line) => readExtension(line, { startDate, endDate, today: lookups.today }, extensionProblems))
      : (before?.extensions ?? []).map(({ id: _id, ...e }) => e);
    const candidate = {
      regionId: lookups.regionId,
      reference,
      providerId: provider?.id ?? '',
      combinationId: combination?.id ?? null,
      lotId: lot?.id ?? '',
      startDate: startDate ?? '',
      endDate: endDate ?? '',
      procedure: procedureOf(at('procedure')),
      fundingVariant: at('fundingVariant').toLowerCase(),
      budgetCeiling: ceiling,
      notes: at('notes') || null,
      extensions,
    };
    const plan = { row, withExtensions: !!lines, extensionRows: (lines ?? []).map((l) => l.row) };
    const parsed = ZContractCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [key] = issue.path;
        const message =
          key === 'providerId' ? 'AGB-code is verplicht' : key === 'lotId' ? 'perceel is verplicht' : issue.message;
        placeProblem(plan, issue.path.join('.'), message, all);
      }
      continue;
    }
    if (problems.list.length + extensionProblems.list.length > known) continue;
    const input = parsed.data;
    planned.push({ ...plan, input, before, changes: before ? changesOf(before, input, !!lines) : [] });
  }
  if (contractsTable.rows.length === 0) problems.row(2, 'het blad Contracten heeft geen rijen', 'empty');
  problems.list.push(...extensionProblems.list);
  return { planned, problems };
}

/** One row of Verlengingen, its dates checked against the contract's; problems are named on that sheet. */
function readExtension(
  line: { row: number; cells: string[] },
  contract: { startDate: string | null; endDate: string | null; today: string },
  problems: ImportProblems,
) {
  const at = (key: ExtensionKey) => line.cells[extensionColumn[key]] ?? '';
  const wrong = (key: ExtensionKey, reason: string) =>
    problems.cell(extensionColumn[key], extensionColumns[extensionColumn[key]]![1], line.row, reason);
  const newEndDate = parseDate(at('newEndDate'));
  const decidedOn = parseDate(at('decidedOn'));
  const decideBy = parseDate(at('decideBy'));
  const status = at('status') === '' ? undefined : statusOf[norm(at('status'))];
  if (newEndDate === null) wrong('newEndDate', `"${at('newEndDate')}" is geen datum`);
  else if (newEndDate === '') wrong('newEndDate', 'nieuwe einddatum is verplicht');
  else if (contract.endDate && newEndDate <= contract.endDate)
    wrong('newEndDate', `ligt niet na de einddatum van het contract (${contract.endDate})`);
  else if (contract.endDate && newEndDate > addYears(contract.endDate, maxExtensionYears))
    wrong('newEndDate', `ligt meer dan ${maxExtensionYears} jaar na de einddatum van het contract`);
  if (status === undefined && at('status') !== '')
    wrong('status', `"${at('status')}" is geen optie, besloten of niet verlengd`);
  if (decidedOn === null) wrong('decidedOn', `"${at('decidedOn')}" is geen datum`);
  else if (decidedOn && status === 'option')
    wrong('decidedOn', 'een optie heeft nog geen besluitdatum; kies besloten of niet verlengd');
  else if (decidedOn && decidedOn > contract.today) wrong('decidedOn', 'de besluitdatum ligt in de toekomst');
  else if (decidedOn && contract.startDate && decidedOn < contract.startDate)
    wrong('decidedOn', 'de besluitdatum ligt voor de startdatum van het contract');
  if (decideBy === null) wrong('decideBy', `"${at('decideBy')}" is geen datum`);
  else if (decideBy && newEndDate && decideBy >= newEndDate) wrong('decideBy', 'ligt niet voor de nieuwe einddatum');
  else if (decideBy && contract.startDate && decideBy < contract.startDate)
    wrong('decideBy', 'ligt voor de startdatum van het contract');
  return {
    newEndDate: newEndDate || '',
    decidedOn: decidedOn || null,
    decideBy: decideBy || null,
    note: at('note') || null,
    ...(status ? { status } : {}),
  };
}

/** The column headers whose value the row changes ("Verlengingen" for the extension options together). */
function changesOf(before: Contract, after: ContractCreate, withExtensions: boolean): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const pairs: Array<[string, unknown, unknown]> = [
    ['AGB-code', before.providerId, after.providerId],
    ['Perceel', before.lotId, after.lotId],
    ['Combinatie', before.combinationId, after.combinationId],
    ['Startdatum', before.startDate, after.startDate],
    ['Einddatum', before.endDate, after.endDate],
    ['Procedure', before.procedure, after.procedure],
    ['Uitvoeringsvariant', before.fundingVariant, after.fundingVariant],
    ['Budgetplafond', before.budgetCeiling, after.budgetCeiling],
    ['Toelichting', before.notes, after.notes],
  ];
  const changed = pairs.filter(([, a, b]) => !same(a, b)).map(([h]) => h);
  const option = (e: Contract['extensions'][number] | ContractCreate['extensions'][number]) =>
    [e.newEndDate, e.status, e.decidedOn ?? null, e.decideBy ?? null, e.note ?? null].join('|');
  if (withExtensions && !same(before.extensions.map(option).sort(), after.extensions.map(option).sort()))
    changed.push('Verlengingen');
  return changed;
}

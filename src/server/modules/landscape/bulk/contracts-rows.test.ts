import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../contracts/contracts.schema.js';
import { checkContractRows, type ContractLookups } from './contracts-rows.js';
import { contractColumns, extensionColumns } from './contracts-sheet.js';
import type { SheetTable } from './sheet.js';

const [lead, other, ambulant, retired, combination] = [
  randomUUID(),
  randomUUID(),
  randomUUID(),
  randomUUID(),
  randomUUID(),
];
const lookups = (existing: Contract[] = []): ContractLookups => ({
  regionId: randomUUID(),
  providers: new Map([
    ['11111111', { id: lead }],
    ['22222222', { id: other }],
  ]),
  lots: new Map([
    ['AMB', { id: ambulant, code: 'AMB', retired: false }],
    ['OUD', { id: retired, code: 'OUD', retired: true }],
  ]),
  combinations: new Map([['de combinatie', { id: combination, name: 'De Combinatie', leadProviderId: lead }]]),
  existing: new Map(existing.map((c) => [c.reference, c])),
  today: '2026-12-07',
});

const contractHeader = contractColumns.map(([, h]) => h);
const extensionHeader = extensionColumns.map(([, h]) => h);
type Cells = Partial<Record<string, string>>;
const contract = (reference: string, cells: Cells = {}) => {
  const base: Cells = {
    Kenmerk: reference,
    'AGB-code': '11111111',
    Perceel: 'AMB',
    Startdatum: '2024-01-01',
    Einddatum: '2025-12-31',
    Procedure: 'Open house',
    Uitvoeringsvariant: 'inspanningsgericht',
    Budgetplafond: '100000',
    ...cells,
  };
  return contractHeader.map((h) => base[h] ?? '');
};
const extension = (reference: string, cells: Cells = {}) => {
  const base: Cells = { Kenmerk: reference, 'Nieuwe einddatum': '2026-12-31', Status: 'optie', ...cells };
  return extensionHeader.map((h) => base[h] ?? '');
};
const table = (sheet: string, header: string[], rows: string[][]): SheetTable => ({
  sheet,
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const check = (
  contracts: string[][],
  extensions: string[][],
  existing: Contract[] = [],
  header: string[] = contractHeader,
) =>
  checkContractRows(
    table('Contracten', header, contracts),
    table('Verlengingen', extensionHeader, extensions),
    lookups(existing),
  );

describe('checking a contracts workbook', () => {
  it('names every wrong cell of both sheets by row and column, with the reason in Dutch', () => {
    const { planned, problems } = check(
      [
        contract('K-1'),
        contract('K-2', { 'AGB-code': '99999999' }),
        contract('K-3', { Perceel: 'XXX' }),
        contract('K-4', { Perceel: 'OUD' }),
        contract('K-5', { Startdatum: '2025-01-01', Einddatum: '2024-12-31' }),
        contract('K-6', { Budgetplafond: '-5' }),
        contract('K-1', { Perceel: 'AMB' }),
        contract('K-8', { 'AGB-code': '22222222', Combinatie: 'de combinatie' }),
        contract('K-9', { Startdatum: '31-2-2024', Procedure: 'loterij' }),
      ],
      [
        extension('K-1', { 'Nieuwe einddatum': '2025-06-30' }),
        extension('K-1', { 'Nieuwe einddatum': '2045-12-31' }),
        extension('K-1', { Besluitdatum: '2025-06-01' }),
        extension('K-1', { 'Nieuwe einddatum': '2027-12-31', Status: 'besloten', Besluitdatum: '2027-01-01' }),
        extension('K-1', { 'Nieuwe einddatum': '2028-12-31', 'Uiterlijk besluiten': '2029-01-01' }),
        extension('K-404'),
        extension('K-1', { 'Nieuwe einddatum': '2029-12-31', Status: 'misschien' }),
      ],
    );
    expect(planned).toEqual([]);
    expect(problems.list.map((p) => [p.name, p.reason]).sort()).toEqual(
      [
        ['B3', 'rij 3, AGB-code: er is geen aanbieder met AGB-code 99999999'],
        ['C4', 'rij 4, Perceel: perceel "XXX" bestaat niet in de regio'],
        ['C5', 'rij 5, Perceel: perceel OUD is niet meer in gebruik: kies een ander perceel'],
        ['F6', 'rij 6, Einddatum: einddatum ligt voor de startdatum'],
        ['I7', 'rij 7, Budgetplafond: mag niet negatief zijn'],
        ['A8', 'rij 8, Kenmerk: kenmerk K-1 staat er twee keer in (ook rij 2)'],
        ['B9', 'rij 9, AGB-code: de aanbieder is niet de hoofdaannemer van combinatie De Combinatie'],
        ['E10', 'rij 10, Startdatum: "31-2-2024" is geen datum'],
        ['G10', 'rij 10, Procedure: kies een inkoopprocedure'],
        ['Verlengingen!B2', 'rij 2, Nieuwe einddatum: ligt niet na de einddatum van het contract (2025-12-31)'],
        ['Verlengingen!B3', 'rij 3, Nieuwe einddatum: ligt meer dan 10 jaar na de einddatum van het contract'],
        [
          'Verlengingen!D4',
          'rij 4, Besluitdatum: een optie heeft nog geen besluitdatum; kies besloten of niet verlengd',
        ],
        ['Verlengingen!D5', 'rij 5, Besluitdatum: de besluitdatum ligt in de toekomst'],
        ['Verlengingen!E6', 'rij 6, Uiterlijk besluiten: ligt niet voor de nieuwe einddatum'],
        ['Verlengingen!A7', 'rij 7, Kenmerk: contract K-404 staat niet op het blad Contracten'],
        ['Verlengingen!C8', 'rij 8, Status: "misschien" is geen optie, besloten of niet verlengd'],
      ].sort(),
    );
  });

  it('names a wrong or missing column header and reads no rows then', () => {
    const header: string[] = [...contractHeader];
    header[2] = 'Lot';
    const { planned, problems } = check([contract('K-1')], [], [], header);
    expect(planned).toEqual([]);
    expect(problems.list).toEqual([
      { name: 'C1', code: 'header', reason: 'rij 1, kolom C: kolomkop moet "Perceel" zijn, niet "Lot"' },
    ]);
  });

  it('reads a correct workbook: procedure by label, a combination, extensions with their status, a retired lot kept', () => {
    const before = {
      id: randomUUID(),
      reference: 'K-2',
      providerId: lead,
      lotId: retired,
      combinationId: null,
      startDate: '2020-01-01',
      endDate: '2022-12-31',
      procedure: 'sas-2',
      fundingVariant: 'outputgericht',
      budgetCeiling: null,
      notes: null,
      extensions: [],
    } as unknown as Contract;
    const { planned, problems } = check(
      [
        contract('K-1', {
          Combinatie: 'De  Combinatie',
          Procedure: 'europese aanbesteding',
          Budgetplafond: '1.250,50',
        }),
        contract('K-2', {
          Perceel: 'oud',
          Startdatum: '1-1-2020',
          Einddatum: '2022-12-31',
          Procedure: 'SAS 2',
          Uitvoeringsvariant: 'outputgericht',
          Budgetplafond: '',
        }),
      ],
      [
        extension('K-1', { Status: 'besloten', Besluitdatum: '2025-03-01' }),
        extension('K-1', { 'Nieuwe einddatum': '2027-12-31', 'Uiterlijk besluiten': '2026-06-30' }),
        extension('K-1', { 'Nieuwe einddatum': '2028-12-31', Status: 'afgewezen', Besluitdatum: '2026-01-05' }),
      ],
      [before],
    );
    expect(problems.list).toEqual([]);
    expect(planned[0]!.input).toMatchObject({
      providerId: lead,
      combinationId: combination,
      lotId: ambulant,
      procedure: 'europese-aanbesteding',
      budgetCeiling: 1250.5,
      extensions: [
        { newEndDate: '2026-12-31', status: 'decided', decidedOn: '2025-03-01' },
        { newEndDate: '2027-12-31', status: 'option', decideBy: '2026-06-30', decidedOn: null },
        { newEndDate: '2028-12-31', status: 'declined' },
      ],
    });
    expect(planned[0]).toMatchObject({ before: undefined, withExtensions: true, extensionRows: [2, 3, 4] });
    // The existing contract on a retired lot keeps it; nothing differs, so nothing changes.
    expect(planned[1]).toMatchObject({ before, withExtensions: false, changes: [] });
  });
});

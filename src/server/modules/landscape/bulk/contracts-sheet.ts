import { procedureLabels } from '../../../../shared/domain.js';
import type { Contract } from '../contracts/contracts.schema.js';
import { workbookOf } from './sheet.js';

/** The sheets of a contracts workbook: the contracts, and their extension options, one row each. */
export const contractSheets = ['Contracten', 'Verlengingen'] as const;

/** The contracts sheet's columns the import reads, in order. */
export const contractColumns = [
  ['reference', 'Kenmerk'],
  ['agbCode', 'AGB-code'],
  ['lot', 'Perceel'],
  ['combination', 'Combinatie'],
  ['startDate', 'Startdatum'],
  ['endDate', 'Einddatum'],
  ['procedure', 'Procedure'],
  ['fundingVariant', 'Uitvoeringsvariant'],
  ['budgetCeiling', 'Budgetplafond'],
  ['notes', 'Toelichting'],
] as const;

/** Columns an export adds after the import's, for the reader; an import passes over them. */
export const shownOnlyColumns = ['Aanbieder', 'Einde met verlengingen', 'Status'] as const;

/** The extensions sheet's columns, in order. */
export const extensionColumns = [
  ['reference', 'Kenmerk'],
  ['newEndDate', 'Nieuwe einddatum'],
  ['status', 'Status'],
  ['decidedOn', 'Besluitdatum'],
  ['decideBy', 'Uiterlijk besluiten'],
  ['note', 'Toelichting'],
] as const;

/** How the sheet writes an extension's status; "afgewezen" is read as "niet verlengd" too. */
export const extensionStatusText = { option: 'optie', decided: 'besloten', declined: 'niet verlengd' } as const;

const contractNotes = [
  'Eén rij per contract; het kenmerk is de sleutel: een bekend kenmerk wijzigt dat contract, een nieuw voegt er een toe.',
  'AGB-code: de aanbieder (bij een combinatie de hoofdaannemer). Perceel: de code van een perceel in gebruik. Combinatie: de naam, of leeg.',
  `Procedure: ${Object.values(procedureLabels).join(', ')}. Uitvoeringsvariant: inspanningsgericht, outputgericht of taakgericht.`,
  'Datums als 2026-01-31 of 31-1-2026. Budgetplafond: euro per kalenderjaar, 0 of hoger, leeg: geen plafond.',
  `De kolommen ${shownOnlyColumns.join(', ')} (in een export) zijn alleen om te lezen; het inlezen slaat ze over.`,
];

const extensionNotes = [
  'Eén rij per verlengingsoptie. Staan er rijen voor een contract, dan zijn dat precies zijn verlengingen; zonder rijen blijven ze zoals ze zijn.',
  'Nieuwe einddatum: na de einddatum van het contract, hoogstens 10 jaar later. Status: optie, besloten of niet verlengd.',
  'Besluitdatum: alleen bij besloten of niet verlengd, niet in de toekomst. Uiterlijk besluiten: voor de nieuwe einddatum.',
];

/**
 * The contracts in the import's two sheets, so an export comes back unchanged; `terms` false (a reader without
 * contracts.terms) leaves the ceiling and notes out, and such a file is for reading only. No contracts: the template.
 */
export async function contractsWorkbook(contracts: Contract[], terms = true): Promise<Buffer> {
  const termColumns = new Set(['budgetCeiling', 'notes', 'note']);
  const keep = <T extends readonly [string, string]>(columns: readonly T[]) =>
    columns.filter(([key]) => terms || !termColumns.has(key));
  const contractHeader = [...keep(contractColumns).map(([, h]) => h), ...shownOnlyColumns];
  const extensionHeader = keep(extensionColumns).map(([, h]) => h);
  const pick = (values: Record<string, string | number | null>, columns: ReadonlyArray<readonly [string, string]>) =>
    keep(columns).map(([key]) => values[key] ?? null);
  return workbookOf([
    {
      sheet: contractSheets[0],
      rows: [
        contractHeader,
        ...contracts.map((c) => [
          ...pick(
            {
              reference: c.reference,
              agbCode: c.providerAgbCode,
              lot: c.lotCode,
              combination: c.combinationName,
              startDate: c.startDate,
              endDate: c.endDate,
              procedure: procedureLabels[c.procedure],
              fundingVariant: c.fundingVariant,
              budgetCeiling: c.budgetCeiling ?? null,
              notes: c.notes ?? null,
            },
            contractColumns,
          ),
          c.providerName,
          c.effectiveEndDate,
          c.status,
        ]),
      ],
      notes: contractNotes,
    },
    {
      sheet: contractSheets[1],
      rows: [
        extensionHeader,
        ...contracts.flatMap((c) =>
          c.extensions.map((e) =>
            pick(
              {
                reference: c.reference,
                newEndDate: e.newEndDate,
                status: extensionStatusText[e.status],
                decidedOn: e.decidedOn,
                decideBy: e.decideBy,
                note: e.note ?? null,
              },
              extensionColumns,
            ),
          ),
        ),
      ],
      notes: extensionNotes,
    },
  ]);
}

import { describeCode } from '../../../shared/codelists/index.js';
import type { Db } from '../../db/client.js';
import { xlsxOf } from '../../http/spreadsheet.js';
import { contractedProvidersInYear } from '../landscape/index.js';

/**
 * The region's yearly list for the NZa (Regeling Jeugdwet art. 8g): every provider it had a contract with in the year
 * (directly or in a contracted combination), its KvK number, and per provider the forms of youth help contracted,
 * as the productcategorieën (iJw JZ020) of the products of its lots. One row per provider; what is missing is named
 * below the rows, so the list is not sent incomplete unawares.
 */
export async function nzaList(db: Db, region: { id: string; name: string }, year: number) {
  const providers = await contractedProvidersInYear(db, region.id, year);
  const header = ['Naam aanbieder', 'KvK-nummer', 'AGB-code', 'Vormen van jeugdhulp (productcategorie)', 'Percelen'];
  const rows = providers.map((p) => [
    p.name,
    p.kvkNumber,
    p.agbCode,
    p.productCategories.map((c) => `${c} ${describeCode('JZ020', c) ?? ''}`.trim()).join('; '),
    p.lots.join(', '),
  ]);
  const withoutKvk = providers.filter((p) => !p.kvkNumber).map((p) => p.name);
  const withoutForms = providers.filter((p) => p.productCategories.length === 0).map((p) => p.name);
  const notes = [
    `${region.name}: gecontracteerde aanbieders in ${year} en de vormen van jeugdhulp per aanbieder (Regeling Jeugdwet art. 8g).`,
    ...(withoutKvk.length ? [`Zonder KvK-nummer (aanvullen voor verzending): ${withoutKvk.join(', ')}.`] : []),
    ...(withoutForms.length ? [`Zonder producten in hun percelen: ${withoutForms.join(', ')}.`] : []),
  ];
  const body = await xlsxOf([header, ...rows], {
    sheet: `NZa ${year}`,
    notes,
    widths: [40, 14, 12, 70, 20],
  });
  return { body, name: `nza-gecontracteerde-aanbieders-${year}.xlsx`, providers };
}

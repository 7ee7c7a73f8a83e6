import type { SpreadsheetTable, Cell } from '../../http/spreadsheet.js';
import { experienceThemes } from '../../../shared/experience.js';
import {
  experienceWithheldMark as withheld,
  type ExperienceFigures,
  type ExperienceResults,
} from '../../../shared/experience-results.js';
import { periodName } from '../monitoring/index.js';
const header = [
  'indeling',
  'groep',
  'antwoorden',
  'uitnodigingen',
  'respons (%)',
  'cijfer (1-10)',
  ...experienceThemes.flatMap((t) => [`${t} positief (%)`, `${t} gemiddeld (1-5)`]),
];

function figures(f: ExperienceFigures): Cell[] {
  const v = (n: number | null) => (f.withheld ? withheld : n);
  return [
    v(f.answers),
    f.invitations,
    v(f.responseRate),
    v(f.mark),
    ...experienceThemes.flatMap((t) => [v(f.themes[t].positive), v(f.themes[t].mean)]),
  ];
}

/**
 * The yearly client-experience figures (Jeugdwet art. 2.10) as one table for CSV or XLSX: made from the same answer
 * the results page gets, so the same groups are withheld ("<10") and an aanbieder gets only its own with the region.
 * Groups in name order, as on the page; no ranking.
 */
export function resultsSheet(r: ExperienceResults, regionCode: string): SpreadsheetTable {
  const rows: Cell[][] = [header];
  rows.push(['regio', regionCode, ...figures(r.region)]);
  if (r.own) rows.push(['eigen organisatie', 'eigen organisatie', ...figures(r.own)]);
  for (const g of r.byProvider) rows.push(['aanbieder', g.label, ...figures(g)]);
  // The names the page and the PDF show; a category's name starts with its code ("45 – Jeugdhulp ambulant").
  for (const g of r.byProductCategory) rows.push(['productcategorie', g.label, ...figures(g)]);
  for (const g of r.byMunicipality) rows.push(['gemeente', g.label, ...figures(g)]);
  for (const q of r.quarters) rows.push(['kwartaal', periodName(q.quarter), ...figures(q.own ?? q.region)]);
  // An aanbieder's quarters: the region's beside its own, as on the page.
  for (const q of r.quarters) if (q.own) rows.push(['kwartaal regio', periodName(q.quarter), ...figures(q.region)]);
  return {
    name: `ervaringwijzer-${regionCode}-${r.year}`,
    sheet: `Ervaringwijzer ${r.year}`,
    rows,
    notes: [
      `Cliëntervaring ${r.year} (Ervaringwijzer). Groepen met minder dan ${r.threshold} antwoorden zijn weggelaten (${withheld}), ook waar het totaal min de getoonde groepen een kleine groep zou verraden.`,
      'Om van te leren, niet om aanbieders te rangschikken of in te kopen: aanbieders staan op naam.',
      'De antwoorden zijn anoniem: geen naam, e-mailadres, telefoonnummer of IP-adres bij een antwoord. Respons: van de uitnodigingen van het jaar het deel dat is ingevuld.',
    ],
  };
}

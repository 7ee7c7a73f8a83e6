/** English for the realisation page and the money start tile, merged into the dictionary in ../../i18n.ts. */
export const moneyEn = {
  'Realisatie per begrotingspost': 'Realisation per budget line',
  'Wat de gemeentelijke boekhouding per maand uitgaf aan posten die niet via iJw worden betaald (lumpsum, subsidie, GI, Veilig Thuis, LTA). Het dashboard zet dit naast het budget van de post.':
    'What the municipal ledger spent per month on lines not paid through iJw (lump sums, subsidies, GI, Veilig Thuis, LTA). The dashboard sets it beside the line’s budget.',
  'Realisatie {line} {year} per gemeente en maand': 'Realisation {line} {year} per municipality and month',
  'Sjabloon {line} {year} (Excel)': 'Template {line} {year} (Excel)',
  'Sjabloon {line} {year} (CSV)': 'Template {line} {year} (CSV)',
  'Eén maand invoeren': 'Enter one month',
  'Bedrag in euro': 'Amount in euros',
  'Leeg laten wist de maand.': 'Leave empty to clear the month.',
  'Opgeslagen.': 'Saved.',
  'Vul een bedrag van 0 of hoger in, zoals 12.500,00.': 'Enter an amount of 0 or more, such as 12,500.00.',
  'Wat niet klopt': 'What is wrong',
  'Er is niets opgeslagen. Dit klopt niet:': 'Nothing was saved. This is wrong:',
  'Een bestand inlezen': 'Import a file',
  'Vul het sjabloon in en lees het hier in. Klopt één cel niet, dan wordt niets opgeslagen en staat elke foute cel hieronder.':
    'Fill in the template and import it here. If one cell is wrong, nothing is saved and every wrong cell is listed below.',
  'Bestand (XLSX of CSV)': 'File (XLSX or CSV)',
  'Ingelezen: {saved} maanden vastgelegd, {unchanged} ongewijzigd.':
    'Imported: {saved} months saved, {unchanged} unchanged.',
  'Prognose jaareinde per begrotingspost {period}': 'Year-end forecast per budget line {period}',
  'Prognose jaareinde per begrotingspost': 'Year-end forecast per budget line',
  '{forecast} tegen een budget van {budget}': '{forecast} against a budget of {budget}',
  'Boven budget: {lines}.': 'Over budget: {lines}.',
  'Telt mee: {lines}.': 'Counts: {lines}.',
  'Laat weg: {lines}.': 'Leaves out: {lines}.',
  'Realisatie invoeren': 'Enter realisation',
  'de regio': 'the region',
  'in {where}': 'in {where}',
  Realisatie: 'Realisation',
};

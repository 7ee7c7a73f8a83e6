/** English for setting up and editing the region (/regio), merged into the dictionary in ../../i18n.ts. */
export const regionSetupEn = {
  '{name} is gewijzigd.': '{name} has been changed.',
  Opgeheven: 'Retired',
  'In gebruik': 'In use',
  Wijzigen: 'Change',
  '{name} is weer in gebruik.': '{name} is in use again.',
  '{name} is opgeheven: het blijft in de historie en verdwijnt uit keuzelijsten.':
    '{name} has been retired: it stays in history and leaves the choice lists.',
  'Weer in gebruik nemen': 'Use again',
  Opheffen: 'Retire',
  'Code van de regio': 'Code of the region',
  'Naam van de regio': 'Name of the region',
  'Regio aanmaken': 'Create region',
  'Daarna voegt u de gemeenten, percelen en begrotingsposten toe. De regio krijgt de standaardniveaus (hoog/midden/basis en A/B/C), die u kunt aanpassen.':
    'Then add the municipalities, lots and budget lines. The region gets the default tiers (high/middle/base and A/B/C), which you can change.',
  'Kleine letters, cijfers en streepjes, zoals lekstroom; staat in adressen en blijft gelijk':
    'Lower-case letters, digits and hyphens, such as lekstroom; used in addresses and never changes',
  'De naam van de regio is gewijzigd.': 'The name of the region has been changed.',
  'Code: {code}': 'Code: {code}',
  'Naam opslaan': 'Save name',
  'Regio hernoemen': 'Rename region',
  Productcategorieën: 'Product categories',
  "De categorieën (JZ020) die deze post betaalt, gescheiden door komma's, zoals 40, 45":
    'The categories (JZ020) this line pays, separated by commas, such as 40, 45',
  'Regio wisselen': 'Switch region',
  'Werken in regio': 'Working in region',
  Wisselen: 'Switch',
  'Nog een regio aanmaken': 'Create another region',
  'Code van de nieuwe regio': 'Code of the new region',
  'Naam van de nieuwe regio': 'Name of the new region',
  'Gemeentelijst van CBS': 'CBS list of municipalities',
  'Deze gemeente staat nog niet op de CBS-lijst; toch toevoegen':
    'This municipality is not on the CBS list yet; add it anyway',
  'Op de CBS-lijst {year}: {name}.': 'On the CBS list {year}: {name}.',
  'Gemeentecode {code} staat niet op de CBS-lijst {year}.': 'Municipality code {code} is not on the CBS list {year}.',
  'Gemeentecodes worden gecontroleerd tegen de CBS-lijst {year}: {count} gemeenten, uit {file}, ingelezen op {date}.':
    'Municipality codes are checked against the CBS list {year}: {count} municipalities, from {file}, read on {date}.',
  'Er is geen gemeentelijst van CBS ingelezen: gemeentecodes worden alleen op hun vorm gecontroleerd (4 cijfers). De beheerder van de installatie leest het bestand "Gemeenten alfabetisch" van het jaar in, van de pagina Gemeentelijke indelingen per jaar van CBS, hieronder of met npm run cli -- municipalities import <bestand>.':
    "No CBS list of municipalities has been read: municipality codes are checked for their form only (4 digits). The installation's keeper reads the year's file \"Gemeenten alfabetisch\" from CBS's page Gemeentelijke indelingen per jaar, below or with npm run cli -- municipalities import <file>.",
  'Gemeentelijke indelingen per jaar (CBS)': 'Municipal divisions per year (CBS)',
  'CBS-lijst inlezen': 'Read the CBS list',
  'Het bestand van CBS (XLSX, of CSV met dezelfde kolommen); het jaar staat in de bestandsnaam. Het vervangt de ingelezen lijst.':
    "CBS's file (XLSX, or CSV with the same columns); the year is in the file name. It replaces the list read before.",
  '{count} gemeenten van de CBS-lijst {year} ingelezen.': '{count} municipalities of the CBS list {year} read.',
} as const;

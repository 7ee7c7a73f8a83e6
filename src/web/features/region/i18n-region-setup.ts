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
} as const;

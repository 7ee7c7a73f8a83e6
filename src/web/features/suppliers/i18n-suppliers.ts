/** English for the contract calendar, the tiers with reasons and the extension statuses of contracts. */
export const suppliersEn = {
  'Status van de verlenging': 'Status of the extension',
  'Uiterlijk besluiten op': 'Decide by',
  'Optie, nog te besluiten': 'Option, to be decided',
  'Besloten: verlengd': 'Decided: extended',
  'Afgewezen: niet verlengd': 'Declined: not extended',
  'Besluit binnen 3 maanden': 'Decision within 3 months',
  'Besluit over verlenging tot {date}': 'Decision on extension to {date}',
  'Besluiten en einddata binnen de horizon': 'Decisions and end dates within the horizon',
  'Besluiten en einddata tot {date}': 'Decisions and end dates until {date}',
  'Binnen plafond': 'Within ceiling',
  'Contract loopt af': 'Contract ends',
  'Contracten die aflopen en verlengingsopties waarover besloten moet worden, en de uitgaven van dit jaar tegen het budgetplafond van elk contract.':
    "Contracts that end and extension options that need a decision, and this year's spend against each contract's budget ceiling.",
  Contractkalender: 'Contract calendar',
  Datum: 'Date',
  'Elk jaar stuurt de regio de NZa de lijst van gecontracteerde aanbieders met hun KvK-nummer en de vormen van jeugdhulp per aanbieder (Regeling Jeugdwet art. 8g).':
    'Each year the region sends the NZa the list of contracted providers with their KvK number and the forms of youth help per provider (Regeling Jeugdwet art. 8g).',
  'Gedeclareerd tot en met {month}; de prognose telt het gemiddelde van de laatste drie maanden voor elke maand die het contract dit jaar nog loopt.':
    'Declared up to and including {month}; the forecast adds the mean of the last three months for each month the contract still runs this year.',
  'Geen besluiten of einddata binnen de horizon.': 'No decisions or end dates within the horizon.',
  'Geen lopende contracten.': 'No running contracts.',
  'Geen plafond': 'No ceiling',
  Horizon: 'Horizon',
  'Indeling van een aanbieder': 'Tier of a provider',
  'Lijst voor de NZa': 'List for the NZa',
  'Lijst {year} downloaden (XLSX)': 'Download the {year} list (XLSX)',
  'Lopende contracten met uitgaven en prognose': 'Running contracts with spend and forecast',
  'Nog geen declaraties dit jaar.': 'No declarations this year yet.',
  Plafond: 'Ceiling',
  'Prognose boven plafond': 'Forecast above ceiling',
  Prognose: 'Forecast',
  Signaal: 'Signal',
  'Te laat: besluit nog niet genomen': 'Overdue: no decision yet',
  'Uitgaven {year} tegen het budgetplafond': 'Spend {year} against the budget ceiling',
  Uitgegeven: 'Spent',
  'Weging van de indeling': 'Weights of the tiers',
  '{count} besluit over verlenging binnen 3 maanden of te laat|{count} besluiten over verlenging binnen 3 maanden of te laat':
    '{count} extension decision within 3 months or overdue|{count} extension decisions within 3 months or overdue',
  '{count} contract met een prognose boven het plafond|{count} contracten met een prognose boven het plafond':
    '{count} contract with a forecast above its ceiling|{count} contracts with a forecast above their ceiling',
  '{count} maanden': '{count} months',
} as const;

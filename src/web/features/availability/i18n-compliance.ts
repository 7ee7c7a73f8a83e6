/**
 * English for the compliance page, the measured-vs-reported tile, the entry form, distances and location coordinates
 * (merged via i18n-region.ts).
 */
export const complianceEn = {
  'Geen lopende contracten': 'No running contracts',
  'Ligging van postcodegebieden': 'Location of postcode areas',
  'Bijhouden van de beschikbaarheid': 'Keeping availability current',
  'Aanbieders bevestigen hun regels ten minste elke {weeks} weken. Per aanbieder: hoeveel regels nu verouderd zijn, en aan het eind van elke maand hoeveel regels binnen de termijn waren bijgewerkt of bevestigd.':
    'Providers confirm their entries at least every {weeks} weeks. Per provider: how many entries are stale now, and at the end of each month how many entries had been updated or confirmed within the term.',
  Nu: 'Now',
  'Bijhouden per aanbieder, nu': 'Keeping current per provider, now',
  '{count} verouderd': '{count} stale',
  Actueel: 'Current',
  'Per maand': 'Per month',
  'Regels binnen de termijn bevestigd, aan het eind van elke maand':
    'Entries confirmed within the term, at the end of each month',
  '{current} van {entries}': '{current} of {entries}',
  'Gemeten naast gemelde wachttijd': 'Measured beside reported wait',
  'regel wijkt meer dan de marge af|regels wijken meer dan de marge af':
    'entry differs more than the margin|entries differ more than the margin',
  'De wachttijd uit de iJw-berichten (aanvraag of toewijzing tot start) verschilt meer dan de marge van de regio van wat de aanbieder opgeeft.':
    'The wait from the iJw messages (request or allocation to start) differs from what the provider reports by more than the region’s margin.',
  'Bekijk deze regels': 'View these entries',
  'Wijkt meer dan de marge af van de gemelde': 'Differs from the reported by more than the margin',
  'Binnen de marge of niet gemeten': 'Within the margin or not measured',
  'Postcode van de jeugdige': 'Postcode of the youth',
  'Voor de afstand tot de locaties (hemelsbreed), bijvoorbeeld 3991 AB.':
    'For the distance to the locations (as the crow flies), for example 3991 AB.',
  'Maximale afstand': 'Maximum distance',
  'Geen maximum': 'No maximum',
  'binnen {km} km': 'within {km} km',
  'Sorteren op': 'Sort by',
  'Kortste wachttijd': 'Shortest wait',
  'Kortste afstand': 'Shortest distance',
  'afstand onbekend': 'distance unknown',
  'minder dan 1 km': 'less than 1 km',
  'ca. {km} km': 'approx. {km} km',
  Breedtegraad: 'Latitude',
  Lengtegraad: 'Longitude',
  'Mag leeg: dan het midden van het postcodegebied. WGS84, bijvoorbeeld 52,03.':
    'May be empty: then the centre of the postcode area. WGS84, for example 52.03.',
  'Bijvoorbeeld 5,17.': 'For example 5.17.',
  Ligging: 'Position',
  'midden van het postcodegebied': 'centre of the postcode area',
  'Alleen aanbieders met een lopend contract voor het product in de gemeente van de jeugdige. Dichtstbij eerst (hemelsbreed), onbekende afstand achteraan. Deel het resultaat door de link te kopiëren.':
    'Only providers with a running contract for the product in the youth’s municipality. Nearest first (as the crow flies), unknown distance last. Share the result by copying the link.',
};

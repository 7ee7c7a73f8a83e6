import { complianceEn } from './i18n-compliance';

/** English for the region's waits (signed-in region view and public page), merged into ../../i18n.ts. */
export const regionWaitsEn = {
  ...complianceEn,
  'boven de norm': 'above the norm',
  'niet getoond (minder dan 10)': 'not shown (fewer than 10)',
  'De norm (Treeknorm) van de regio: hooguit {intake} weken van aanmelding tot intake en {treatment} weken van intake tot behandeling.':
    'The region’s norm (Treeknorm): at most {intake} weeks from registration to intake and {treatment} weeks from intake to treatment.',
  'Gemeld: wat aanbieders opgeven. Gemeten: de mediaan van de dagen tot de start in de iJw-berichten, in weken, apart vanaf de aanvraag van de aanbieder en vanaf de toewijzing door de gemeente; bij minder dan 10 starts niet getoond.':
    'Reported: what providers state. Measured: the median of the days to the start in the iJw messages, in weeks, separately from the provider’s request and from the municipality’s allocation; not shown below 10 starts.',
  'Per vorm van jeugdhulp': 'Per form of youth care',
  'Wachttijden per vorm van jeugdhulp, nu': 'Waits per form of youth care, now',
  'Nog geen aanbieders met beschikbaarheid.': 'No providers with availability yet.',
  'Vorm van jeugdhulp': 'Form of youth care',
  'Met plek binnen de norm': 'With room within the norm',
  'Op de wachtlijst': 'On the waiting list',
  'Gemeld tot intake (weken)': 'Reported to intake (weeks)',
  'Gemeld tot behandeling (weken)': 'Reported to treatment (weeks)',
  'Verloop van {name}': 'Course of {name}',
  'Wachttijden van {name} per maand': 'Waits of {name} per month',
  'Gemeld tot intake': 'Reported to intake',
  'Gemeld tot behandeling': 'Reported to treatment',
  'Meetlat: geen plek binnen de norm': 'Yardstick: no room within the norm',
  'Gecontracteerde producten waarvoor geen aanbieder met actuele gegevens nieuwe cliënten aanneemt binnen de norm. Contracten gelden voor de hele regio, dus dit geldt in elk van: {municipalities}.':
    'Contracted products for which no provider with current data takes new clients within the norm. Contracts hold for the whole region, so this holds in each of: {municipalities}.',
  'Producten zonder plek binnen de norm': 'Products without room within the norm',
  'Voor elk gecontracteerd product heeft een aanbieder plek binnen de norm.':
    'For every contracted product a provider has room within the norm.',
  Regels: 'Entries',
  'Kortste wachttijd tot start (weken)': 'Shortest wait to start (weeks)',
  'Wachttijden in de regio': 'Waits in the region',
  'Openbare versie, zonder inloggen:': 'Public version, without signing in:',
  'Wachttijden in {region}': 'Waits in {region}',
  Wachttijden: 'Waits',
  'Hoe lang jeugdigen in de regio wachten op jeugdhulp, zoals aanbieders het melden en zoals het uit de berichten blijkt. Kleine aantallen zijn weggelaten en wachtlijsten op vijftallen afgerond.':
    'How long young people in the region wait for youth care, as providers report it and as the messages show. Small numbers are left out and waiting lists rounded to fives.',
  'geen starts in de laatste 6 maanden': 'no starts in the last 6 months',
  'niet getoond: minder dan 10 starts': 'not shown: fewer than 10 starts',
  '{weeks} weken tot start (mediaan van {starts} starts)': '{weeks} weeks to start (median of {starts} starts)',
  'wijkt af van de gemelde wachttijd': 'differs from the reported wait',
  'Gemeten wachttijd': 'Measured wait',
  'vanaf aanvraag': 'from request',
  'vanaf toewijzing': 'from allocation',
  'geen starts': 'no starts',
  'Gemeten vanaf aanvraag (weken)': 'Measured from request (weeks)',
  'Gemeten vanaf toewijzing (weken)': 'Measured from allocation (weeks)',
  'Gemeten vanaf aanvraag': 'Measured from request',
  'Gemeten vanaf toewijzing': 'Measured from allocation',
};

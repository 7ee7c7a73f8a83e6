/**
 * English for provisional periods and a KPI's course over time (issue 15), merged into the dictionary in ../../i18n.ts
 * by ../messages.ts. A key may live in only one dictionary.
 */
export const trendsEn = {
  voorlopig: 'provisional',
  'voorlopig, nog niet te vergelijken': 'provisional, not yet comparable',
  'Voorlopige cijfers': 'Provisional figures',
  '{period} is voorlopig: declaraties kunnen nog binnenkomen tot {date}.':
    '{period} is provisional: claims may still arrive until {date}.',
  'De cijfers kunnen nog stijgen; een verschil met de vorige periode is nog geen echte daling of stijging.':
    'The figures may still rise; a difference with the previous period is not yet a real fall or rise.',
  beter: 'better',
  slechter: 'worse',
  Verloop: 'Course over time',
  'Bij dit cijfer is lager beter.': 'For this indicator, lower is better.',
  'Bij dit cijfer is hoger beter.': 'For this indicator, higher is better.',
  'Bij dit cijfer is hoger of lager niet vanzelf beter of slechter.':
    'For this indicator, higher or lower is not in itself better or worse.',
  'Een gestippelde lijn en open punten zijn voorlopige perioden: daarvoor komen nog declaraties binnen.':
    'A dashed line and open points are provisional periods: claims for them are still arriving.',
  'Lijngrafiek: {kpi} per {kind}, van {first} tot en met {last}, met het doel en de normen. De tabel onder de grafiek bevat alle cijfers.':
    'Line chart: {kpi} per {kind}, from {first} to {last}, with the target and the norms. The table below the chart holds all figures.',
  maand: 'month',
  kwartaal: 'quarter',
  'Ten opzichte van de periode ervoor': 'Against the period before',
  '{kpi} per {kind}': '{kpi} per {kind}',
  'Verloop downloaden': 'Download the course over time',
  'Verloop als CSV': 'Course over time as CSV',
  'Verloop als Excel (XLSX)': 'Course over time as Excel (XLSX)',
  'Voorlopige perioden en Treeknorm': 'Provisional periods and Treeknorm',
  'De instellingen konden niet worden geladen.': 'The settings could not be loaded.',
  'Voorlopig tot (maanden na de periode)': 'Provisional until (months after the period)',
  'Treeknorm tot intake (dagen)': 'Treeknorm to intake (days)',
  'Treeknorm tot behandeling (dagen)': 'Treeknorm to treatment (days)',
  'Zo lang na het einde van een periode komen er nog declaraties binnen; tot dan heet de periode voorlopig. Standaard 3.':
    'Claims keep arriving this long after a period ends; until then the period is called provisional. Default 3.',
  'De referentielijn bij de wachttijd tot intake. Standaard 28 dagen (4 weken).':
    'The reference line for the wait to intake. Default 28 days (4 weeks).',
  'De referentielijn bij de wachttijd tot de start van de zorg. Standaard 70 dagen (10 weken).':
    'The reference line for the wait to the start of care. Default 70 days (10 weeks).',
  'De instellingen zijn opgeslagen; de cijfers gebruiken ze meteen.':
    'The settings are saved; the figures use them at once.',
  'Instellingen opslaan': 'Save settings',
} as const;

/**
 * English for the quarterly reports page: the region's commentary per quarter and issued reports (issue 15), merged
 * into the dictionary in ../../i18n.ts by ../messages.ts. A key may live in only one dictionary.
 */
export const reportsEn = {
  'Toelichting bij de rapportage': 'Commentary on the report',
  'Uitgegeven kwartaalrapportage': 'Issued quarterly report',
  Kwartaalrapportages: 'Quarterly reports',
  Rapportages: 'Reports',
  'Uw rol mag de kwartaalrapportages niet inzien.': 'Your role may not see the quarterly reports.',
  'Cijfers van de uitgegeven rapportage over {quarter} zijn sindsdien gewijzigd:':
    'Figures of the issued report on {quarter} have changed since:',
  'De hele rapportage': 'The whole report',
  'De rapportage over {quarter} is vastgesteld en bewaard.': 'The report on {quarter} has been issued and kept.',
  'De rapportage wordt gemaakt met de cijfers en de toelichting van nu, met de datum en uw naam. Zij wordt bewaard zoals zij is; wijzigen de cijfers later, dan zegt het dashboard hoeveel.':
    'The report is made with the current figures and commentary, with the date and your name. It is kept as it is; when the figures change later, the dashboard says by how much.',
  'Zoals uitgegeven downloaden': 'Download as issued',
  'Er is nog geen rapportage uitgegeven.': 'No report has been issued yet.',
  'Geen cijfer gewijzigd': 'No figure changed',
  'Komt in de rapportage van dit kwartaal. Geen namen of andere persoonsgegevens. Leeg maken verwijdert de toelichting.':
    "Appears in this quarter's report. No names or other personal data. Emptying it removes the commentary.",
  'Nog geen toelichting bij dit kwartaal.': 'No commentary on this quarter yet.',
  'Opslaan lukte niet.': 'Saving failed.',
  PDF: 'PDF',
  'Rapportage over {quarter} bekijken (PDF, niet vastgesteld)': 'View the report on {quarter} (PDF, not issued)',
  'Rapportage over {quarter} vaststellen en uitgeven': 'Issue the report on {quarter}',
  'Sindsdien gewijzigd': 'Changed since',
  'Toelichting bij': 'Commentary on',
  'Tekst van de toelichting': 'Text of the commentary',
  'Toelichting opgeslagen.': 'Commentary saved.',
  'Toelichting opslaan': 'Save commentary',
  'Toelichting van de regio bij {quarter}': "The region's commentary on {quarter}",
  'Uitgegeven rapportages': 'Issued reports',
  Vastgesteld: 'Issued',
  'Vaststellen en uitgeven': 'Issue',
  'Vaststellen lukte niet.': 'Issuing failed.',
  '{date} door {name}': '{date} by {name}',
} as const;

/** English for the trajectory detail page (/trajecten/:id), merged into the dictionary in ../../i18n.ts. */
export const trajectoryEn = {
  'Terug naar Trajecten': 'Back to Trajectories',
  'Traject van': 'Trajectory of',
  'Traject van {client}': 'Trajectory of {client}',
  'De cliënt staat hier alleen als pseudoniem; het inzien van dit traject wordt vastgelegd.':
    'The client appears here only as a pseudonym; viewing this trajectory is logged.',
  Geboortejaar: 'Birth year',
  Toewijzingsnummer: 'Allocation number',
  'niet in het productenboek': 'not in the product book',
  perceel: 'lot',
  'via een combinatie': 'through a combination',
  'Geen contract op de startdatum': 'No contract on the start date',
  'De berichten achter dit traject, in de volgorde van verzenden':
    'The messages behind this trajectory, in the order they were sent',
  'Geen berichten gevonden.': 'No messages found.',
  Bericht: 'Message',
  Dagtekening: 'Message date',
  Retour: 'Retour',
  'Retourcodes van de ontvanger: {codes}': 'Retour codes from the recipient: {codes}',
  'Geen retourbericht': 'No retour message',
  'Declaraties per maand': 'Declarations per month',
  'Wat per maand is gedeclareerd (creditregels tellen negatief)':
    'What was declared per month (credit lines count negative)',
  'Op dit traject is niets gedeclareerd.': 'Nothing has been declared on this trajectory.',
  Volume: 'Volume',
  Bedrag: 'Amount',
  'Trajecten met een bericht uit dit bestand': 'Trajectories with a message from this file',
  'Trajecten uit het bestand dat dit oploste': 'Trajectories from the file that resolved this one',
  'Alleen trajecten met een bericht uit één bestand.': 'Only trajectories with a message from one file.',
  'Naar het bestand': 'To the file',
  'Alle trajecten': 'All trajectories',
} as const;

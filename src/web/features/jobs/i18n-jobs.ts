/** English for the background jobs page (/beheer/taken), merged into the dictionary in ../../i18n.ts. */
export const jobsEn = {
  Achtergrondtaken: 'Background jobs',
  'Deze taken draaien op de server volgens hun schema, na elke import en als u erom vraagt. Een mislukte taak wordt later opnieuw geprobeerd.':
    'These jobs run on the server on their schedule, after each import and when you ask. A failed job is tried again later.',
  'Taak {name} wordt uitgevoerd.': 'Job {name} is being run.',
  Taken: 'Jobs',
  Taak: 'Job',
  Schema: 'Schedule',
  'elke minuut en bij het starten|elke {count} minuten en bij het starten':
    'every minute and at start|every {count} minutes and at start',
  Bezig: 'Running',
  Gevraagd: 'Requested',
  Mislukt: 'Failed',
  Geslaagd: 'Succeeded',
  'Nog niet uitgevoerd': 'Not run yet',
  'Laatste run': 'Last run',
  'Volgende run': 'Next run',
  Fouten: 'Failures',
  '{count} keer mislukt sinds de laatste geslaagde run': 'failed {count} times since the last successful run',
  'Nu uitvoeren: {name}': 'Run now: {name}',
  'Nu uitvoeren': 'Run now',
} as const satisfies Record<string, string>;

/** English for the outbox (/beheer/postvak-uit), merged into the dictionary in ../../i18n.ts. */
export const mailEn = {
  'Postvak uit': 'Outbox',
  'Elke e-mail die Zorglandschap verstuurt, zoals herinneringen aan aanbieders, nieuwste eerst. Een mislukte verzending wordt later opnieuw geprobeerd. Zonder ingestelde mailserver (SMTP_URL) gaat niets de deur uit: dan staat hier wat verstuurd zou zijn.':
    'Every e-mail Zorglandschap sends, such as reminders to providers, newest first. A failed delivery is tried again later. Without a configured mail server (SMTP_URL) nothing leaves: this page then shows what would have been sent.',
  '{count} e-mail, nieuwste eerst|{count} e-mails, nieuwste eerst':
    '{count} e-mail, newest first|{count} e-mails, newest first',
  'Geen e-mails gevonden.': 'No e-mails found.',
  Aan: 'To',
  Onderwerp: 'Subject',
  Soort: 'Kind',
  Pogingen: 'Attempts',
  'Laatste fout': 'Last error',
  Aanleiding: 'Reference',
  Verzonden: 'Sent',
  'Volgende poging': 'Next attempt',
  'Opnieuw verzenden': 'Send again',
  'De e-mail staat weer klaar om verzonden te worden.': 'The e-mail is queued to be sent again.',
  Tekst: 'Text',
  'Wacht op verzending': 'Waiting to be sent',
  'Wordt opnieuw geprobeerd': 'Being retried',
  'Niet verzonden: geen mailserver ingesteld': 'Not sent: no mail server configured',
} as const satisfies Record<string, string>;

/** English for accounts (password pages, editing a user) and the audit log's filters, merged in ../../i18n.ts. */
export const accountEn = {
  'Alle acties': 'All actions',
  'Alle soorten': 'All kinds',
  'Alleen dit object': 'Only this object',
  'De link is gemaakt en naar {email} gestuurd.': 'The link was made and sent to {email}.',
  'De link is gemaakt. Geef hem zelf aan {name}: er is geen mailserver ingesteld.':
    'The link was made. Hand it to {name} yourself: no mail server is configured.',
  'Deze link is niet compleet. Neem hem helemaal over uit de e-mail of van de beheerder.':
    'This link is incomplete. Copy all of it from the e-mail or from the administrator.',
  'Deze link werkt niet meer': 'This link no longer works',
  'Geldig tot {time}. Deze link ziet u maar één keer.': 'Valid until {time}. You see this link only once.',
  'Huidig wachtwoord': 'Current password',
  Iedereen: 'Everyone',
  'In de naam van het object, het id en het e-mailadres': "In the object's name, its id and the e-mail address",
  'Link maken voor een nieuw wachtwoord': 'Make a link for a new password',
  'Link voor een nieuw wachtwoord': 'Link for a new password',
  'Log in met uw nieuwe wachtwoord. Andere sessies van uw account zijn beëindigd.':
    'Sign in with your new password. Other sessions of your account have ended.',
  'Maak een link waarmee {name} zelf een nieuw wachtwoord instelt. De link werkt één keer en 24 uur; een nieuwe link vervangt de vorige.':
    'Make a link with which {name} sets a new password. The link works once and for 24 hours; a new link replaces the previous one.',
  'Mijn wachtwoord': 'My password',
  'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden; een veelgebruikt wachtwoord of uw e-mailadres wordt geweigerd.':
    'At least 12 characters. A sentence of a few words is strong and easy to remember; a common password or your e-mail address is refused.',
  'Naar inloggen': 'To sign in',
  'Nieuw wachtwoord herhalen': 'Repeat new password',
  'Nieuw wachtwoord instellen': 'Set a new password',
  'Nieuw wachtwoord': 'New password',
  'Object (id)': 'Object (id)',
  'Of kies “Alleen dit object” in de lijst': 'Or choose “Only this object” in the list',
  Pagina: 'Page',
  Persoon: 'Person',
  'Soort object': 'Kind of object',
  'Uw eigen rol wijzigt een andere beheerder.': 'Another administrator changes your own role.',
  'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.':
    'Your password has been changed. Your other sessions have ended.',
  'Uw wachtwoord is ingesteld': 'Your password has been set',
  'Voor {name} ({email}). Deze link werkt tot {time}.': 'For {name} ({email}). This link works until {time}.',
  'Wachtwoord instellen': 'Set password',
  'Wachtwoord wijzigen': 'Change password',
  'Weet u uw wachtwoord nog? Dan kunt u gewoon inloggen.': 'Do you remember your password? Then just sign in.',
  'de twee wachtwoorden zijn niet gelijk': 'the two passwords are not the same',
  '{name} wijzigen': 'Edit {name}',
};

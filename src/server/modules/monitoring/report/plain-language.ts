/**
 * Text for the council: the KPI definitions are written for the people who keep the figures and name message types
 * and code lists. On paper each code becomes what it stands for, and a reference to the source code goes (issue 15:
 * no "docs/…", no bare JW323 or "reden 32–35"). The definitions stay the KPI owners' own sentences.
 */
const messages: Record<string, string> = {
  JW301: 'toewijzing',
  JW305: 'bericht over de start van de zorg',
  JW307: 'bericht over het einde van de zorg',
  JW315: 'verzoek om toewijzing',
  JW317: 'verzoek om wijziging',
  JW319: 'antwoord op een verzoek',
  JW323: 'declaratie',
  JW325: 'antwoord op een declaratie',
};

const endReasons: Array<[RegExp, string]> = [
  [
    /reden 32\s*[–-]\s*35/g,
    'een voortijdig einde: op initiatief van de jeugdige of ouders, van de aanbieder, in onderling overleg of door omstandigheden buiten hen om',
  ],
  [/reden 31/g, 'einde volgens plan'],
  [/reden (\d{2})\s*[–-]\s*(\d{2})/g, 'de landelijk afgesproken redenen van beëindiging'],
];

export function plainDutch(text: string): string {
  let out = text
    // A pointer into the repository means nothing on paper.
    .replace(/[,;]?\s*\(?\s*(zie|in|staan in|de volledige formules staan in)?\s*docs\/[\w./#-]+\)?/gi, '')
    // "(JW323)" after the word it explains adds nothing for a reader.
    .replace(/\s*\((?:JW\d{3})(?:\s*(?:of|en|,)\s*JW\d{3})*\)/g, '')
    .replace(/\s*\((?:JZ|WJ|COD)\d{3}\)/g, '')
    .replace(/\b(de |the )?run rate\b/gi, 'het tempo van de uitgaven tot nu toe');
  for (const [pattern, words] of endReasons) out = out.replace(pattern, words);
  out = out.replace(/\bJW\d{3}\b/g, (code) => messages[code] ?? 'iJw-bericht');
  return out.replace(/\s{2,}/g, ' ').replace(/\s+([.,;:])/g, '$1');
}

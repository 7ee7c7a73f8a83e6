/**
 * Reasons in plain Dutch (B1): the XML parser's English messages said in Dutch, and per rule a short title and what
 * the sender should do. Nothing here quotes a value from the message: element and tag names from a parser message are
 * left out too, since a broken file can put anything where a name should be.
 */

/** saxes' messages (English) → Dutch; the first that matches wins. */
const xmlErrors: Array<[RegExp, string]> = [
  [
    /^unclosed tag/i,
    'een element is geopend maar niet gesloten; het bestand is waarschijnlijk niet helemaal verstuurd',
  ],
  [
    /^(unexpected close tag|unmatched closing tag|weird empty close tag)/i,
    'een element wordt gesloten dat niet open is',
  ],
  [/^unexpected end/i, 'het bestand houdt midden in het bericht op; het is waarschijnlijk niet helemaal verstuurd'],
  [/^document must contain a root element/i, 'het bestand bevat geen bericht'],
  [
    /^(documents may contain only one root|text data outside of root node)/i,
    'na het einde van het bericht staat nog tekst',
  ],
  [/^unbound namespace prefix/i, 'een element gebruikt een voorvoegsel (namespace) dat nergens is vastgelegd'],
  [/^duplicate attribute/i, 'een element heeft hetzelfde attribuut twee keer'],
  [
    /^(disallowed character|malformed name|malformed character entity|empty entity name|undefined entity)/i,
    'er staat een teken dat in XML niet mag',
  ],
  [
    /(attribute|value|quoted|whitespace|name\/value|forward-slash|tag name|closing tag)/i,
    'een element of attribuut is niet goed geschreven',
  ],
  [/(XML declaration|version|standalone|expected)/i, 'de XML-aanhef (<?xml … ?>) klopt niet'],
  [/(comment|processing instruction|doctype)/i, 'het bestand bevat een onderdeel dat in een iJw-bericht niet mag'],
];

/** The XML parser's finding in Dutch; anything not recognised gets a general sentence, never the English words. */
export function dutchXmlError(message: string): string {
  const text = message.replace(/^\d+:\d+: /, '').trim();
  for (const [re, say] of xmlErrors) if (re.test(text)) return say;
  return 'de opbouw van het bestand klopt niet';
}

/** Words that show an English (library) text; a Dutch reason never holds them. */
const english = /\b(the|is not|expected|unexpected|invalid|error|cannot|could not|failed|end of|unclosed|tag|file)\b/i;

/**
 * A stored reason in plain Dutch: reasons written before the parser's messages were translated (or any library text
 * that slipped through, such as a zip reader's) are translated or replaced when read; Dutch reasons pass unchanged.
 */
export function plainMessage(rule: string, message: string): string {
  const xml = /^geen geldige XML( \(regel \d+\))?: (.*)$/s.exec(message);
  if (rule === 'XML' && xml && english.test(xml[2]!))
    return `geen geldige XML${xml[1] ?? ''}: ${dutchXmlError(xml[2]!)}`;
  const colon = message.indexOf(': ');
  if (colon > 0 && english.test(message.slice(colon + 2))) {
    const head = message.slice(0, colon);
    if (!english.test(head)) return head;
  }
  if (english.test(message) && !/^voldoet niet aan|^element /.test(message))
    return 'het bestand kon niet worden verwerkt';
  return message;
}

interface RuleText {
  title: string;
  advice: string;
}

const allocationUnknown: RuleText = {
  title: 'Toewijzing niet bekend',
  advice:
    'Het bericht verwijst naar een toewijzing die de regio niet kent. Controleer het toewijzingsnummer. Komt de toewijzing nog? ' +
    'Lees dan eerst de toewijzing in en daarna dit bericht opnieuw; de quarantaine lost het dan zelf op.',
};

/** Per rule: a short title for the group in the quarantine, and what the sender (or the reader) should do. */
const ruleTexts: Record<string, RuleText> = {
  XML: {
    title: 'Geen goed XML-bestand',
    advice:
      'Het bestand is beschadigd of niet helemaal verstuurd. Vraag de afzender het bericht opnieuw te maken en opnieuw te sturen.',
  },
  XSD: {
    title: 'Volgt de iJw-standaard niet',
    advice:
      'Een onderdeel van het bericht staat er niet zoals de iJw-standaard het vraagt. De afzender verbetert het genoemde onderdeel en stuurt het bericht opnieuw.',
  },
  CS002: {
    title: 'BSN klopt niet',
    advice: 'Het BSN haalt de elfproef niet. De afzender controleert het BSN en stuurt het bericht opnieuw.',
  },
  CS058: {
    title: 'Verkeerde status van aanlevering',
    advice: 'Een start- of stopbericht mag niet als wijziging worden gestuurd. De afzender stuurt een nieuw bericht.',
  },
  ZL001: {
    title: 'Aanbieder niet bekend',
    advice:
      'De AGB-code van de aanbieder staat niet in Zorglandschap. Leg de aanbieder vast en lees het bestand opnieuw in.',
  },
  ZL002: {
    title: 'Gemeente niet in de regio',
    advice:
      'De gemeente hoort niet bij een regio in Zorglandschap. Controleer of het bericht voor deze regio bedoeld is.',
  },
  ZL010: {
    title: 'Bestand niet te lezen',
    advice:
      'Het bestand kon niet worden gelezen of is te groot (meer dan 25 MB). Stuur het opnieuw, kleiner of als heel zip-bestand.',
  },
  ZL011: {
    title: 'Geen iJw-bericht',
    advice: 'Dit is geen iJw 3.2-bericht. Controleer of het bestand hier hoort.',
  },
  ZL012: {
    title: 'Bericht hoort niet in iJw',
    advice:
      'Dit berichttype wordt niet tussen gemeenten en aanbieders uitgewisseld. Controleer of het bestand hier hoort.',
  },
  ZL013: {
    title: 'Al in quarantaine',
    advice: 'Hetzelfde bestand is eerder afgekeurd en staat al in de quarantaine. Er is niets nieuws te doen.',
  },
  ZL020: {
    title: 'Productcode niet in het productenboek',
    advice:
      'Het bericht is aanvaard. De productcode staat niet in het productenboek van de regio, dus telt de zorg in de stuurinformatie mee volgens de productcategorie en zonder perceel. Leg het product vast in het productenboek, of vraag de afzender om de juiste code.',
  },
  ZL099: {
    title: 'Kon niet worden opgeslagen',
    advice:
      'Er ging iets mis bij het opslaan. Lees het bestand later opnieuw in; blijft het fout gaan, meld het aan de beheerder.',
  },
  TR056: {
    title: 'Berichtidentificatie al gebruikt',
    advice:
      'Deze identificatie is al gebruikt voor een ander bericht. De afzender stuurt het bericht met een nieuwe identificatie.',
  },
  TR135: {
    title: 'Dagtekening in de toekomst',
    advice: 'De dagtekening ligt na vandaag. De afzender controleert de datum en stuurt het bericht opnieuw.',
  },
  TR018: {
    title: 'Einddatum voor begindatum',
    advice: 'Een einddatum ligt voor de begindatum. De afzender verbetert de datums en stuurt het bericht opnieuw.',
  },
  TR019: allocationUnknown,
  TR338: allocationUnknown,
  TR351: allocationUnknown,
  TR382: allocationUnknown,
  TR063: {
    title: 'Intrekking van iets wat er niet is',
    advice:
      'Het bericht trekt een start of stop in die nooit is ontvangen. De afzender controleert wat hij wil intrekken.',
  },
  TR071: {
    title: 'Start met stop ingetrokken',
    advice: 'Een start met een stop kan niet worden ingetrokken. De afzender trekt eerst de stop in.',
  },
  TR326: {
    title: 'Er loopt al een start',
    advice: 'Voor deze zorg loopt al een start. De afzender stuurt eerst een stopbericht.',
  },
  TR355: {
    title: 'Antwoord zonder verzoek',
    advice:
      'Er is geen verzoek met deze referentie ontvangen. Lees eerst het verzoek in en daarna dit antwoord opnieuw.',
  },
};

/** The group title and advice of a rule; a rule without its own text gets a general one. */
export function ruleText(rule: string): RuleText {
  return (
    ruleTexts[rule] ?? {
      title: `Regel ${rule} niet gehaald`,
      advice:
        'Het bericht voldoet niet aan een regel van de iJw-standaard. De afzender verbetert het bericht en stuurt het opnieuw.',
    }
  );
}

/** English for the FAQ for providers. */
export const faqEn = {
  'Veelgestelde vragen': 'Frequently asked questions',
  'Vragen van aanbieders en de antwoorden van de regio, over declareren, toewijzingen, het contract en meer.':
    'Questions from providers and the region’s answers, on invoicing, allocations, the contract and more.',
  'Nieuw of gewijzigd sinds uw vorige bezoek op {date}: {count}.':
    'New or changed since your last visit on {date}: {count}.',
  'Woorden uit de vraag of het antwoord': 'Words from the question or the answer',
  'Alle thema’s': 'All themes',
  'Geen vragen gevonden.': 'No questions found.',
  Concept: 'Draft',
  Nieuw: 'New',
  'Gepubliceerd {published}': 'Published {published}',
  'Gepubliceerd {published}, gewijzigd {changed}': 'Published {published}, changed {changed}',
  'Nog niet gepubliceerd': 'Not published yet',
  'Nieuwe vraag': 'New question',
  'Vraag wijzigen': 'Edit question',
  Antwoord: 'Answer',
  Publiceren: 'Publish',
  'Bijvoorbeeld Declareren, Toewijzingen of Contract': 'For example Invoicing, Allocations or Contract',
  'Elke aanbieder leest dit: geen namen, BSN of andere persoonsgegevens. Een lege regel begint een nieuwe alinea.':
    'Every provider reads this: no names, BSN or other personal data. An empty line starts a new paragraph.',
  'Publiceren: aanbieders lezen het': 'Publish: providers read it',
  'Zonder vinkje blijft het een concept dat alleen de regio ziet.':
    'Unticked, it stays a draft that only the region sees.',
  Intrekken: 'Withdraw',
  'Deze vraag intrekken? Geen aanbieder ziet haar dan nog.':
    'Withdraw this question? No provider will see it any more.',
  'Veelgestelde vraag': 'Frequently asked question',
};

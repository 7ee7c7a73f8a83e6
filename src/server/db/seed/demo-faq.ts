import type { Db } from '../client.js';
import type { Actor } from '../../modules/auth/index.js';
import { createFaqEntry, type FaqWrite } from '../../modules/faq/index.js';

/**
 * The demo region's FAQ for providers: the questions providers ask a youth-care region most, in its own words, on
 * the subjects of the iJw flow and the contract. One concept shows what providers do not see yet.
 */
const entries: FaqWrite[] = [
  {
    theme: 'Declareren',
    question: 'Binnen welke termijn moet ik declareren?',
    answer:
      'Declareer per maand met een JW323, uiterlijk binnen drie maanden na afloop van de maand waarin de zorg is geleverd. Later ingediende declaraties kan de gemeente afwijzen.',
    published: true,
  },
  {
    theme: 'Declareren',
    question: 'Een prestatie is afgewezen met retourcode 9307. Wat nu?',
    answer:
      'De begindatum van de prestatie ligt buiten de looptijd van de toewijzing. Controleer het toewijzingnummer en de periode; vraag zo nodig eerst een verlenging aan (JW319) en declareer de prestatie daarna opnieuw. Een afgewezen prestatie hoeft u niet te crediteren.',
    published: true,
  },
  {
    theme: 'Toewijzingen',
    question: 'Wanneer stuur ik een verzoek om toewijzing (JW315)?',
    answer:
      'Als een jeugdige bij u komt met een verwijzing van de huisarts, jeugdarts of medisch specialist. Bij een verwijzing van het sociaal team stuurt de gemeente zelf een toewijzing (JW301).',
    published: true,
  },
  {
    theme: 'Toewijzingen',
    question: 'Hoe vraag ik een verlenging van een toewijzing aan?',
    answer:
      'Stuur uiterlijk zes weken voor de einddatum een verzoek om wijziging (JW319) met de nieuwe einddatum en een korte onderbouwing in het ondersteuningsplan.',
    published: true,
  },
  {
    theme: 'Contract',
    question: 'Wanneer hoor ik of mijn contract wordt verlengd?',
    answer:
      'De regio besluit uiterlijk op de datum die in het contract bij de verlengingsoptie staat. U krijgt het besluit schriftelijk; in het accountgesprek bespreken we het vooraf.',
    published: true,
  },
  {
    theme: 'Beschikbaarheid',
    question: 'Hoe vaak moet ik mijn wachttijden doorgeven?',
    answer:
      'Elke maand, in de Beschikbaarheidswijzer. Wie dat vergeet, krijgt na de eerste werkdag van de maand een herinnering per e-mail.',
    published: true,
  },
  {
    theme: 'Ervaringwijzer',
    question: 'Hoe deel ik de vragenlijst van de Ervaringwijzer uit?',
    answer: 'Dit antwoord volgt zodra de Ervaringwijzer in gebruik is.',
    published: false,
  },
];

export async function seedDemoFaq(db: Db, actor: Actor, regionId: string): Promise<void> {
  for (const entry of entries) await createFaqEntry(db, actor, regionId, entry);
}

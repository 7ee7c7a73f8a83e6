import { defaultMeetingThemes } from '../../../shared/meetings.js';
import { addDays, dutchToday } from '../../../shared/period.js';
import type { KpiId } from '../../../shared/kpi.js';
import type { Actor } from '../../modules/auth/index.js';
import { addTaskNote, createTask, updateTask } from '../../modules/meetings/index.js';
import type { Db } from '../client.js';
import { developmentTaskNotes } from '../schema/index.js';

interface DemoTask {
  theme: string;
  title: string;
  goal: string;
  measure: string;
  kpiId: KpiId | null;
  agbs: string[];
  /** Milestones relative to today: negative days lie behind (done unless `open`). */
  milestones: Array<{ title: string; days: number; open?: boolean }>;
  /** Progress notes days ago; `agb` when a member provider wrote it. */
  notes: Array<{ daysAgo: number; text: string; agb?: string }>;
  completed?: boolean;
}

const [crisis, jio, ggz, adult] = defaultMeetingThemes as [string, string, string, string];

/** Two development tasks per transformatietafel of the seed (000, item 2), with milestones and progress. */
const demoTasks: DemoTask[] = [
  {
    theme: crisis,
    title: 'Eén integrale crisisdienst',
    goal: 'Eén regionale crisisdienst die binnen 24 uur ter plaatse is en jeugdigen zo kort mogelijk buiten huis plaatst.',
    measure: 'Jeugdigen in een residentiële plaatsing, per kwartaal',
    kpiId: 'residential_youths',
    agbs: ['99000044', '99000011'],
    milestones: [
      { title: 'Opdrachtomschrijving vastgesteld', days: -120 },
      { title: 'Projectplan uitgewerkt aan de tafel', days: -30, open: true },
      { title: 'Start gezamenlijke bereikbaarheidsdienst', days: 60 },
    ],
    notes: [
      { daysAgo: 110, text: 'Opdrachtomschrijving met gemeentelijk beleid en RBL afgerond.' },
      {
        daysAgo: 20,
        text: 'Roosters van beide teams naast elkaar gelegd; avonddienst is het knelpunt.',
        agb: '99000044',
      },
    ],
  },
  {
    theme: crisis,
    title: 'Crisisplaatsingen korter dan vier weken',
    goal: 'Na een crisisplaatsing binnen vier weken terug naar huis of door naar een passende plek.',
    measure: 'Gemiddelde verblijfsduur in dagen',
    kpiId: 'length_of_stay',
    agbs: ['99000044', '99000055'],
    milestones: [
      { title: 'Nulmeting verblijfsduur', days: -60 },
      { title: 'Afspraken doorstroom met gezinshuizen', days: 45 },
    ],
    notes: [{ daysAgo: 40, text: 'Nulmeting: de helft van de plaatsingen duurt langer dan zes weken.' }],
  },
  {
    theme: jio,
    title: 'Driehoek onderwijs, zorg en gemeente verstevigen',
    goal: 'Op elke school in het voortgezet onderwijs een vaste jeugdhulpverlener, met één aanspreekpunt per gemeente.',
    measure: 'Aantal scholen met een vaste jeugdhulpverlener (opgave van de scholen)',
    kpiId: null,
    agbs: ['99000022', '99000011'],
    milestones: [
      { title: 'Scholen en samenwerkingsverbanden gesproken', days: -90 },
      { title: 'Pilot op drie scholen', days: 30 },
      { title: 'Evaluatie pilot', days: 150 },
    ],
    notes: [
      { daysAgo: 85, text: 'Alle vijf samenwerkingsverbanden willen meedoen.' },
      { daysAgo: 10, text: 'Twee jeugdhulpverleners geworven voor de pilot.', agb: '99000022' },
    ],
  },
  {
    theme: jio,
    title: 'Thuiszitters terug naar school',
    goal: 'Jeugdhulp tijdens schooltijd die voortijdig stoppen voorkomen.',
    measure: 'Uitval uit zorg',
    kpiId: 'dropout',
    agbs: ['99000022'],
    milestones: [{ title: 'Werkwijze casusoverleg vastgesteld', days: 20 }],
    notes: [],
  },
  {
    theme: ggz,
    title: 'Afschalen naar de basis en het sociaal team',
    goal: 'Specialistische GGZ afbouwen waar de basis-GGZ of het sociaal team volstaat.',
    measure: 'Trajecten die volgens plan eindigen',
    kpiId: 'ended_per_plan',
    agbs: ['99000033', '99000011'],
    milestones: [
      { title: 'Criteria voor afschalen afgesproken', days: -45 },
      { title: 'Overdrachtsprotocol met de sociale teams', days: 40 },
    ],
    notes: [{ daysAgo: 30, text: 'Criteria besproken met de huisartsen in Houten.', agb: '99000011' }],
  },
  {
    theme: ggz,
    title: 'Wachttijd ambulante jeugd-GGZ binnen de Treeknorm',
    goal: 'Binnen vier weken een intake en binnen tien weken de start van de behandeling.',
    measure: 'Wachttijd van aanvraag tot toewijzing, in dagen',
    kpiId: 'request_wait_days',
    agbs: ['99000011', '99000033'],
    milestones: [
      { title: 'Wachtlijsten per aanbieder in beeld', days: -15, open: true },
      { title: 'Gezamenlijke wachtlijst', days: 90 },
    ],
    notes: [{ daysAgo: 5, text: 'De Lekoever en Vaartse Rijn wisselen wekelijks de wachtlijst uit.' }],
  },
  {
    theme: adult,
    title: 'Een toekomstplan voor elke 16-plusser',
    goal: 'Elke jeugdige in zorg heeft vanaf 16 jaar een toekomstplan voor wonen, werk en geld.',
    measure: 'Jeugdigen van 18 jaar en ouder in zorg',
    kpiId: 'youths_18_plus',
    agbs: ['99000066', '99000055'],
    milestones: [
      { title: 'Format toekomstplan', days: -70 },
      { title: 'Toekomstplan bij alle 17-jarigen', days: 100 },
    ],
    notes: [{ daysAgo: 50, text: 'Format getest bij zes jongeren in pleegzorg.', agb: '99000066' }],
  },
  {
    theme: adult,
    title: 'Warme overdracht naar Wmo en Zvw',
    goal: 'De overgang naar Wmo en Zvw begint een half jaar voor de 18e verjaardag.',
    measure: 'Jongeren met een overdracht vóór hun 18e (opgave van de sociale teams)',
    kpiId: null,
    agbs: ['99000066'],
    milestones: [{ title: 'Afspraken met de Wmo-consulenten', days: -20 }],
    notes: [{ daysAgo: 21, text: 'Afspraken vastgelegd; de opgave is afgerond.' }],
    completed: true,
  },
];

/** The demo region's development tasks: two per theme, members, milestones (done, overdue, ahead) and notes. */
export async function seedDemoDevelopmentTasks(
  db: Db,
  actor: Actor,
  regionId: string,
  providerIds: Map<string, string>,
) {
  const today = dutchToday();
  for (const t of demoTasks) {
    const task = await createTask(db, actor, {
      regionId,
      theme: t.theme,
      title: t.title,
      goal: t.goal,
      measure: t.measure,
      kpiId: t.kpiId,
      regionMembers: [{ name: 'Cas Contractmanager', email: 'contractmanager@lekstroom.example.nl' }],
      providerIds: t.agbs.map((agb) => providerIds.get(agb)!),
      milestones: t.milestones.map((m) => ({
        title: m.title,
        dueDate: addDays(today, m.days),
        done: m.days < 0 && !m.open,
      })),
    });
    for (const n of t.notes) {
      if (!n.agb) await addTaskNote(db, actor, task.id, { text: n.text, date: addDays(today, -n.daysAgo) });
      // A member provider's note, written by its project lead (the demo has accounts for one provider only).
      else
        await db.insert(developmentTaskNotes).values({
          taskId: task.id,
          noteDate: addDays(today, -n.daysAgo),
          text: n.text,
          providerId: providerIds.get(n.agb)!,
          authorName: 'Projectleider van de aanbieder',
        });
    }
    if (t.completed) await updateTask(db, actor, task.id, { status: 'completed' });
  }
}

import { Command, Option } from 'commander';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { seedDemoRegion, seedDemoRegionIfEmpty } from '../server/db/seed/demo.js';
import { startServer } from '../server/main.js';
import { importSources } from '../server/modules/exchange/import.service.js';
import { loadSecrets } from '../server/modules/exchange/secrets.js';
import { readSources } from '../server/modules/exchange/sources.js';
import { demoLandscape, generateIjw } from '../server/modules/exchange/generator/generate.js';
import { createUser } from '../server/modules/auth/auth.service.js';
import { AppError } from '../server/http/errors.js';
import { roles, type Role } from '../shared/domain.js';

/** Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL), runs `work`, and always closes it. */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('zorglandschap')
  .description('Zorglandschap: inkoop, contracten, sturing en monitoring van de jeugdhulp in een regio')
  .showHelpAfterError();

program.command('serve')
  .description('start de webapplicatie en de API (migreert eerst; een lege database krijgt de demoregio)')
  .option('-p, --port <port>', 'poort (standaard 3000 of PORT)')
  .option('--no-demo', 'geen demoregio aanmaken in een lege database')
  .option('--demo-youths <n>', 'aantal jeugdigen in de iJw-demoberichten (0 = geen)', '1000')
  .action(async (opts: { port?: string; demo: boolean; demoYouths: string }) => {
    await startServer(opts.port ? { port: Number(opts.port) } : {}, { seedDemo: opts.demo, demoYouths: Number(opts.demoYouths) });
  });

program.command('migrate')
  .description('voer de databasemigraties uit')
  .action(() => withDatabase(async (database) => console.log(`migraties uitgevoerd (${database.kind})`)));

program.command('seed-demo')
  .description('maak de demoregio Lekstroom aan (alleen in een lege database, tenzij --force)')
  .option('--force', 'ook als er al een regio is (faalt bij dubbele codes)')
  .action((opts: { force?: boolean }) => withDatabase(async ({ db }) => {
    if (opts.force) await seedDemoRegion(db);
    else if (!(await seedDemoRegionIfEmpty(db))) {
      console.log('De database heeft al een regio; niets gedaan.');
      return;
    }
    console.log('Demoregio Lekstroom aangemaakt.');
  }));

const users = program.command('users').description('gebruikers beheren');
users.command('add')
  .description('voeg een lokaal account toe; het wachtwoord komt uit ZL_PASSWORD of wordt gevraagd')
  .requiredOption('--email <email>', 'e-mailadres')
  .requiredOption('--name <name>', 'naam')
  .addOption(new Option('--role <role>', 'rol').choices([...roles]).makeOptionMandatory())
  .option('--provider-agb <agb>', 'AGB-code van de aanbieder (verplicht bij rol aanbieder)')
  .option('--oidc', 'geen wachtwoord: inloggen alleen via OIDC')
  .action((opts: { email: string; name: string; role: Role; providerAgb?: string; oidc?: boolean }) => withDatabase(async ({ db }) => {
    const password = opts.oidc ? undefined : process.env.ZL_PASSWORD ?? (await prompt('Wachtwoord: '));
    const user = await createUser(db, { email: opts.email, name: opts.name, role: opts.role, password, providerAgbCode: opts.providerAgb });
    console.log(`Gebruiker ${user.email} (${user.role}) aangemaakt.`);
  }));

const importCommand = program.command('import').description('gegevens inlezen');
importCommand.command('ijw <paths...>')
  .description('iJw-berichten inlezen: bestanden, mappen (recursief) en zip-archieven; exit 0 als alles aanvaard of al bekend is, 1 bij een afgekeurd bestand')
  .option('--json', 'één JSON-object per bestand')
  .option('--batch-size <n>', 'bestanden per transactie', '200')
  .action((paths: string[], opts: { json?: boolean; batchSize: string }) => withDatabase(async ({ db }) => {
    const config = loadConfig();
    const secrets = loadSecrets({ secretKey: config.secretKey, dataDir: config.dataDir });
    const tally = await importSources({ db, secrets, actor: null }, readSources(paths), (r) => {
      if (opts.json) {
        console.log(JSON.stringify({ file: r.file, messageType: r.messageType, status: r.status, records: r.records, reasons: r.reasons }));
      } else if (r.status === 'rejected') {
        console.log(`afgekeurd  ${r.file}\n${r.reasons.map((x) => `           ${x.rule} (${x.code}): ${x.message}`).join('\n')}`);
      }
    }, Number(opts.batchSize));
    if (!opts.json) console.log(`${tally.accepted} aanvaard, ${tally.duplicate} al eerder ingelezen, ${tally.rejected} afgekeurd; ${tally.records} records`);
    if (tally.rejected > 0) process.exitCode = 1;
  }));

const generateCommand = program.command('generate').description('testgegevens maken');
generateCommand.command('ijw')
  .description('schrijf realistische iJw 3.2-berichten (JW315, JW319, JW301, JW305, JW317, JW307, JW323) voor de demoregio')
  .requiredOption('--out <dir>', 'doelmap')
  .option('--youths <n>', 'aantal jeugdigen met zorg', '2000')
  .option('--years <n>', 'aantal jaren', '3')
  .option('--start-year <year>', 'eerste jaar (vanaf 2021)', String(new Date().getFullYear() - 3))
  .option('--seed <n>', 'startwaarde: dezelfde waarde geeft dezelfde bestanden', '1')
  .option('--invalid-rate <share>', 'aandeel extra ongeldige bestanden in invalid/ (0–1)', '0')
  .action(async (opts: { out: string; youths: string; years: string; startYear: string; seed: string; invalidRate: string }) => {
    const started = performance.now();
    const manifest = await generateIjw({
      outDir: opts.out, ...demoLandscape(), youths: Number(opts.youths), years: Number(opts.years),
      startYear: Number(opts.startYear), seed: Number(opts.seed), invalidRate: Number(opts.invalidRate),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${manifest.files.total} bestanden, ${manifest.records.total} records, ${manifest.trajectories.total} trajecten in ${seconds} s; zie ${opts.out}/manifest.json`);
  });

const exportCommand = program.command('export').description('gegevens uitvoeren');
exportCommand.command('ijw')
  .description('retourberichten uitvoeren — volgt met de iJw-module')
  .action(() => notYet('export ijw'));

function notYet(name: string): never {
  console.error(`'${name}' is nog niet beschikbaar in deze versie.`);
  process.exit(2);
}

async function prompt(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

program.parseAsync().catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(err.invalidParams.length ? err.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('\n') : err.message);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});

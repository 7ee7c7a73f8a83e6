import { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import { AppError } from '../server/http/errors.js';
import { loadSecrets } from '../server/security/secrets.js';
import { cliCommands } from './commands.js';
import type { CliContext } from '../server/modules/server-module.js';
import { safeErrorMessage } from '../server/http/logger.js';

/** The command being run, as another process finds it named while this one holds the data directory. */
let commandName = 'zorglandschap';

/**
 * Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL), runs `work`, and always closes it. When another
 * process holds the data directory, `whenLocked` may hand the work to it; without it the command is refused.
 */
async function withDatabase<T>(
  work: (db: Database) => Promise<T>,
  whenLocked?: (locked: DataDirLockedError) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: commandName });
  } catch (err) {
    if (err instanceof DataDirLockedError && whenLocked) return whenLocked(err);
    throw err;
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

// The web server, reports, KPIs and the generator are loaded by the commands that use them: an import starts without
// them (over a second sooner, and smaller).
const program = new Command('zorglandschap')
  .description('Zorglandschap: inkoop, contracten, sturing en monitoring van de jeugdhulp in een regio')
  .showHelpAfterError()
  .hook('preAction', (_program, action) => {
    const names: string[] = [];
    for (let c: Command | null = action; c; c = c.parent) names.unshift(c.name());
    commandName = names.join(' ');
  });

program
  .command('serve')
  .description('start de webapplicatie en de API (migreert eerst; een lege database krijgt de demoregio)')
  .option('-p, --port <port>', 'poort (standaard 3000 of PORT; 0 = een vrije poort)')
  .option('--no-demo', 'geen demoregio aanmaken in een lege database')
  .option('--demo-youths <n>', 'aantal jeugdigen in de iJw-demoberichten (0 = geen)', '2500')
  .action(async (opts: { port?: string; demo: boolean; demoYouths: string }) => {
    const { startServer } = await import('../server/main.js');
    await startServer(opts.port ? { port: Number(opts.port) } : {}, {
      seedDemo: opts.demo,
      demoYouths: Number(opts.demoYouths),
    });
  });

program
  .command('migrate')
  .description('voer de databasemigraties uit')
  .action(() => withDatabase(async (database) => console.log(`migraties uitgevoerd (${database.kind})`)));

program
  .command('seed-demo')
  .description('maak de demoregio Lekstroom aan (alleen in een lege database, tenzij --force)')
  .option('--force', 'ook als er al een regio is (faalt bij dubbele codes)')
  .action((opts: { force?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { seedDemoRegion, seedDemoRegionIfEmpty } = await import('../server/db/seed/demo.js');
      if (opts.force) await seedDemoRegion(db);
      else if (!(await seedDemoRegionIfEmpty(db))) {
        console.log('De database heeft al een regio; niets gedaan.');
        return;
      }
      console.log('Demoregio Lekstroom aangemaakt.');
    }),
  );

const generateCommand = program.command('generate').description('testgegevens maken');
generateCommand
  .command('ijw')
  .description(
    'schrijf realistische iJw 3.2-berichten (JW315, JW319, JW301, JW305, JW317, JW307, JW323) voor de demoregio',
  )
  .requiredOption('--out <dir>', 'doelmap')
  .option('--youths <n>', 'aantal jeugdigen met zorg', '2000')
  .option('--years <n>', 'aantal jaren', '3')
  .option('--start-year <year>', 'eerste jaar (vanaf 2021)', String(new Date().getFullYear() - 3))
  .option('--seed <n>', 'startwaarde: dezelfde waarde geeft dezelfde bestanden', '1')
  .option('--invalid-rate <share>', 'aandeel extra ongeldige bestanden in invalid/ (0–1)', '0')
  .action(
    async (opts: {
      out: string;
      youths: string;
      years: string;
      startYear: string;
      seed: string;
      invalidRate: string;
    }) => {
      const { demoLandscape, generateIjw } = await import('../tools/ijw-generator/generate.js');
      const started = performance.now();
      const manifest = await generateIjw({
        outDir: opts.out,
        ...demoLandscape(),
        youths: Number(opts.youths),
        years: Number(opts.years),
        startYear: Number(opts.startYear),
        seed: Number(opts.seed),
        invalidRate: Number(opts.invalidRate),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${manifest.files.total} bestanden, ${manifest.records.total} records, ${manifest.trajectories.total} trajecten in ${seconds} s; zie ${opts.out}/manifest.json`,
      );
    },
  );

/** What the modules' commands get from the command line (CliContext in src/server/modules/server-module.ts). */
const context: CliContext = {
  withDatabase,
  config: () => loadConfig(),
  secrets: () => loadSecrets(loadConfig()),
  async runJob(database, name) {
    const { JobRunner } = await import('../server/jobs/runner.js');
    const { jobCatalog } = await import('../server/jobs/catalog.js');
    const catalog = jobCatalog();
    const job = catalog.find((j) => j.name === name);
    const { outcome, error } = await new JobRunner(database, catalog, { config: loadConfig() }).runNow(name);
    if (outcome === 'failed') throw new Error(`${job?.description ?? name}: mislukt: ${error}`);
    if (outcome === 'busy') console.error(`${job?.description ?? name}: loopt al; wat volgt kan nog wat achterlopen.`);
  },
  group: (name, description) =>
    program.commands.find((c) => c.name() === name) ?? program.command(name).description(description),
  prompt,
};
for (const register of cliCommands) register(program, context);

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
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(
      err.invalidParams.length ? err.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('\n') : err.message,
    );
  } else {
    // A failed query's message carries its parameters (a password hash, a pseudonym): say what failed, not with what.
    console.error(
      err instanceof Error && 'query' in err ? safeErrorMessage(err) : err instanceof Error ? err.message : err,
    );
  }
  process.exit(1);
});

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import {
  defaultBatchSize,
  importSources,
  stopCheckWorkers,
  warmUpCheckWorkers,
} from '../server/modules/exchange/index.js';
import { loadSecrets } from '../server/security/secrets.js';
import { readSources } from '../server/modules/exchange/index.js';
import { AppError, fieldError } from '../server/http/errors.js';
import { safeErrorMessage } from '../server/http/logger.js';
import { roles, type Role } from '../shared/domain.js';
import { kpiGroupings, kpiIds, type KpiGroupBy, type KpiId } from '../shared/kpi.js';
import { addUserThroughServer } from './forward.js';

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

const users = program.command('users').description('gebruikers beheren');
users
  .command('add')
  .description('voeg een lokaal account toe; het wachtwoord komt uit ZL_PASSWORD of wordt gevraagd')
  .requiredOption('--email <email>', 'e-mailadres')
  .requiredOption('--name <name>', 'naam')
  .addOption(new Option('--role <role>', 'rol').choices([...roles]).makeOptionMandatory())
  .option('--provider-agb <agb>', 'AGB-code van de aanbieder (verplicht bij rol aanbieder)')
  .option(
    '--region <code>',
    'regiocode van de regio waarin de gebruiker werkt (standaard de enige regio; een beheerder zonder: de hele installatie)',
  )
  .option('--oidc', 'geen wachtwoord: inloggen alleen via OIDC')
  .action(
    async (opts: {
      email: string;
      name: string;
      role: Role;
      providerAgb?: string;
      region?: string;
      oidc?: boolean;
    }) => {
      // Asked before the database is opened, so nobody holds the data directory while a person types.
      const password = opts.oidc ? undefined : (process.env.ZL_PASSWORD ?? (await prompt('Wachtwoord: ')));
      const user = {
        email: opts.email,
        name: opts.name,
        role: opts.role,
        password,
        providerAgbCode: opts.providerAgb,
        regionCode: opts.region,
      };
      const done = await withDatabase(
        async ({ db }) => {
          const { createUser } = await import('../server/modules/auth/index.js');
          const created = await createUser(db, user);
          const where = opts.region ? `regio ${opts.region}` : created.regionId ? 'de enige regio' : 'geen regio';
          return `Gebruiker ${created.email} (${created.role}, ${where}) aangemaakt.`;
        },
        (locked) => addUserThroughServer(locked, user),
      );
      console.log(done);
    },
  );

const importCommand = program.command('import').description('gegevens inlezen');
importCommand
  .command('ijw <paths...>')
  .description(
    'iJw-berichten inlezen: bestanden, mappen (recursief) en zip-archieven; exit 0 als alles aanvaard of al bekend is, 1 bij een afgekeurd bestand',
  )
  .option('--json', 'één JSON-object per bestand')
  .option('--batch-size <n>', `bestanden per transactie (standaard ${defaultBatchSize})`)
  .action((paths: string[], opts: { json?: boolean; batchSize?: string }) => {
    warmUpCheckWorkers(!loadConfig().databaseUrl);
    return withDatabase(async ({ db }) => {
      const config = loadConfig();
      const secrets = loadSecrets({ secretKey: config.secretKey, dataDir: config.dataDir });
      const tally = await importSources(
        { db, secrets, actor: null },
        readSources(paths),
        (r) => {
          if (opts.json) {
            console.log(
              JSON.stringify({
                file: r.file,
                messageType: r.messageType,
                status: r.status,
                records: r.records,
                reasons: r.reasons,
              }),
            );
          } else if (r.status === 'rejected') {
            console.log(
              `afgekeurd  ${r.file}\n${r.reasons.map((x) => `           ${x.rule} (${x.code}): ${x.message}`).join('\n')}`,
            );
          }
        },
        opts.batchSize ? Number(opts.batchSize) : undefined,
      );
      if (!opts.json)
        console.log(
          `${tally.accepted} aanvaard, ${tally.duplicate} al eerder ingelezen, ${tally.rejected} afgekeurd; ${tally.records} records`,
        );
      if (tally.accepted > 0 && !opts.json)
        console.log(
          'De cijfers van het dashboard worden op de achtergrond bijgewerkt (nu meteen: zorglandschap kpi refresh).',
        );
      if (tally.rejected > 0) process.exitCode = 1;
    }).finally(stopCheckWorkers);
  });

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

/** Runs the KPI facts refresh here and now, recorded as a run of its background job; throws when it fails. */
async function refreshFactsNow(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const { JobRunner } = await import('../server/jobs/runner.js');
  const { jobCatalog } = await import('../server/jobs/catalog.js');
  const { outcome, error } = await new JobRunner(database, jobCatalog()).runNow('kpi-refresh');
  if (outcome === 'failed') throw new Error(`de KPI-feiten konden niet worden bijgewerkt: ${error}`);
  if (outcome === 'busy') console.error('De KPI-feiten worden al bijgewerkt; de cijfers kunnen nog wat achterlopen.');
}

const kpiCommand = program
  .command('kpi')
  .description("KPI's berekenen zoals dashboard en API ze tonen (docs/kpi.md), met onderdrukking van kleine aantallen")
  .option('--kpi <ids>', `een of meer KPI's met komma's (${kpiIds.join(', ')}); leeg = alle`)
  .option(
    '--period <period>',
    '2025, 2025Q3, 2025-07 of 2025-01-01/2025-06-30; leeg = laatste volledige kwartaal met gegevens',
  )
  .addOption(new Option('--group-by <grouping>', 'indeling').choices([...kpiGroupings]).default('region'))
  .option('--municipality <cbs>', 'alleen deze gemeente')
  .option('--provider <agb>', 'alleen deze aanbieder')
  .option('--product-category <code>', 'alleen deze productcategorie (JZ020)')
  .option('--lot <code>', 'alleen dit perceel')
  .option('--region <code>', 'regiocode (standaard de regio van deze installatie)')
  .option('--json', 'het antwoord als JSON, gelijk aan GET /api/v1/kpis')
  .action(
    (opts: {
      kpi?: string;
      period?: string;
      groupBy: KpiGroupBy;
      municipality?: string;
      provider?: string;
      productCategory?: string;
      lot?: string;
      region?: string;
      json?: boolean;
    }) =>
      withDatabase(async (database) => {
        const { db } = database;
        await refreshFactsNow(database);
        const { computeKpis, kpiPeriods, resolveRegion } = await import('../server/modules/monitoring/index.js');
        const { formatKpiValue, withheldText } = await import('../shared/kpi-charts.js');
        const region = await resolveRegion(db, opts.region);
        const kpis = opts.kpi
          ?.split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        const unknown = kpis?.filter((k) => !(kpiIds as readonly string[]).includes(k)) ?? [];
        if (unknown.length) throw new Error(`onbekende KPI: ${unknown.join(', ')} (kies uit ${kpiIds.join(', ')})`);
        const response = await computeKpis(db, {
          regionId: region.id,
          period: opts.period ?? (await kpiPeriods(db, region.id)).defaultPeriod,
          groupBy: opts.groupBy,
          filters: {
            municipality: opts.municipality,
            provider: opts.provider,
            productCategory: opts.productCategory,
            lot: opts.lot,
          },
          kpis: kpis as KpiId[] | undefined,
          threshold: loadConfig().suppressionThreshold,
        });
        if (opts.json) {
          console.log(JSON.stringify(response, null, 2));
          return;
        }
        console.log(
          `${region.name}, ${response.period.label} (${response.period.from} t/m ${response.period.to}), vorige periode ${response.previousPeriod.label}`,
        );
        for (const result of response.data) {
          console.log(`\n${result.kpi.name} (${result.kpi.id})${result.available ? '' : ': geen gegevens'}`);
          for (const cell of [...result.rows, result.total]) {
            if (!result.available) break;
            const value = cell.suppressed
              ? withheldText(response.suppressionThreshold, result.kpi.unit)
              : formatKpiValue(cell.value, result.kpi.unit);
            const previous = formatKpiValue(cell.previous, result.kpi.unit);
            console.log(`  ${cell.label.padEnd(40)} ${value.padStart(14)}  (vorige: ${previous})`);
          }
        }
      }),
  );

kpiCommand
  .command('refresh')
  .description("de feiten achter de KPI's nu bijwerken (de server doet dat ook na elke import en elk kwartier)")
  .action(() =>
    withDatabase(async (database) => {
      await refreshFactsNow(database);
      console.log('KPI-feiten bijgewerkt.');
    }),
  );

const reportCommand = program.command('report').description('rapportages maken');
reportCommand
  .command('quarterly')
  .description(
    'kwartaalrapportage als PDF voor een regio, of met --provider voor één aanbieder; kleine aantallen staan er als "< 10"',
  )
  .requiredOption('--region <code>', 'regiocode, bv. lekstroom')
  .requiredOption('--quarter <kwartaal>', 'kwartaal, bv. 2025Q3')
  .option('--provider <agb>', 'AGB-code: alleen de cijfers van deze aanbieder')
  .option('--out <file>', 'doelbestand (standaard kwartaalrapportage-<regio>[-<agb>]-<kwartaal>.pdf in de huidige map)')
  .action(async (opts: { region: string; quarter: string; provider?: string; out?: string }) => {
    const { createQuarterlyReport, parseQuarter } = await import('../server/modules/monitoring/index.js');
    const quarter = parseQuarter(opts.quarter, '--quarter');
    if (opts.provider !== undefined && !/^\d{8}$/.test(opts.provider))
      throw fieldError('--provider', 'moet een AGB-code van 8 cijfers zijn');
    await withDatabase(async (database) => {
      const { db } = database;
      await refreshFactsNow(database);
      const report = await createQuarterlyReport(db, {
        region: opts.region,
        quarter,
        provider: opts.provider,
        threshold: loadConfig().suppressionThreshold,
      });
      const out = opts.out ?? report.fileName;
      await writeFile(out, report.pdf);
      console.log(`Kwartaalrapportage ${quarter} geschreven naar ${out} (${Math.ceil(report.pdf.length / 1024)} kB)`);
    });
  });

const exportCommand = program.command('export').description('gegevens uitvoeren');
exportCommand
  .command('ijw')
  .description('de retourberichten (JW302 … JW325) van ingelezen bestanden als XML in een map, om terug te sturen')
  .requiredOption('--out <dir>', 'doelmap (wordt gemaakt; bestaande bestanden worden overschreven)')
  .option('--from <date>', 'alleen bestanden ontvangen vanaf deze datum (JJJJ-MM-DD)')
  .option('--to <date>', 'alleen bestanden ontvangen tot en met deze datum (JJJJ-MM-DD)')
  .action((opts: { out: string; from?: string; to?: string }) => {
    for (const [name, value] of [
      ['--from', opts.from],
      ['--to', opts.to],
    ] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw fieldError(name, 'moet een datum zijn als 2026-07-01');
    }
    return withDatabase(async ({ db }) => {
      const { exportRetourMessages } = await import('../server/modules/exchange/index.js');
      const config = loadConfig();
      const secrets = loadSecrets({ secretKey: config.secretKey, dataDir: config.dataDir });
      await mkdir(opts.out, { recursive: true });
      const n = await exportRetourMessages(db, secrets, null, { from: opts.from, to: opts.to }, (name, bytes) =>
        writeFile(join(opts.out, name), bytes),
      );
      console.log(`${n} retourberichten geschreven naar ${opts.out}`);
    });
  });

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

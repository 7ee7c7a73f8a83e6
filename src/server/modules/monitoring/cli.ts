import { writeFile } from 'node:fs/promises';
import { Option } from 'commander';
import { kpiGroupings, kpiIds, type KpiGroupBy, type KpiId } from '../../../shared/kpi.js';
import { fieldError } from '../../http/errors.js';
import type { Database } from '../../db/client.js';
import type { CliCommands } from '../server-module.js';

/** `zorglandschap kpi`, `kpi refresh` and `report quarterly`: the figures as the dashboard and API give them. */
export const monitoringCli: CliCommands = (program, cli) => {
  // Every figure first brings the facts up to date, as a run of their background job.
  const refreshFacts = async (database: Database) =>
    cli.runJob(database, (await import('./facts.service.js')).kpiRefreshJobName);
  const kpiCommand = program
    .command('kpi')
    .description(
      "KPI's berekenen zoals dashboard en API ze tonen (docs/kpi.md), met onderdrukking van kleine aantallen",
    )
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
    .option(
      '--exact',
      'exacte cijfers en vrije periodes, zoals wie trajecten mag inzien ze krijgt (standaard: afgerond, zoals gepubliceerd)',
    )
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
        exact?: boolean;
      }) =>
        cli.withDatabase(async (database) => {
          const { db } = database;
          await refreshFacts(database);
          const { computeKpis, kpiPeriods, resolveRegion } = await import('./kpi.service.js');
          const { formatKpiValue, withheldText } = await import('../../../shared/kpi-charts.js');
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
            threshold: cli.config().suppressionThreshold,
            disclosure: opts.exact ? 'exact' : 'published',
          });
          if (opts.json) {
            console.log(JSON.stringify(response, null, 2));
            return;
          }
          const mark = (p: { provisional?: boolean; finalOn?: string }) =>
            p.provisional ? ` (voorlopig tot ${p.finalOn})` : '';
          console.log(
            `${region.name}, ${response.period.label}${mark(response.period)} (${response.period.from} t/m ${response.period.to}), vorige periode ${response.previousPeriod.label}${mark(response.previousPeriod)}`,
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
      cli.withDatabase(async (database) => {
        await refreshFacts(database);
        console.log('KPI-feiten bijgewerkt.');
      }),
    );

  program
    .command('report')
    .description('rapportages maken')
    .command('quarterly')
    .description(
      'kwartaalrapportage als PDF voor een regio, of met --provider voor één aanbieder; kleine aantallen staan er als "< 10"',
    )
    .requiredOption('--region <code>', 'regiocode, bv. lekstroom')
    .requiredOption('--quarter <kwartaal>', 'kwartaal, bv. 2025Q3')
    .option('--provider <agb>', 'AGB-code: alleen de cijfers van deze aanbieder')
    .option(
      '--out <file>',
      'doelbestand (standaard kwartaalrapportage-<regio>[-<agb>]-<kwartaal>.pdf in de huidige map)',
    )
    .action(async (opts: { region: string; quarter: string; provider?: string; out?: string }) => {
      const { createQuarterlyReport, parseQuarter } = await import('./report/index.js');
      const quarter = parseQuarter(opts.quarter, '--quarter');
      if (opts.provider !== undefined && !/^\d{8}$/.test(opts.provider))
        throw fieldError('--provider', 'moet een AGB-code van 8 cijfers zijn');
      await cli.withDatabase(async (database) => {
        await refreshFacts(database);
        const report = await createQuarterlyReport(database.db, {
          region: opts.region,
          quarter,
          provider: opts.provider,
          threshold: cli.config().suppressionThreshold,
        });
        const out = opts.out ?? report.fileName;
        await writeFile(out, report.pdf);
        console.log(`Kwartaalrapportage ${quarter} geschreven naar ${out} (${Math.ceil(report.pdf.length / 1024)} kB)`);
      });
    });
};

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fieldError } from '../../http/errors.js';
import type { CliCommands } from '../server-module.js';
import { defaultBatchSize, importSources, stopCheckWorkers, warmUpCheckWorkers } from './import.service.js';
import { readSources } from './sources.js';

/** `zorglandschap import ijw` and `export ijw`: iJw messages in, their retour messages out. */
export const exchangeCli: CliCommands = (program, cli) => {
  cli
    .group('import', 'gegevens inlezen')
    .command('ijw <paths...>')
    .description(
      'iJw-berichten inlezen: bestanden, mappen (recursief) en zip-archieven; exit 0 als alles aanvaard of al bekend is (ook een bestand dat al in quarantaine staat), 1 bij een nieuw afgekeurd bestand',
    )
    .option('--json', 'één JSON-object per bestand')
    .option('--batch-size <n>', `bestanden per transactie (standaard ${defaultBatchSize})`)
    .action((paths: string[], opts: { json?: boolean; batchSize?: string }) => {
      warmUpCheckWorkers(!cli.config().databaseUrl);
      // A file already in quarantine (the same bytes, ZL013) is known, not new: a scheduled re-read of a drop folder
      // that finds only known files succeeds.
      let newlyRejected = 0;
      return cli
        .withDatabase(async ({ db }) => {
          const tally = await importSources(
            { db, secrets: cli.secrets(), actor: null },
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
                    warnings: r.warnings,
                  }),
                );
              }
              const known = r.status === 'rejected' && r.reasons.some((x) => x.rule === 'ZL013');
              if (r.status === 'rejected' && !known) newlyRejected += 1;
              if (opts.json) return;
              if (r.warnings.length)
                console.log(
                  `waarschuwing  ${r.file}\n${r.warnings.map((x) => `           ${x.rule}: ${x.message}`).join('\n')}`,
                );
              if (known) console.log(`al in quarantaine  ${r.file}`);
              else if (r.status === 'rejected') {
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
          if (newlyRejected > 0) process.exitCode = 1;
        })
        .finally(stopCheckWorkers);
    });

  cli
    .group('export', 'gegevens uitvoeren')
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
      return cli.withDatabase(async ({ db }) => {
        const { exportRetourMessages } = await import('./exchange.service.js');
        await mkdir(opts.out, { recursive: true });
        const { written, failed } = await exportRetourMessages(
          db,
          cli.secrets(),
          null,
          { from: opts.from, to: opts.to },
          (name, bytes) => writeFile(join(opts.out, name), bytes),
        );
        // Every retour that could be made is written; each one that could not is named, and the exit code says so.
        for (const f of failed) console.error(`niet geschreven: ${f.fileName} (bestand ${f.fileId}): ${f.problem}`);
        console.log(`${written} retourberichten geschreven naar ${opts.out}`);
        if (failed.length) {
          console.error(`${failed.length} retourberichten konden niet worden gemaakt of geschreven (zie hierboven)`);
          process.exitCode = 1;
        }
      });
    });
};

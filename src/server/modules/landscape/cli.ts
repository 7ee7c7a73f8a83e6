import { readFile } from 'node:fs/promises';
import type { CliCommands } from '../server-module.js';

/** `zorglandschap postcodes import <file.csv>`: the PC4 centroids for distances in the availability search. */
export const landscapeCli: CliCommands = (program, cli) => {
  const postcodes = program.command('postcodes').description('de ligging van postcodegebieden (PC4) beheren');
  postcodes
    .command('import')
    .description(
      'lees de middelpunten van postcodegebieden in uit een CSV met de kolommen postcode4, latitude, longitude (WGS84) en naar keuze gemeentecode (docs/availability.md); één foute regel en er wordt niets ingelezen',
    )
    .argument('<file>', 'het CSV-bestand')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      const { importCentroids, parseCentroidsCsv } = await import('./postcodes/postcodes.service.js');
      // A refused file throws an AppError: the command prints its reasons (the count first) and exits 1.
      const rows = parseCentroidsCsv(text);
      const result = await cli.withDatabase(({ db }) => importCentroids(db, null, rows));
      console.log(`${result.imported} postcodegebieden ingelezen; ${result.total} bekend.`);
    });
};

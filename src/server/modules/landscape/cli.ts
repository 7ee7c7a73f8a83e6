import { readFile } from 'node:fs/promises';
import type { CliCommands } from '../server-module.js';

const collect = (value: string, list: string[]) => [...list, value];
/** "0263:Maasdriel" → ["0263", "Maasdriel"]; "ZIN:Zorg in natura:40,45" → ["ZIN", "Zorg in natura", "40,45"]. */
const partsOf = (value: string) => value.split(':').map((x) => x.trim());

/**
 * `zorglandschap region create`: a region with its municipalities, lots and budget lines for a scripted install (the
 * default tiers come with it); `zorglandschap municipalities import <file>`: CBS's list of municipalities the codes are
 * checked against; `zorglandschap postcodes import <file.csv>`: the PC4 centroids for distances in the availability
 * search.
 */
export const landscapeCli: CliCommands = (program, cli) => {
  const region = program.command('region').description('een regio inrichten');
  region
    .command('create')
    .description(
      'maak een regio aan met gemeenten, percelen en begrotingsposten (en de standaardniveaus); hernoemen en opheffen gaat in de webapplicatie onder Regio',
    )
    .requiredOption('--code <code>', 'code van de regio: kleine letters, cijfers en streepjes, bv. rivierenland')
    .requiredOption('--name <name>', 'naam van de regio')
    .option('--municipality <cbs:naam>', 'een gemeente, bv. 0263:Maasdriel (herhaalbaar)', collect, [])
    .option(
      '--unlisted <cbs>',
      'een gemeentecode die nog niet op de ingelezen CBS-lijst staat (een nieuwe gemeente na een herindeling) toch toevoegen (herhaalbaar)',
      collect,
      [],
    )
    .option('--lot <code:naam>', 'een perceel, bv. AMB:Ambulante jeugdhulp (herhaalbaar)', collect, [])
    .option(
      '--budget-line <code:naam:categorieën>',
      'een begrotingspost met de productcategorieën die hij betaalt, bv. ZIN:Zorg in natura:40,45 (herhaalbaar)',
      collect,
      [],
    )
    .action(
      async (options: {
        code: string;
        name: string;
        municipality: string[];
        unlisted: string[];
        lot: string[];
        budgetLine: string[];
      }) => {
        const { ZRegionCreate } = await import('./regions/regions.schema.js');
        const { createRegion } = await import('./regions/regions.service.js');
        const { AppError, ErrorCode, invalidParamsFromZod } = await import('../../http/errors.js');
        const parsed = ZRegionCreate.safeParse({
          code: options.code,
          name: options.name,
          municipalities: options.municipality.map((m) => {
            const [cbsCode, name] = partsOf(m);
            return { cbsCode, name, ...(options.unlisted.includes(cbsCode ?? '') ? { unlisted: true } : {}) };
          }),
          lots: options.lot.map((l) => ({ code: partsOf(l)[0], name: partsOf(l)[1] })),
          budgetLines: options.budgetLine.map((b) => {
            const [code, name, categories] = partsOf(b);
            return { code, name, productCategories: categories ? categories.split(',').map((c) => c.trim()) : [] };
          }),
        });
        // Refused input throws an AppError: the command prints each reason with its field and exits 1.
        if (!parsed.success)
          throw new AppError(ErrorCode.Validation, 'De regio is niet aangemaakt', invalidParamsFromZod(parsed.error));
        const created = await cli.withDatabase(({ db }) => createRegion(db, null, parsed.data));
        console.log(
          `Regio ${created.name} (${created.code}) aangemaakt: ${created.municipalities.length} gemeenten, ${created.lots.length} percelen, ${created.budgetLines.length} begrotingsposten, ${created.tierLevels.length} niveaus.`,
        );
      },
    );

  const municipalities = program.command('municipalities').description('de officiële gemeentelijst van CBS');
  municipalities
    .command('import')
    .description(
      'lees "Gemeenten alfabetisch <jaar>" van CBS in (XLSX, of CSV met dezelfde kolommen); daarna moet elke nieuwe gemeente van een regio op de lijst staan. De lijst vervangt de ingelezen lijst; één foute regel en er wordt niets ingelezen',
    )
    .argument('<file>', 'het bestand van CBS (.xlsx of .csv)')
    .option('--year <jaar>', 'het jaar van de lijst, als de bestandsnaam het niet noemt')
    .action(async (file: string, options: { year?: string }) => {
      const { basename } = await import('node:path');
      const { importCbsList, readCbsList } = await import('./regions/cbs-list.js');
      const bytes = new Uint8Array(await readFile(file));
      const list = await readCbsList({ name: basename(file), bytes }, options.year ? Number(options.year) : undefined);
      const result = await cli.withDatabase(({ db }) => importCbsList(db, null, list));
      console.log(
        `${result.municipalities.length} gemeenten van de CBS-lijst ${result.year} ingelezen (${result.sourceFile}).`,
      );
    });

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

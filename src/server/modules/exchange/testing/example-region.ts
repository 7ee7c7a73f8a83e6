import { buildAdmin, buildProvider } from '../../../testing/factories.js';
import { createTestContext, type TestContext } from '../../../testing/harness.js';
import { createRegion } from '../../landscape/regions/regions.service.js';
import type { Secrets } from '../../../security/secrets.js';
import { importSources, type FileResult } from '../import.service.js';
import type { ImportSource } from '../sources.js';
import { loadXsdSupport } from '../xsd.js';
import { example } from './ijw-examples.js';

interface ContextProduct {
  number: string;
  category: string;
  code: string;
  start: string;
  end: string;
  volume: number;
  unit: string;
  frequency: string;
}

/**
 * A JW301 built from the example by swapping parties, identification and products: the allocations that the other
 * examples (JW305/307 to gemeente 0363, JW317/323 to 0384) refer to but the example set does not contain.
 */
export function contextAllocation(options: {
  municipality: string;
  provider: string;
  id: string;
  products: ContextProduct[];
}): Buffer {
  const xml = example('JW301').toString('utf8');
  const products = options.products
    .map(
      (p) => `
			<jw301:ToegewezenProduct>
				<jw301:ToewijzingNummer>${p.number}</jw301:ToewijzingNummer>
				<jw301:Product>
					<ijw:Categorie>${p.category}</ijw:Categorie>
					<ijw:Code>${p.code}</ijw:Code>
				</jw301:Product>
				<jw301:Toewijzingsdatum>2026-03-01</jw301:Toewijzingsdatum>
				<jw301:Toewijzingstijd>09:00:00</jw301:Toewijzingstijd>
				<jw301:Ingangsdatum>${p.start}</jw301:Ingangsdatum>
				<jw301:Einddatum>${p.end}</jw301:Einddatum>
				<jw301:Omvang>
					<ijw:Volume>${p.volume}</ijw:Volume>
					<ijw:Eenheid>${p.unit}</ijw:Eenheid>
					<ijw:Frequentie>${p.frequency}</ijw:Frequentie>
				</jw301:Omvang>
			</jw301:ToegewezenProduct>`,
    )
    .join('');
  return Buffer.from(
    xml
      .replace('<jw301:Afzender>0384</jw301:Afzender>', `<jw301:Afzender>${options.municipality}</jw301:Afzender>`)
      .replace('<jw301:Ontvanger>42420001</jw301:Ontvanger>', `<jw301:Ontvanger>${options.provider}</jw301:Ontvanger>`)
      .replace(
        '<ijw:Identificatie>123456789012</ijw:Identificatie>',
        `<ijw:Identificatie>${options.id}</ijw:Identificatie>`,
      )
      .replace('<ijw:Dagtekening>2026-04-01</ijw:Dagtekening>', '<ijw:Dagtekening>2026-03-01</ijw:Dagtekening>')
      .replace(
        /<jw301:ToegewezenProducten>[\s\S]*<\/jw301:ToegewezenProducten>/,
        `<jw301:ToegewezenProducten>${products}
		</jw301:ToegewezenProducten>`,
      ),
  );
}

/** The allocation that the examples to gemeente 0363 (JW305, JW307) refer to: two products of provider 65656055. */
export const allocation0363 = contextAllocation({
  municipality: '0363',
  provider: '65656055',
  id: 'CTX-0363',
  products: [
    {
      number: '300201',
      category: '55',
      code: '55A11',
      start: '2026-04-01',
      end: '2026-07-14',
      volume: 2,
      unit: '04',
      frequency: '2',
    },
    {
      number: '300202',
      category: '55',
      code: '55A12',
      start: '2026-04-01',
      end: '2026-07-19',
      volume: 2,
      unit: '16',
      frequency: '2',
    },
  ],
});
/** The allocation that the examples to gemeente 0384 (JW317, JW323) refer to: four products of provider 65656055. */
export const allocation0384 = contextAllocation({
  municipality: '0384',
  provider: '65656055',
  id: 'CTX-0384',
  products: [
    {
      number: '10071',
      category: '45',
      code: '45A03',
      start: '2026-01-01',
      end: '2026-12-31',
      volume: 4,
      unit: '04',
      frequency: '4',
    },
    {
      number: '10072',
      category: '45',
      code: '45A03',
      start: '2026-01-01',
      end: '2026-12-31',
      volume: 4,
      unit: '04',
      frequency: '4',
    },
    {
      number: '10073',
      category: '45',
      code: '45A04',
      start: '2026-01-01',
      end: '2026-12-31',
      volume: 16,
      unit: '04',
      frequency: '4',
    },
    {
      number: '10074',
      category: '45',
      code: '45A03',
      start: '2026-01-01',
      end: '2026-12-31',
      volume: 4,
      unit: '04',
      frequency: '4',
    },
  ],
});

/** A test database with the parties of the example messages: municipalities 0384 and 0363, providers 42420001 and 65656055. */
export async function exampleRegionContext(): Promise<TestContext> {
  await loadXsdSupport();
  const ctx = await createTestContext();
  const { actor } = await buildAdmin(ctx);
  await createRegion(ctx.database.db, actor, {
    code: 'voorbeeldregio',
    name: 'Regio van de voorbeeldberichten',
    municipalities: [
      { cbsCode: '0384', name: 'Diemen' },
      { cbsCode: '0363', name: 'Amsterdam' },
    ],
  });
  await buildProvider(ctx, { agbCode: '42420001', name: 'Voorbeeldaanbieder 1' });
  await buildProvider(ctx, { agbCode: '65656055', name: 'Voorbeeldaanbieder 2' });
  return ctx;
}

/** Imports named files as one run (no actor, as the CLI does), returning each file's result in order. */
export async function importFiles(
  ctx: TestContext,
  secrets: Secrets,
  files: Array<[name: string, bytes: Buffer]>,
): Promise<FileResult[]> {
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const [name, bytes] of files) yield { name, bytes };
  }
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets, actor: null }, sources(), (r) => results.push(r));
  return results;
}

import { demoContracts, demoProducts, demoProviders, lekstroom } from '../../server/db/seed/demo-data.js';

export type FundingVariant = 'inspanningsgericht' | 'outputgericht' | 'taakgericht';

export interface GeneratorMunicipality {
  cbsCode: string;
  name: string;
  inhabitants: number;
}

export interface GeneratorProduct {
  /** JZ020, two digits as in the XSD enumeration (e.g. '45'). */
  productCategory: string;
  /** Regional product code, at most 5 characters. */
  productCode: string;
  /** WJ756 eenheid, padded as in the XSD ('01', '04', '14', '16', '82', '83', '84'). */
  unit: string;
  fundingVariant: FundingVariant;
  withStay: boolean;
  /** Euro per unit (per month for unit 83, euro's). */
  tariff: number;
}

export interface GeneratorProvider {
  agbCode: string;
  products: GeneratorProduct[];
}

export interface GenerateIjwOptions {
  outDir: string;
  municipalities: GeneratorMunicipality[];
  providers: GeneratorProvider[];
  /** Distinct youths who receive care at some point during the period. */
  youths: number;
  years: number;
  startYear: number;
  seed: number;
  /** Share (0..1) of extra invalid files, relative to the number of valid files; default 0. */
  invalidRate?: number;
}

/** The XSD enumerations (basisschema.xsd) the options must fit in. */
export const productCategories = [
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
];
export const units = ['01', '04', '14', '16', '82', '83', '84'];

/** Throws on options that cannot produce schema-valid messages. */
export function validateOptions(o: GenerateIjwOptions): void {
  const problems: string[] = [];
  if (!o.outDir) problems.push('outDir is required');
  if (!Number.isInteger(o.youths) || o.youths < 1) problems.push('youths must be a positive integer');
  if (!Number.isInteger(o.years) || o.years < 1 || o.years > 20) problems.push('years must be an integer from 1 to 20');
  // iJw 3.x declarations (CS100) and the current code lists apply from 2021.
  if (!Number.isInteger(o.startYear) || o.startYear < 2021 || o.startYear > 2100)
    problems.push('startYear must be 2021 or later');
  if (!Number.isInteger(o.seed)) problems.push('seed must be an integer');
  if (o.invalidRate !== undefined && !(o.invalidRate >= 0 && o.invalidRate <= 1))
    problems.push('invalidRate must be between 0 and 1');
  if (o.municipalities.length === 0) problems.push('at least one municipality is required');
  for (const m of o.municipalities) {
    if (!/^[0-9]{4}$/.test(m.cbsCode)) problems.push(`municipality ${m.name}: cbsCode must have 4 digits`);
    if (!(m.inhabitants > 0)) problems.push(`municipality ${m.cbsCode}: inhabitants must be positive`);
  }
  if (!o.providers.some((p) => p.products.length > 0))
    problems.push('at least one provider with a product is required');
  for (const p of o.providers) {
    if (!/^[0-9]{8}$/.test(p.agbCode)) problems.push(`provider ${p.agbCode}: agbCode must have 8 digits`);
    for (const pr of p.products) {
      const at = `provider ${p.agbCode} product ${pr.productCode}`;
      if (!productCategories.includes(pr.productCategory))
        problems.push(`${at}: productCategory ${pr.productCategory} is not in JZ020`);
      if (!/^\S{1,5}$/.test(pr.productCode)) problems.push(`${at}: productCode must be 1 to 5 characters`);
      if (!units.includes(pr.unit)) problems.push(`${at}: unit ${pr.unit} is not in WJ756`);
      if (!(pr.tariff > 0)) problems.push(`${at}: tariff must be positive`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid generator options:\n- ${problems.join('\n- ')}`);
}

/**
 * The demo region Lekstroom from the seed data: its five municipalities, and every provider with the products of the
 * lots it holds a contract for (at the 2023 tariff). The demo has no taakgericht product.
 */
export function demoLandscape(): Pick<GenerateIjwOptions, 'municipalities' | 'providers'> {
  const municipalities = lekstroom.municipalities.map((m) => ({
    cbsCode: m.cbsCode,
    name: m.name,
    inhabitants: m.inhabitants,
  }));
  const providers: GeneratorProvider[] = [];
  for (const provider of demoProviders) {
    const lots = new Set(demoContracts.filter((c) => c.agb === provider.agbCode).map((c) => c.lot));
    const products = demoProducts
      .filter((p) => lots.has(p.lot))
      .map((p) => ({
        productCategory: p.productCategory,
        productCode: p.productCode,
        unit: p.unit,
        fundingVariant: p.fundingVariant,
        withStay: p.withStay,
        tariff: p.tariff2023,
      }));
    if (products.length > 0) providers.push({ agbCode: provider.agbCode, products });
  }
  return { municipalities, providers };
}

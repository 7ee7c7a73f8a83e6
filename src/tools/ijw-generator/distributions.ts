import type { GeneratorMunicipality, GeneratorProduct, GeneratorProvider } from './landscape.js';
import type { Omvang, Referrer } from './model.js';
import type { Rng } from './prng.js';

/**
 * The shape of the care flow, after the CBS figures in DOMAIN.md ("Scale and shape"): about 95 % of youth help is
 * without stay, most of it ambulant (45), a good part jeugd-ggz (54); day treatment (41) and transport (42) are rare;
 * stay (43/44) and crisis (46) are a few percent. Categories a landscape does not offer are left out.
 */
const categoryWeights: Record<string, number> = {
  '45': 66,
  '54': 24,
  '41': 1.2,
  '42': 0.6,
  '43': 1.5,
  '44': 2,
  '46': 2.4,
};
const otherCategoryWeight = 1;

export interface Offer {
  provider: GeneratorProvider;
  product: GeneratorProduct;
}

export class Catalog {
  private readonly byCategory: Array<readonly [Offer[][], number]> = [];

  constructor(providers: GeneratorProvider[]) {
    const categories = new Map<string, Map<string, Offer[]>>();
    for (const provider of providers) {
      for (const product of provider.products) {
        let codes = categories.get(product.productCategory);
        if (!codes) categories.set(product.productCategory, (codes = new Map()));
        let offers = codes.get(product.productCode);
        if (!offers) codes.set(product.productCode, (offers = []));
        offers.push({ provider, product });
      }
    }
    for (const [category, codes] of [...categories].sort(([a], [b]) => a.localeCompare(b))) {
      this.byCategory.push([[...codes.values()], categoryWeights[category] ?? otherCategoryWeight]);
    }
  }

  /** A category by the weights above, then one of its product codes, then a provider offering it (not `avoid` if possible). */
  pick(rng: Rng, avoid?: GeneratorProvider): Offer {
    const codes = rng.weighted(this.byCategory);
    const offers = rng.pick(codes);
    const others = avoid ? offers.filter((o) => o.provider !== avoid) : offers;
    return rng.pick(others.length > 0 ? others : offers);
  }
}

/** COD327 verwijzer mix per kind of care: the municipal access team refers most, the GP much of the jeugd-ggz. */
const referrerWeights: Record<string, ReadonlyArray<readonly [string, number]>> = {
  default: [
    ['01', 48],
    ['02', 24],
    ['03', 7],
    ['04', 9],
    ['05', 4],
    ['06', 5],
    ['08', 3],
  ],
  '54': [
    ['01', 25],
    ['02', 45],
    ['03', 7],
    ['04', 4],
    ['05', 12],
    ['06', 6],
    ['08', 1],
  ],
  stay: [
    ['01', 45],
    ['02', 5],
    ['03', 2],
    ['04', 38],
    ['05', 3],
    ['06', 1],
    ['08', 6],
  ],
  '46': [
    ['01', 45],
    ['02', 12],
    ['03', 3],
    ['04', 25],
    ['05', 8],
    ['06', 4],
    ['08', 3],
  ],
  taakgericht: [
    ['01', 85],
    ['02', 8],
    ['06', 7],
  ],
};

/** A referrer with the fields CD066–CD068 require: an AGB code or a name for 02–05, never an AGB code otherwise. */
export function pickReferrer(rng: Rng, product: GeneratorProduct, municipality: GeneratorMunicipality): Referrer {
  const key =
    product.fundingVariant === 'taakgericht'
      ? 'taakgericht'
      : product.productCategory === '43' || product.productCategory === '44'
        ? 'stay'
        : referrerWeights[product.productCategory]
          ? product.productCategory
          : 'default';
  const type = rng.weighted(referrerWeights[key] ?? referrerWeights.default ?? []);
  switch (type) {
    case '01':
      return { type, name: `Sociaal team ${municipality.name}`.slice(0, 64) };
    // GP practices: AGB codes of the form 01 + municipality code + practice number (fictional).
    case '02':
      return { type, agbCode: `01${municipality.cbsCode}${String(rng.int(1, 12)).padStart(2, '0')}` };
    case '03':
      return { type, name: 'Jeugdarts JGZ' };
    case '04':
      return { type, name: 'Gecertificeerde instelling jeugdbescherming' };
    case '05':
      return rng.chance(0.6)
        ? { type, agbCode: `03${String(rng.int(0, 999_999)).padStart(6, '0')}` }
        : { type, name: 'Kinderarts' };
    case '08':
      return { type, name: 'Kinderrechter' };
    default:
      return { type };
  }
}

/** Omvang (volume, WJ756 eenheid, WMO757 frequentie) that fits the unit; CS338 wants frequency 2, 4 or 6 for 14/16/83/84. */
export function pickOmvang(rng: Rng, product: GeneratorProduct): Omvang {
  const unit = product.unit;
  switch (unit) {
    case '01':
      return { unit, frequency: '4', volume: rng.pick([120, 180, 240, 300, 360, 480]) };
    case '04':
      return {
        unit,
        frequency: '2',
        volume: rng.weighted([
          [1, 0.2],
          [2, 0.35],
          [3, 0.25],
          [4, 0.12],
          [6, 0.08],
        ]),
      };
    case '14':
      return { unit, frequency: '2', volume: 7 };
    case '16':
      return { unit, frequency: '2', volume: rng.int(2, 8) };
    case '82':
      return { unit, frequency: '6', volume: 1 };
    case '83':
      return { unit, frequency: '4', volume: Math.round(product.tariff * 100) };
    default:
      return { unit, frequency: '4', volume: rng.int(2, 8) };
  }
}

const isCrisis = (p: GeneratorProduct): boolean => p.productCategory === '46';
const hasStay = (p: GeneratorProduct): boolean =>
  p.withStay || p.productCategory === '43' || p.productCategory === '44';

/** Days from the allocation's start to the start of care: median 3–6 weeks with a long tail; crisis within days. */
export function pickWait(rng: Rng, product: GeneratorProduct): number {
  if (isCrisis(product)) return rng.int(0, 2);
  const median = product.productCategory === '54' ? 42 : hasStay(product) ? 35 : 28;
  return Math.min(270, Math.max(1, Math.round(rng.logNormal(median, 0.65))));
}

/** Planned duration of care in days: ambulant 2–9 months typical, stay longer, crisis weeks. */
export function pickDuration(rng: Rng, product: GeneratorProduct): number {
  const draw = (median: number, sigma: number, min: number, max: number): number =>
    Math.min(max, Math.max(min, Math.round(rng.logNormal(median, sigma))));
  if (isCrisis(product)) return product.withStay ? draw(21, 0.5, 3, 90) : draw(28, 0.35, 7, 90);
  if (hasStay(product)) return draw(300, 0.6, 30, 1_100);
  if (product.productCategory === '54') return draw(180, 0.5, 30, 730);
  if (product.productCategory === '45') return draw(150, 0.5, 21, 730);
  return draw(180, 0.5, 30, 730);
}

/**
 * JZ588 reden beëindiging: about two thirds volgens plan (31), a fifth voortijdig (32–35), the rest 36–39; 02
 * (overlijden) essentially never. Outflow to another domain (39) is likelier from 18.
 */
export function pickEndReason(rng: Rng, ageAtEnd: number): string {
  return rng.weighted([
    ['31', 0.66],
    ['32', 0.07],
    ['33', 0.03],
    ['34', 0.07],
    ['35', 0.03],
    ['36', 0.02],
    ['37', 0.02],
    ['38', 0.04],
    ['39', ageAtEnd >= 18 ? 0.15 : 0.05],
    ['02', 0.0002],
  ]);
}

/** How much of the planned duration is actually used, by end reason. */
export function durationShare(rng: Rng, reason: string): number {
  if (reason === '31' || reason === '39') return rng.uniform(0.85, 1);
  if (reason >= '32' && reason <= '35') return rng.uniform(0.1, 0.7);
  return rng.uniform(0.3, 0.9);
}

/** WJ759 reden afwijzing verzoek. */
export function pickRefusalReason(rng: Rng, age: number): string {
  return rng.weighted([
    ['7', 35],
    ['4', 20],
    ['3', 10],
    ['2', 5],
    ['8', 15],
    ['5', 10],
    ['6', 5],
    ['9', age >= 18 ? 30 : 0],
  ]);
}

import { generateBsn } from './bsn.js';
import type { GeneratorMunicipality } from './landscape.js';
import type { Youth } from './model.js';
import { boyNames, girlNames, streetNames, surnames } from './names.js';
import type { Rng } from './prng.js';

/**
 * Relative weight of each age (0..22) at the first referral: youth care peaks in the teenage years; after 18 only
 * extended youth care (verlengde jeugdhulp) remains.
 */
const ageWeights: ReadonlyArray<readonly [number, number]> = [
  1, 1.2, 1.6, 2.2, 3, 4, 5, 6, 7, 8, 8.5, 9, 10, 11, 12, 12, 11, 9.5, 4.5, 2.5, 1.6, 1.1, 0.8,
].map((w, age) => [age, w] as const);

const postcodeLetters = 'ABCEGHJKLMNPRTVWXZ';

export class YouthFactory {
  private readonly usedBsn = new Set<string>();
  private readonly municipalityWeights: ReadonlyArray<readonly [GeneratorMunicipality, number]>;
  private readonly postcodeBase = new Map<string, number>();
  private nextId = 1;

  constructor(
    private readonly rng: Rng,
    municipalities: GeneratorMunicipality[],
  ) {
    this.municipalityWeights = municipalities.map((m) => [m, m.inhabitants] as const);
    for (const m of municipalities) {
      // A stable, plausible 4-digit postcode area per municipality (first digit never 0).
      let h = 0;
      for (const ch of m.cbsCode + m.name) h = (h * 31 + ch.charCodeAt(0)) % 8_000;
      this.postcodeBase.set(m.cbsCode, 1_000 + h);
    }
  }

  /** A youth whose age on `firstDay` follows the youth-care age profile. */
  create(firstDay: number): Youth {
    const rng = this.rng;
    const age = rng.weighted(ageWeights);
    const birthDay = firstDay - Math.floor(age * 365.25) - rng.int(0, 364);
    const gender = rng.chance(0.56) ? '1' : '2';
    const given = gender === '1' ? boyNames : girlNames;
    const first = rng.pick(given);
    const names = rng.chance(0.45) ? [first, rng.pick(given)] : [first];
    const unique = [...new Set(names)];
    const [lastName, prefix] = rng.pick(surnames);
    const municipality = rng.weighted(this.municipalityWeights);
    const base = this.postcodeBase.get(municipality.cbsCode) ?? 3_000;
    const postcode = `${Math.min(9_999, base + rng.int(0, 40))}${rng.pick([...postcodeLetters])}${rng.pick([...postcodeLetters])}`;
    return {
      id: this.nextId++,
      bsn: generateBsn(rng, this.usedBsn),
      birthDay,
      gender,
      lastName,
      prefix,
      firstNames: unique.join(' '),
      initials: unique.map((n) => n[0] ?? '').join(''),
      municipality,
      address: { street: rng.pick(streetNames), houseNumber: rng.int(1, 180), postcode, city: municipality.name },
    };
  }
}

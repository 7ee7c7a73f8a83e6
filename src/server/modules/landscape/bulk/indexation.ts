import { z } from '@hono/zod-openapi';

/**
 * How an indexed amount is brought back to whole cents. Money is stored as numeric(…, 2) and read as its decimal
 * text, so indexation works on that text in whole cents with BigInt: no binary floating point anywhere (1,00 × 1,005
 * must be 1,01 under half-up, where floats give 1,00).
 * - `half-up`: commercial rounding to the cent (half a cent goes up), the usual rule;
 * - `down`: down to the cent (a tariff never rises by more than the percentage);
 * - `up`: up to the cent.
 */
export const roundingRules = ['half-up', 'down', 'up'] as const;
export type RoundingRule = (typeof roundingRules)[number];

export const roundingLabels: Record<RoundingRule, string> = {
  'half-up': 'op hele centen, een halve cent naar boven',
  down: 'naar beneden op hele centen',
  up: 'naar boven op hele centen',
};

/** Decimals a percentage may have: 2,5 % and 1,875 % are real indexations; 4 keeps the arithmetic exact. */
const percentDecimals = 4;

/** An indexation percentage: more than −100 (an amount cannot vanish or turn negative), at most 4 decimals. */
export const ZPercent = z
  .number({ message: 'vul een percentage in' })
  .gt(-100, 'een indexatie van −100 % of minder kan niet')
  .max(1000, 'een indexatie van meer dan 1000 % is vast een tikfout')
  .refine((p) => Number(p.toFixed(percentDecimals)) === p, 'hoogstens 4 decimalen');

export const ZRounding = z
  .enum(roundingRules, { message: 'kies half-up, down of up' })
  .default('half-up')
  .describe('Afronding op centen: half-up (een halve cent naar boven), down of up');

/** Whole cents of a decimal amount as the database writes it ("1234.5", "1234.56", "-3"); throws on anything else. */
export function centsOf(amount: string | number): bigint {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`not an amount: ${text}`);
  const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/** Whole cents as the decimal text the database stores ("1234.56"). */
export function amountOf(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The percentage as an exact fraction of 10^6 (2.5 % → 25,000 / 1,000,000). */
function percentParts(percent: number): bigint {
  const text = percent.toFixed(percentDecimals);
  const negative = text.startsWith('-');
  const digits = BigInt(text.replace('-', '').replace('.', ''));
  return negative ? -digits : digits;
}

/**
 * The amount raised (or lowered) by the percentage, rounded to whole cents by the rule: exact decimal arithmetic on
 * cents, so the result is what a person with a calculator and the rule would write down.
 */
export function indexAmount(amount: string | number, percent: number, rule: RoundingRule = 'half-up'): string {
  if (!(percent > -100)) throw new Error('percentage must be more than -100');
  const cents = centsOf(amount);
  const scale = 10n ** BigInt(percentDecimals + 2);
  const numerator = cents * (scale + percentParts(percent));
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / scale;
  const remainder = abs % scale;
  // Rounding applies to the magnitude: half-up is half away from zero, down towards zero, up away from zero.
  if (rule === 'half-up' && remainder * 2n >= scale) quotient += 1n;
  if (rule === 'up' && remainder > 0n) quotient += 1n;
  return amountOf(negative ? -quotient : quotient);
}

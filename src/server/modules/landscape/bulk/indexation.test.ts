import { describe, expect, it } from 'vitest';
import { amountOf, centsOf, indexAmount, ZPercent } from './indexation.js';

describe('indexation of money in whole cents', () => {
  it('rounds half a cent up under half-up, where floating point would round it down', () => {
    // 1.00 × 1.005 = 1.005 exactly; as floats 1 * 1.005 * 100 = 100.49999…, which Math.round makes 1.00.
    expect(Math.round(1 * 1.005 * 100) / 100).toBe(1);
    expect(indexAmount('1.00', 0.5, 'half-up')).toBe('1.01');
    expect(indexAmount('1.00', 0.5, 'down')).toBe('1.00');
    expect(indexAmount('1.00', 0.5, 'up')).toBe('1.01');
  });

  it('indexes the demo tariffs by 2.5 % under each rule', () => {
    // 68.50 × 1.025 = 70.2125; 74.20 × 1.025 = 76.055; 2.05 × 1.025 = 2.10125.
    expect(indexAmount('68.50', 2.5, 'half-up')).toBe('70.21');
    expect(indexAmount('68.50', 2.5, 'up')).toBe('70.22');
    expect(indexAmount('74.20', 2.5, 'half-up')).toBe('76.06');
    expect(indexAmount('74.20', 2.5, 'down')).toBe('76.05');
    expect(indexAmount('2.05', 2.5, 'half-up')).toBe('2.10');
    expect(indexAmount('2.05', 2.5, 'up')).toBe('2.11');
  });

  it('keeps an exact result as it is under every rule', () => {
    for (const rule of ['half-up', 'down', 'up'] as const) {
      expect(indexAmount('100.00', 2.5, rule)).toBe('102.50');
      expect(indexAmount('1850', 0, rule)).toBe('1850.00');
    }
  });

  it('lowers an amount by a negative percentage, rounding the magnitude', () => {
    // 10.01 × 0.97 = 9.7097
    expect(indexAmount('10.01', -3, 'half-up')).toBe('9.71');
    expect(indexAmount('10.01', -3, 'down')).toBe('9.70');
    expect(indexAmount('10.01', -99.9999, 'half-up')).toBe('0.00');
  });

  it('handles budgets of billions without losing a cent', () => {
    // 999,999,999,999.99 × 1.01875 = 1,018,749,999,999.989812… → half-up .99, down .98
    expect(indexAmount('999999999999.99', 1.875, 'half-up')).toBe('1018749999999.99');
    expect(indexAmount('999999999999.99', 1.875, 'down')).toBe('1018749999999.98');
    expect(indexAmount(1_250_000, 2.5)).toBe('1281250.00');
  });

  it('refuses an indexation of −100 % or less and more than 4 decimals', () => {
    expect(() => indexAmount('10.00', -100)).toThrow();
    expect(ZPercent.safeParse(-100).error?.issues[0]?.message).toBe('een indexatie van −100 % of minder kan niet');
    expect(ZPercent.safeParse(-150).success).toBe(false);
    expect(ZPercent.safeParse(2.12345).error?.issues[0]?.message).toBe('hoogstens 4 decimalen');
    expect(ZPercent.safeParse(2.1234).success).toBe(true);
  });

  it('reads and writes the database decimal text in cents', () => {
    expect(centsOf('1234.5')).toBe(123450n);
    expect(centsOf('-3')).toBe(-300n);
    expect(amountOf(-5n)).toBe('-0.05');
    expect(() => centsOf('1,5')).toThrow();
  });
});

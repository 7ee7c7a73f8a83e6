import { describe, expect, it } from 'vitest';
import {
  amountToInput,
  formatCount,
  formatDate,
  formatDecimal,
  formatEuro,
  formatShare,
  parseAmount,
  parseInteger,
} from './format';
import { labelField } from './form-errors';
import { safeReturnPath } from './auth';
import { translate } from '../i18n';

const nbsp = '\u00a0';

describe('parseAmount', () => {
  it('reads amounts typed the Dutch way', () => {
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('250.000,50')).toBe(250000.5);
    expect(parseAmount('€ 72,50')).toBe(72.5);
    expect(parseAmount('1.234')).toBe(1234);
  });

  it('reads a decimal point and plain numbers', () => {
    expect(parseAmount('72.50')).toBe(72.5);
    expect(parseAmount('125000')).toBe(125000);
  });

  it('returns null for empty input and NaN for text', () => {
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('veel')).toBeNaN();
    expect(parseAmount('1,2,3')).toBeNaN();
  });

  it('round-trips through the input format', () => {
    expect(parseAmount(amountToInput(82.27))).toBe(82.27);
    expect(amountToInput(null)).toBe('');
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers only', () => {
    expect(parseInteger('60')).toBe(60);
    expect(parseInteger('')).toBeNull();
    expect(parseInteger('6,5')).toBeNaN();
  });
});

describe('Dutch formatting', () => {
  it('formats euros with the Dutch separators', () => {
    expect(formatEuro(1234567.5)).toBe(`€${nbsp}1.234.567,50`);
    expect(formatEuro(4400000, { whole: true })).toBe(`€${nbsp}4.400.000`);
    expect(formatEuro(null)).toBe('—');
  });

  it('writes shares and scores with a decimal comma', () => {
    expect(formatShare(0.304)).toBe('30,4%');
    expect(formatShare(0.0072)).toBe('0,7%');
    expect(formatShare(0)).toBe('0%');
    expect(formatDecimal(0.09, 2)).toBe('0,09');
    expect(formatDecimal(0.5, 2)).toBe('0,50');
  });

  it('formats an ISO date as the calendar day, whatever the time zone', () => {
    expect(formatDate('2023-07-01')).toBe('01-07-2023');
    expect(formatDate('2023-07-01', 'long')).toBe('1 juli 2023');
    expect(formatDate(null)).toBe('—');
  });
});

describe('counts', () => {
  it('have the thousands separator of the language', () => {
    expect(formatCount(11670)).toBe('11.670');
    expect(formatCount(2663, 'en')).toBe('2,663');
    expect(formatCount(999)).toBe('999');
  });

  it('are formatted when a message is given a number as {count}, and only then', () => {
    expect(translate('nl', '{count} traject gevonden|{count} trajecten gevonden', { count: 2663 })).toBe(
      '2.663 trajecten gevonden',
    );
    expect(translate('en', '{count} traject gevonden|{count} trajecten gevonden', { count: 2663 })).toBe(
      '2,663 trajectories found',
    );
    expect(translate('nl', '{count} bestand gevonden|{count} bestanden gevonden', { count: 1 })).toBe(
      '1 bestand gevonden',
    );
    expect(translate('nl', 'Tarief {year}', { year: 2025 })).toBe('Tarief 2025');
  });
});

describe('labelField', () => {
  const labels = {
    agbCode: 'AGB-code',
    locations: 'Locaties',
    'locations.item': 'Locatie',
    'locations.postcode': 'Postcode',
    'questions.text.nl': 'Nederlandse tekst',
  };

  it('names top-level fields and row fields for the error summary', () => {
    expect(labelField(labels, 'agbCode')).toBe('AGB-code');
    expect(labelField(labels, 'locations.0.postcode')).toBe('Locatie 1, Postcode');
    expect(labelField(labels, 'locations.2')).toBe('Locatie 3');
    expect(labelField(labels, 'body')).toBe('body');
    // A row field that is itself a path keeps its whole path.
    expect(labelField(labels, 'questions.1.text.nl')).toBe('questions 2, Nederlandse tekst');
  });
});

describe('safeReturnPath', () => {
  it('follows only local paths after sign-in', () => {
    expect(safeReturnPath('/contracten?q=LEK')).toBe('/contracten?q=LEK');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});

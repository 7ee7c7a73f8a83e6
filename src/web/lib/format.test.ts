import { describe, expect, it } from 'vitest';
import {
  amountToInput,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatEuro,
  formatShare,
  formatTimeSpan,
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

describe('moments', () => {
  const thin = '\u2009'; // Intl sets the dash between two days within thin spaces

  it('are shown to the minute in Dutch time, without seconds', () => {
    expect(formatDateTime('2026-12-07T13:03:27.512Z')).toBe('07-12-2026, 14:03');
    // Summer time: two hours ahead of UTC.
    expect(formatDateTime('2026-07-01T08:59:59Z')).toBe('01-07-2026, 10:59');
    expect(formatDateTime('geen tijd')).toBe('geen tijd');
  });

  it('name the day once when a span starts and ends on it', () => {
    expect(formatTimeSpan('2026-12-07T13:00:00Z', '2026-12-07T15:00:00Z')).toBe('7 december 2026, 14:00–16:00');
    expect(formatTimeSpan('2026-06-10T08:00:00Z', '2026-06-10T09:30:00Z')).toBe('10 juni 2026, 10:00–11:30');
  });

  it('give the end its own day when it falls on another, as the Netherlands counts days', () => {
    expect(formatTimeSpan('2026-12-07T13:00:00Z', '2026-12-08T09:30:00Z')).toBe(
      `7 december 2026 om 14:00${thin}–${thin}8 december 2026 om 10:30`,
    );
    // One UTC day, but 23:30 and 00:30 in Amsterdam: two days.
    expect(formatTimeSpan('2026-12-07T22:30:00Z', '2026-12-07T23:30:00Z')).toBe(
      `7 december 2026 om 23:30${thin}–${thin}8 december 2026 om 00:30`,
    );
  });

  it('follow Amsterdam across the change to winter time', () => {
    // Summer time ends on 25 October 2026 at 03:00: 01:30 CEST is 23:30 UTC the day before, 03:30 CET is 02:30 UTC.
    expect(formatTimeSpan('2026-10-24T23:30:00Z', '2026-10-25T02:30:00Z')).toBe('25 oktober 2026, 01:30–03:30');
    // And the change to summer time on 29 March 2026 at 02:00: 01:00 CET to 04:00 CEST is two hours.
    expect(formatTimeSpan('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')).toBe('29 maart 2026, 01:00–04:00');
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

import { describe, expect, it } from 'vitest';
import {
  defaultGroupBy,
  drillDown,
  emptyState,
  listPeriods,
  parsePeriod,
  publishedPeriod,
  readState,
  reportQuarter,
  toSearch,
} from './dashboard-state';
import { trajectoriesHref } from './signals-page';

describe('the dashboard state in the address', () => {
  it('reads and writes the Dutch parameters, ignoring an unknown grouping', () => {
    const state = readState(new URLSearchParams('periode=2025Q3&gemeente=0356&aanbieder=99000011&indeling=provider'));
    expect(state).toEqual({
      ...emptyState,
      period: '2025Q3',
      municipality: '0356',
      provider: '99000011',
      groupBy: 'provider',
    });
    expect(toSearch(state)).toBe('?periode=2025Q3&indeling=provider&gemeente=0356&aanbieder=99000011');
    expect(readState(new URLSearchParams('indeling=iets')).groupBy).toBe('');
    expect(toSearch(emptyState)).toBe('');
  });

  it('drills region → municipality → provider → productcategorie', () => {
    const region = { ...emptyState, period: '2025' };
    expect(defaultGroupBy(region, false)).toBe('municipality');
    const municipality = drillDown(region, 'municipality', '0356', false)!;
    expect(municipality).toMatchObject({ municipality: '0356', groupBy: 'provider' });
    const provider = drillDown(municipality, 'provider', '99000011', false)!;
    expect(provider).toMatchObject({ municipality: '0356', provider: '99000011', groupBy: 'productCategory' });
    const category = drillDown(provider, 'productCategory', '45', false)!;
    expect(category).toMatchObject({ productCategory: '45', groupBy: '' });
    expect(defaultGroupBy(category, false)).toBe('region');
    expect(drillDown(provider, 'budgetLine', 'ZIN', false)).toBeNull();
  });

  it('skips the provider level for an aanbieder', () => {
    expect(defaultGroupBy({ ...emptyState }, true)).toBe('productCategory');
    expect(drillDown({ ...emptyState }, 'municipality', '0321', true)).toMatchObject({ groupBy: 'productCategory' });
  });
});

describe('periods', () => {
  it('reads every notation the API takes', () => {
    expect(parsePeriod('2024Q1')).toMatchObject({ kind: 'quarter', from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', to: '2024-02-29' });
    expect(parsePeriod('2025-01-01/2025-06-30')).toMatchObject({
      kind: 'interval',
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(parsePeriod('2025Q5')).toBeNull();
  });

  it('lists the periods that overlap the data, newest first', () => {
    expect(listPeriods('quarter', '2024-11-15', '2025-05-01')).toEqual(['2025Q2', '2025Q1', '2024Q4']);
    expect(listPeriods('year', '2023-01-28', '2025-12-29')).toEqual(['2025', '2024', '2023']);
    expect(listPeriods('month', '2025-11-02', '2025-12-29')).toEqual(['2025-12', '2025-11']);
  });

  it('chooses the quarter of the report: the period itself or the quarter it ends in, at most the latest complete one', () => {
    expect(reportQuarter('2025Q2', '2025Q3')).toBe('2025Q2');
    expect(reportQuarter('2025-08', '2025Q3')).toBe('2025Q3');
    expect(reportQuarter('2025', '2025Q3')).toBe('2025Q3');
    expect(reportQuarter('2024', '2025Q3')).toBe('2024Q4');
  });
});

describe('links from a signal', () => {
  it('names the trajectory filters as /trajecten does', () => {
    expect(trajectoriesHref('from=2025-07-01&to=2025-09-30&municipalityCode=0356')).toBe(
      '/trajecten?van=2025-07-01&tot=2025-09-30&gemeente=0356',
    );
    // Uitval: the early endings in the period, as the form's select and checkbox read them.
    expect(
      trajectoriesHref('from=2025-07-01&to=2025-09-30&providerAgb=99000011&endReason=32,33,34,35&ended=true'),
    ).toBe('/trajecten?van=2025-07-01&tot=2025-09-30&aanbieder=99000011&reden=32%2C33%2C34%2C35&geeindigd=ja');
    expect(trajectoriesHref('from=2025-07-01&endReason=31,39&ended=false')).toBe(
      '/trajecten?van=2025-07-01&reden=31%2C39',
    );
  });
});

describe('a free interval in the address, for a role that gets published figures only', () => {
  it.each([
    ['2025-07-01/2025-07-31', '2025-07'],
    ['2025-07-05/2025-07-20', '2025-07'],
    ['2025-07-01/2025-09-15', '2025Q3'],
    ['2025-06-01/2025-07-31', '2025'],
    ['2024-11-01/2025-02-28', '2025'],
  ])('shows %s as %s and says which interval it replaced', (interval, shown) => {
    expect(publishedPeriod(interval, 'published')).toEqual({ period: shown, replaced: interval });
    expect(parsePeriod(shown)?.kind).not.toBe('interval');
  });

  it('keeps a calendar period, and an interval for a role that gets exact figures', () => {
    expect(publishedPeriod('2025Q3', 'published')).toEqual({ period: '2025Q3', replaced: null });
    expect(publishedPeriod('2025-07-05/2025-07-20', 'exact')).toEqual({
      period: '2025-07-05/2025-07-20',
      replaced: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { JZ588 } from '../../../shared/codelists/index.js';
import { earlyReasons, perPlanReasons } from '../../../server/modules/monitoring/kpis/kpi-module.js';
import { translate } from '../../i18n';
import { endingsFilterText, endReasonGroups, endReasonOptions } from './trajectory-filters';

const nl = (msg: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('nl', msg, vars);
const en = (msg: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', msg, vars);
const none = { van: '', tot: '', reden: '', geeindigd: '' };

describe('the end-reason filter of /trajecten', () => {
  it('offers the groups the KPIs count (uitval, volgens plan), then every JZ588 code with its name', () => {
    expect(endReasonGroups.map((g) => g.codes)).toEqual([earlyReasons, perPlanReasons]);
    const options = endReasonOptions(nl, JZ588, '');
    expect(options.slice(0, 2)).toEqual([
      { value: '32,33,34,35', label: 'Voortijdig (32–35)' },
      { value: '31,39', label: 'Volgens plan (31, 39)' },
    ]);
    expect(options.slice(2).map((o) => o.value)).toEqual(JZ588.map((e) => e.code));
    expect(options).toContainEqual({ value: '33', label: '33 – Voortijdig afgesloten: eenzijdig door de aanbieder.' });
    // A value from the address that is no choice (other codes, or one the server refuses) is shown as it is.
    expect(endReasonOptions(nl, JZ588, '32,33').at(-1)).toEqual({ value: '32,33', label: 'Codes 32, 33' });
    expect(endReasonOptions(nl, JZ588, '33')).toHaveLength(options.length);
  });

  it('says in the summary which endings the list holds', () => {
    expect(endingsFilterText(nl, JZ588, none)).toBe('');
    expect(
      endingsFilterText(nl, JZ588, { van: '2025-01-01', tot: '2025-03-31', reden: '32,33,34,35', geeindigd: 'ja' }),
    ).toBe('geëindigd tussen 01-01-2025 en 31-03-2025, reden beëindiging voortijdig (32–35)');
    expect(
      endingsFilterText(en, JZ588, { van: '2025-01-01', tot: '2025-03-31', reden: '31,39', geeindigd: 'ja' }),
    ).toBe('ended between 01-01-2025 and 31-03-2025, reason for ending as planned (31, 39)');
    expect(endingsFilterText(nl, JZ588, { ...none, van: '2025-01-01', geeindigd: 'ja' })).toBe(
      'geëindigd op of na 01-01-2025',
    );
    expect(endingsFilterText(nl, JZ588, { ...none, tot: '2025-03-31', geeindigd: 'ja' })).toBe(
      'geëindigd op of voor 31-03-2025',
    );
    expect(endingsFilterText(nl, JZ588, { ...none, geeindigd: 'ja' })).toBe('geëindigd');
    // Without the checkbox the period is the trajectories running in it, which the form already shows.
    expect(endingsFilterText(nl, JZ588, { ...none, van: '2025-01-01', reden: '33' })).toBe(
      'reden beëindiging 33 (Voortijdig afgesloten: eenzijdig door de aanbieder)',
    );
    expect(endingsFilterText(nl, JZ588, { ...none, reden: '32,33' })).toBe('reden beëindiging 32, 33');
  });
});

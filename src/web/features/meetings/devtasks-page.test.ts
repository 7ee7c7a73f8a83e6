import { describe, expect, it } from 'vitest';
import type { DevelopmentTask } from '../../../server/modules/meetings/index';
import { translate, type Translate } from '../../i18n';
import { kpiText } from './devtasks-page';

describe("a development task's KPI", () => {
  const nl: Translate = (msg, vars) => translate('nl', msg, vars);
  const en: Translate = (msg, vars) => translate('en', msg, vars);
  const task = (provisional: boolean) =>
    ({
      kpi: {
        id: 'youths_18_plus',
        name: 'Jeugdigen van 18 jaar en ouder',
        unit: 'youths',
        regionValue: { value: 65, suppressed: false, period: '2026Q2', provisional },
      },
    }) as unknown as DevelopmentTask;

  it('names the period as the dashboard does, not by its code', () => {
    expect(kpiText(nl, 'nl', task(false))).toBe('Jeugdigen van 18 jaar en ouder: 65 in de regio (2e kwartaal 2026)');
    expect(kpiText(nl, 'nl', task(true))).toBe(
      'Jeugdigen van 18 jaar en ouder: 65 in de regio (2e kwartaal 2026, voorlopig)',
    );
    expect(kpiText(en, 'en', task(false))).toContain('(Q2 2026)');
  });
});

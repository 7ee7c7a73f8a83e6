import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../../i18n';
import { packFigure } from './pack-page';

describe('a figure in the provider pack', () => {
  const nl: Translate = (msg, vars) => translate('nl', msg, vars);
  const en: Translate = (msg, vars) => translate('en', msg, vars);

  it('reads a wait with its unit as the dashboard does ("40 dagen"), other units as before', () => {
    expect(packFigure(nl, { value: 40, suppressed: false }, 'days', 10)).toBe('40 dagen');
    expect(packFigure(en, { value: 40, suppressed: false }, 'days', 10)).toBe('40 days');
    expect(packFigure(nl, { value: 455, suppressed: false }, 'youths', 10)).toBe('455');
    expect(packFigure(nl, { value: 20.3, suppressed: false }, 'percent', 10)).toBe('20,3 %');
    expect(packFigure(nl, { value: null, suppressed: true }, 'days', 10)).toBe('< 10 jeugdigen');
    expect(packFigure(nl, { value: null, suppressed: false }, 'days', 10)).toBe('–');
    expect(packFigure(nl, null, 'days', 10)).toBe('–');
  });
});

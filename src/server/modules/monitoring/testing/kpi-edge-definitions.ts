import { begeleidingLicht, Stories } from './care-stories.js';
import { P } from './kpi-edge-stories.js';
import type { GeneratorProduct } from '../../../../tools/ijw-generator/landscape.js';

/*
 * The stories of the definitions a region or CBS would question (kpi-edge-definitions.test.ts): crisis care,
 * jeugdbescherming and jeugdreclassering beside ambulant care and care with stay. Taakgericht, with product codes the
 * demo region's product book does not know (its categories decide, as for any unknown code).
 */

const taak = (productCategory: string, productCode: string, withStay: boolean): GeneratorProduct => ({
  productCategory,
  productCode,
  unit: '04',
  fundingVariant: 'taakgericht',
  withStay,
  tariff: 80,
});
export const crisis = taak('46', '46T01', false);
export const reclassering = taak('47', '47T01', false);
export const bescherming = taak('48', '48T01', false);
export const ambulant = taak('45', '45T02', false);
export const stay = taak('43', '43T01', true);

export function writeDefinitionStories(s: Stories): void {
  // K: at one provider in the first quarter of 2025: ambulant care; crisis care; jeugdbescherming; jeugdreclassering;
  // care with stay; and a youth with crisis care in January and ambulant care from February (counted as ambulant by
  // its second trajectory, the first of its kind).
  const at = { provider: P.kinds, begin: '2025-01-06', end: '2025-03-28', reason: '31' };
  for (const product of [ambulant, crisis, bescherming, reclassering, stay]) {
    s.care({ ...at, youth: s.youth('2012-04-04'), product });
  }
  const both = s.youth('2011-05-05');
  s.care({ ...at, youth: both, product: crisis, end: '2025-01-31' });
  s.care({ ...at, youth: both, product: ambulant, begin: '2025-02-03' });
  // And a youth under jeugdbescherming all quarter who starts ambulant youth help on 3 February: new in youth help then.
  const protectedYouth = s.youth('2010-07-07');
  s.care({ ...at, youth: protectedYouth, product: bescherming });
  s.care({ ...at, youth: protectedYouth, product: ambulant, begin: '2025-02-03' });

  // M: ambulant care (45A01, lot AMB) in the first quarter of 2025 at a provider whose contract is for another lot.
  s.care({
    youth: s.youth('2013-06-06'),
    provider: P.lot,
    product: begeleidingLicht,
    allocation: { start: '2025-01-01', end: '2025-03-31' },
    begin: '2025-01-06',
    end: '2025-03-28',
    reason: '31',
  });
}

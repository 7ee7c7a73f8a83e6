import type { InvalidParam } from '../../lib/api-client';
import { amountToInput, parseAmount, parseInteger } from '../../lib/format';
import { newRowKey } from '../../lib/row-key';
import type { Msg } from '../../i18n';
import type { Product, ProductCreate, ProductUpdate } from '../../lib/types';

export interface TariffDraft {
  key: string;
  year: string;
  tariff: string;
}

export interface ProductDraft {
  productCode: string;
  name: string;
  productCategory: string;
  unit: string;
  fundingVariant: string;
  lotId: string;
  withStay: boolean;
  stayForm: string;
  intensity: string;
  travelHoursPerFte: string;
  validFrom: string;
  validTo: string;
  tariffs: TariffDraft[];
}

export const emptyProduct: ProductDraft = {
  productCode: '',
  name: '',
  productCategory: '',
  unit: '',
  fundingVariant: '',
  lotId: '',
  withStay: false,
  stayForm: '',
  intensity: '',
  travelHoursPerFte: '',
  validFrom: '',
  validTo: '',
  tariffs: [],
};

export function newTariff(): TariffDraft {
  return { key: newRowKey(), year: String(new Date().getFullYear()), tariff: '' };
}

export function draftFromProduct(p: Product): ProductDraft {
  return {
    productCode: p.productCode,
    name: p.name,
    productCategory: p.productCategory,
    unit: p.unit,
    fundingVariant: p.fundingVariant,
    lotId: p.lotId ?? '',
    withStay: p.withStay,
    stayForm: p.stayForm ?? '',
    intensity: p.intensity ?? '',
    travelHoursPerFte: p.travelHoursPerFte === null ? '' : String(p.travelHoursPerFte),
    validFrom: p.validFrom,
    validTo: p.validTo ?? '',
    tariffs: [...p.tariffs]
      .sort((a, b) => a.year - b.year)
      .map((t) => ({ key: newRowKey(), year: String(t.year), tariff: amountToInput(t.tariff) })),
  };
}

export interface ProductMessages {
  amount: string;
  required: string;
  year: string;
  wholeNumber: string;
}

/** Builds the request body; refuses only text that cannot be sent as a number at all. */
export function toProductBody(
  d: ProductDraft,
  regionId: string,
  m: ProductMessages,
): { body: ProductCreate; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const travel = parseInteger(d.travelHoursPerFte);
  if (Number.isNaN(travel)) problems.push({ name: 'travelHoursPerFte', code: 'client', reason: m.wholeNumber });
  const tariffs = d.tariffs.map((row, i) => {
    const year = parseInteger(row.year);
    const tariff = parseAmount(row.tariff);
    if (year === null || Number.isNaN(year))
      problems.push({ name: `tariffs.${i}.year`, code: 'client', reason: m.year });
    if (tariff === null) problems.push({ name: `tariffs.${i}.tariff`, code: 'client', reason: m.required });
    else if (Number.isNaN(tariff)) problems.push({ name: `tariffs.${i}.tariff`, code: 'client', reason: m.amount });
    return { year: year ?? 0, tariff: tariff ?? 0 };
  });
  const body = {
    regionId,
    lotId: d.lotId || null,
    productCategory: d.productCategory,
    productCode: d.productCode,
    name: d.name,
    unit: d.unit,
    fundingVariant: d.fundingVariant as ProductCreate['fundingVariant'],
    withStay: d.withStay,
    stayForm: (d.withStay && d.stayForm ? d.stayForm : null) as ProductCreate['stayForm'],
    intensity: (d.intensity || null) as ProductCreate['intensity'],
    travelHoursPerFte: Number.isNaN(travel) ? null : travel,
    validFrom: d.validFrom,
    validTo: d.validTo || null,
    tariffs,
  };
  return { body, problems };
}

export function toProductUpdate(body: ProductCreate): ProductUpdate {
  const { regionId: _regionId, ...update } = body;
  return update;
}

export const productFieldLabels: Record<string, Msg> = {
  regionId: 'Regio',
  productCode: 'Productcode',
  name: 'Naam',
  productCategory: 'Productcategorie',
  unit: 'Eenheid',
  fundingVariant: 'Uitvoeringsvariant',
  lotId: 'Perceel',
  withStay: 'Met verblijf',
  stayForm: 'Vorm van verblijf',
  intensity: 'Intensiteit',
  travelHoursPerFte: 'Reisuren per fte per jaar',
  validFrom: 'Geldig vanaf',
  validTo: 'Geldig tot',
  tariffs: 'Tarieven',
  'tariffs.item': 'Tarief',
  'tariffs.year': 'Jaar',
  'tariffs.tariff': 'Tarief (€)',
};

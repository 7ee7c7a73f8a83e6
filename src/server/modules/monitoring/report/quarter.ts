import { fieldError } from '../../../http/errors.js';

/** A quarter as the report, its route and its command take it: year, Q, 1–4. */
export const quarterPattern = /^(\d{4})Q([1-4])$/;
export const quarterReason = 'gebruik een kwartaal als 2025Q3 (jaar, Q en 1 tot en met 4)';

/** Checks a quarter at the edge (CLI, API) so that a typo gives a Dutch field message instead of an empty report. */
export function parseQuarter(value: string, field = 'quarter'): string {
  const quarter = value.trim().toUpperCase();
  if (!quarterPattern.test(quarter)) throw fieldError(field, quarterReason);
  return quarter;
}

/** kwartaalrapportage-lekstroom-2025Q3.pdf, or …-lekstroom-12345678-2025Q3.pdf for one provider. */
export function reportFileName(regionCode: string, quarter: string, providerAgb?: string | null): string {
  const slug =
    regionCode
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'regio';
  return `kwartaalrapportage-${slug}${providerAgb ? `-${providerAgb}` : ''}-${quarter}.pdf`;
}

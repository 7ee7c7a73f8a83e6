/**
 * What an audit event keeps of a record: a readable label, and the record itself without secrets. Both are decided
 * once, when the event is written, so the log reads the same after the object is renamed or removed.
 */

/** Keys whose values are never kept: passwords and their hashes, tokens and links, citizen service numbers. */
const secretKey = /password|wachtwoord|token|secret|bsn|burgerservicenummer/i;

/** Nine digits that pass the BSN eleven-test (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11). */
export function looksLikeBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

function maskText(text: string): string {
  return text.replace(/(?<!\d)\d{9}(?!\d)/g, (digits) => (looksLikeBsn(digits) ? '*********' : digits));
}

/** The record with secret fields left out and BSN-like numbers masked, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !secretKey.test(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    );
  }
  return value;
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/**
 * A readable name from the presented record, as the pages name the object: a budget by line, municipality and year;
 * a contract by its reference; a product by code and name; otherwise its name. The migration that added labels
 * derives the same for older events.
 */
export function labelOf(record: unknown): string | null {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return null;
  const r = record as Record<string, unknown>;
  if (text(r.municipalityName))
    return [text(r.budgetLineName), text(r.municipalityName), text(r.year)].filter(Boolean).join(' ');
  if (text(r.reference)) return text(r.reference)!;
  if (text(r.productCode)) return [text(r.productCode), text(r.name)].filter(Boolean).join(' ');
  return text(r.name) ?? text(r.budgetLine) ?? null;
}

/** Dutch formatting of money, dates and counts, used in every table and detail page. */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const wholeEuro = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const dutchCount = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const englishCount = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const dateShort = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateLong = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
/**
 * Moments are shown in the Netherlands' time, whatever the device's zone: the server's day boundaries (audit and
 * import filters, meeting times) are Europe/Amsterdam, so a time on a page and the day a filter takes agree.
 */
const timeZone = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone });
const dateTimeLong = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone });

/**
 * A count as the reader's language writes it: "11.670" in Dutch, "11,670" in English, so a large number is
 * read at a glance and never as a decimal. Only for counts: years and codes are written without separators.
 */
export function formatCount(count: number, lang: 'nl' | 'en' = 'nl'): string {
  return (lang === 'en' ? englishCount : dutchCount).format(count);
}

export function formatEuro(amount: number | null | undefined, options: { whole?: boolean } = {}): string {
  if (amount === null || amount === undefined) return '—';
  return (options.whole && Number.isInteger(amount) ? wholeEuro : euro).format(amount);
}

/** A fraction (0.304) as a Dutch percentage with at most one decimal: "30,4%". */
export function formatShare(fraction: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A number with a fixed count of decimals, written the Dutch way: "0,09". */
export function formatDecimal(value: number, digits: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Reads an ISO date (JJJJ-MM-DD) as a calendar day, without a time zone shifting it a day. */
function toLocalDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function formatDate(iso: string | null | undefined, style: 'short' | 'long' = 'short'): string {
  if (!iso) return '—';
  const date = toLocalDate(iso);
  if (!date) return iso;
  return (style === 'long' ? dateLong : dateShort).format(date);
}

/** A moment to the minute, "07-12-2026, 14:03": seconds say nothing to a reader and make rows look different. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/**
 * From one moment to another as Dutch writes it: the day once when both fall on it ("7 december 2026, 14:00–16:00"),
 * each with its own day when the end is on another ("7 december 2026 om 23:30 – 8 december 2026 om 00:30"). Intl's
 * formatRange decides which parts the two share, in Amsterdam's time, summer time included.
 */
export function formatTimeSpan(startIso: string, endIso: string): string {
  const [start, end] = [new Date(startIso), new Date(endIso)];
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
  if (end < start) return `${dateTimeLong.format(start)} – ${dateTimeLong.format(end)}`;
  return dateTimeLong.formatRange(start, end);
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads an amount typed the Dutch way ("1.234,56", "€ 1234") or the English way ("1234.56").
 * Returns null for an empty field and NaN for text that is not an amount.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[€\s\u00a0]/g, '');
  if (cleaned === '') return null;
  // "1.234.567" and "1.234" are Dutch thousands; "72.50" is a decimal point.
  const dutchThousands = /^-?\d{1,3}(\.\d{3})+$/.test(cleaned);
  const normalised = cleaned.includes(',') || dutchThousands ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** Shows an amount in an input the way a Dutch user would type it. */
export function amountToInput(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return String(amount).replace('.', ',');
}

export function parseInteger(text: string): number | null {
  const cleaned = text.trim();
  if (cleaned === '') return null;
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

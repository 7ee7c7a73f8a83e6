import { dictionary } from '@zxcvbn-ts/language-common';
import { limits } from '../../../shared/domain.js';

/**
 * Common passwords: the 49,233 of zxcvbn-ts' `passwords-common` list (@zxcvbn-ts/language-common, MIT; ranked from
 * leaked password sets), lower-cased. Loaded once, on the first password that is set.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Words that make a password easy to guess for this service in particular (NIST SP 800-63B § 3.1.1.2). */
const serviceWords = ['zorglandschap'];

/**
 * Why a new password is refused, or null when it is acceptable. Per NIST SP 800-63B and the NCSC: a minimum length
 * (12) and a generous maximum (128), no composition rules, and no password that is common, only whitespace, one
 * character repeated, a run of consecutive characters, a common password with digits or signs around it, or built on
 * the account holder's name, e-mail address or the service's name.
 */
export function passwordProblem(
  password: string,
  context: { email?: string | undefined; name?: string | undefined } = {},
): string | null {
  const length = [...password].length;
  if (length < limits.passwordMinLength) return `moet minstens ${limits.passwordMinLength} tekens hebben`;
  if (length > limits.passwordMaxLength) return `mag hoogstens ${limits.passwordMaxLength} tekens hebben`;
  if (!password.trim()) return 'mag niet alleen uit spaties bestaan';
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (new Set(compact).size <= 2 || isRun(compact)) return 'is te voorspelbaar (herhaalde of opeenvolgende tekens)';
  // A common word with digits or signs before or after it ("Welkom2026!!!", "123password456") is guessed as early.
  const core = compact.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (commonPasswords().has(compact) || (core.length >= 4 && commonPasswords().has(core)))
    return 'is een veelgebruikt wachtwoord; kies een ander (bijvoorbeeld een zin van een paar woorden)';
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  const words = [...serviceWords, local, ...nameWords(context.name)].filter((w) => w.length >= 4);
  if (words.some((w) => core === w || compact === w || (compact.includes(w) && compact.length - w.length < 8)))
    return 'lijkt te veel op uw naam, uw e-mailadres of de naam van de dienst';
  return null;
}

/** The account holder's name whole and in its parts ("Jan de Vries": jandevries, vries), as NIST lists. */
function nameWords(name: string | undefined): string[] {
  const parts = (name ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return parts.length ? [parts.join(''), ...parts] : [];
}

/** Each next character is one up, or each one down, from the one before (abcdefghijkl, 987654321098). */
function isRun(text: string): boolean {
  const codes = [...text].map((ch) => ch.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  const wraps = (from: number, to: number) => (step === 1 ? from === 57 && to === 48 : from === 48 && to === 57);
  return codes.every((code, i) => i === 0 || code - codes[i - 1]! === step || wraps(codes[i - 1]!, code));
}

/**
 * The burgerservicenummer check of iJw rule CS002 ("De waarde moet voldoen aan de 11-proef"): 9 digits with
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 a multiple of 11. All zeros passes that sum but is no number anyone was given, so it
 * fails too. One home for the rule: the import checks received BSNs with it, the generator draws BSNs that pass it.
 */
export function isValidBsn(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/**
 * Whether free text holds something that passes the 11-proef as a BSN: nine digits, written together or in groups
 * with spaces, dots or dashes ("123 456 782", "12.34.56.782"), not part of a longer number. Text about a youth's case
 * (an escalation's summary, a reason) is refused when it does, so a BSN never lands in clear where it is not keyed.
 */
export function containsBsnLike(text: string): boolean {
  for (const match of text.matchAll(/(?<![0-9])[0-9](?:[ .-]?[0-9]){8}(?![0-9])/g))
    if (isValidBsn(match[0].replace(/[ .-]/g, ''))) return true;
  return false;
}

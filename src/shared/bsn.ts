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

import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';

describe('password rules (NIST SP 800-63B, NCSC)', () => {
  it('accepts long passwords and passphrases of any make-up, spaces and other scripts included', () => {
    for (const ok of [
      'een-lang-wachtwoord',
      'paard batterij nietje correct',
      'geheim-wachtwoord-123',
      'ÅngstrømÆØ€ 2026 zoals het is',
      'x'.repeat(4) + 'y7#' + 'é'.repeat(5),
      'de kat zat op de mat en keek naar de vogels in de tuin achter het oude huis',
    ]) {
      expect(passwordProblem(ok), ok).toBeNull();
    }
  });

  it('refuses too short, too long, and only whitespace (12 spaces)', () => {
    expect(passwordProblem('kort-genoeg')).toBe('moet minstens 12 tekens hebben');
    expect(passwordProblem('ab'.repeat(65))).toBe('mag hoogstens 128 tekens hebben');
    expect(passwordProblem(' '.repeat(12))).toBe('mag niet alleen uit spaties bestaan');
    expect(passwordProblem('\t \u00a0'.repeat(5))).toBe('mag niet alleen uit spaties bestaan');
  });

  it('counts characters, not UTF-16 units: eleven emoji are too short', () => {
    expect(passwordProblem('🙂'.repeat(11))).toBe('moet minstens 12 tekens hebben');
  });

  it('refuses common passwords from the list, also with other case or digits and signs around them', () => {
    for (const common of [
      'qwerty123456',
      '1q2w3e4r5t6y',
      'QazWsxEdcRfv',
      'Welkom2026!!!',
      '123password456',
      'Wachtwoord01!',
    ]) {
      expect(passwordProblem(common), common).toMatch(/veelgebruikt wachtwoord/);
    }
  });

  it('refuses one repeated character and runs of consecutive characters', () => {
    for (const weak of ['aaaaaaaaaaaa', 'abababababab', 'abcdefghijklm', '123456789012', '987654321098']) {
      expect(passwordProblem(weak), weak).toMatch(/voorspelbaar|veelgebruikt/);
    }
  });

  it("refuses a password built on the account's e-mail address or the service's name", () => {
    expect(passwordProblem('JanDeVries2026', { email: 'jandevries@regio.nl' })).toMatch(/e-mailadres/);
    expect(passwordProblem('zorglandschap1!')).toMatch(/e-mailadres of de naam/);
    expect(passwordProblem('JanDeVries2026', { email: 'planner@regio.nl' })).toBeNull();
  });

  it("refuses a password built on the account holder's name, whole or a part of it", () => {
    expect(passwordProblem('Cas Contractmanager!', { name: 'Cas Contractmanager' })).toMatch(/uw naam/);
    expect(passwordProblem('contractmanager2026', { name: 'Cas Contractmanager' })).toMatch(/uw naam/);
    expect(passwordProblem('fietsen langs de lek in mei', { name: 'Cas Contractmanager' })).toBeNull();
  });
});

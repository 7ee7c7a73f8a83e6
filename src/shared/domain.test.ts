import { describe, expect, it } from 'vitest';
import { isWebAddress } from './domain.js';

describe('isWebAddress (what the API stores and the provider page shows as a link)', () => {
  it('takes http and https addresses of a named host', () => {
    expect(['https://jeugdhulp.example.nl', 'http://jeugdhulp.example.nl/over?x=1'].map(isWebAddress)).toEqual([
      true,
      true,
    ]);
  });

  it('refuses addresses that run script or open files, and text that is no address', () => {
    const unsafe = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'https://gebruiker:wachtwoord@example.nl',
      'www.example.nl',
      '',
    ];
    expect(unsafe.filter(isWebAddress)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { plainMessage, ruleText } from './plain-reasons.js';
import { parseXml, XmlSyntaxError } from './xml.js';

/** Words of the parser's English that a Dutch reason never holds. */
const english =
  /\b(unclosed|unexpected|unmatched|tag|root|attribute|whitespace|disallowed|expected|the|must|document)\b/i;

describe('reasons in plain Dutch', () => {
  it.each([
    ['an unclosed root', '<R><X>1</X>'],
    ['mismatched tags', '<R><X>1</Y></R>'],
    ['an unbound prefix', '<a:R><a:X>1</a:X></a:R>'],
    ['a duplicate attribute', '<R x="1" x="2"/>'],
    ['two roots', '<R/><S/>'],
    ['text after the root', '<R/>x'],
    ['an attribute without quotes', '<R x=1/>'],
    ['an undefined entity', '<R><X>&nbsp;</X></R>'],
    ['a control character', '<R><X>\u0001</X></R>'],
    ['an XML declaration later on', ' <?xml version="1.0"?><R/>'],
    ['a truncated message', '<Bericht><Header><Afzender>12345678</Afz'],
  ])('says the parser finding for %s in Dutch, naming nothing from the file', (_name, text) => {
    let said = '';
    try {
      parseXml(text);
    } catch (e) {
      expect(e).toBeInstanceOf(XmlSyntaxError);
      said = (e as Error).message;
    }
    expect(said).not.toBe('');
    expect(said).not.toMatch(english);
    expect(said).not.toMatch(/\b(R|X|Y|a:R|Afz|Afzender|12345678|nbsp)\b/);
  });

  it('translates a reason stored in English when it is read, and leaves Dutch reasons as they are', () => {
    expect(plainMessage('XML', 'geen geldige XML (regel 4): unexpected close tag.')).toBe(
      'geen geldige XML (regel 4): een element wordt gesloten dat niet open is',
    );
    expect(
      plainMessage(
        'ZL010',
        'zip-bestand is beschadigd of onvolledig: end of central directory record signature not found',
      ),
    ).toBe('zip-bestand is beschadigd of onvolledig');
    expect(
      plainMessage('XSD', 'voldoet niet aan JW301.xsd (regel 21): element Foo: This element is not expected.'),
    ).toBe('voldoet niet aan JW301.xsd (regel 21)');
    for (const dutch of [
      'toewijzing 300201 van gemeente 0363 is niet bekend [Client/ToegewezenProduct]',
      'voldoet niet aan JW301.xsd (regel 19): element Bsn: de waarde past niet in het patroon [0-9]{9}.',
      'dagtekening 2027-01-01 ligt in de toekomst',
    ])
      expect(plainMessage('TR019', dutch)).toBe(dutch);
  });

  it('gives every rule a title and what the sender should do', () => {
    expect(ruleText('TR019').title).toBe('Toewijzing niet bekend');
    expect(ruleText('TR999')).toMatchObject({ title: 'Regel TR999 niet gehaald' });
    expect(ruleText('XML').advice).toMatch(/opnieuw/);
  });
});

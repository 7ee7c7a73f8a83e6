import { beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from './check.js';
import { manySchemaErrors } from './testing/hostile.js';
import { example } from './testing/ijw-examples.js';
import { describeIssue, findSchemaIssues, loadXsdSupport, maxSchemaIssues, validateAgainstXsd } from './xsd.js';

const secret = "12345'678 ";
/** libxml2's findings as it words them, each quoting the value it found (here a BSN-like one with a quote in it). */
const raw: Array<[string, string, string]> = [
  [
    `Element 'Bsn': [facet 'pattern'] The value '${secret}' is not accepted by the pattern '[0-9]{9}'.`,
    '/jw301:Bericht/jw301:Client/jw301:Bsn',
    'element Client/Bsn: de waarde past niet in het patroon [0-9]{9}.',
  ],
  [
    `Element 'Geslacht': [facet 'enumeration'] The value '${secret}' is not an element of the set {'0', '1', '2'}.`,
    '',
    'element Geslacht: de waarde is geen toegestane code (0, 1, 2).',
  ],
  [
    `Element 'Datum': '${secret}' is not a valid value of the atomic type 'LDT_Datum'.`,
    '/jw301:Bericht/jw301:Client/jw301:Geboortedatum/ijw:Datum',
    'element Client/Geboortedatum/Datum: de waarde is geen geldige waarde van het type LDT_Datum.',
  ],
  [
    `Element 'Huisnummer': [facet 'maxInclusive'] The value '${secret}' is greater than the maximum value allowed ('99999').`,
    '',
    'element Huisnummer: de waarde is groter dan het maximum 99999.',
  ],
  [
    `Element 'Bsn': [facet 'maxLength'] The value '${secret}' has a length of '10'; this exceeds the allowed maximum length of '9'.`,
    '',
    'element Bsn: de waarde is te lang: 10 tekens, ten hoogste 9 toegestaan.',
  ],
  [
    `Element 'Bsn': [facet 'maxLength'] The value has a length of '10'; this exceeds the allowed maximum length of '9'.`,
    '',
    'element Bsn: de waarde is te lang: 10 tekens, ten hoogste 9 toegestaan.',
  ],
  [
    `Element 'X': [facet 'totalDigits'] The value '${secret}' has more digits than are allowed ('12').`,
    '',
    'element X: de waarde heeft meer dan 12 cijfers.',
  ],
  [
    `Element 'X': '${secret}' is not a valid value of the local atomic type.`,
    '',
    'element X: de waarde is geen geldige waarde van het type.',
  ],
  [
    `Element 'X': The value '${secret}' does not match the fixed value constraint '3'.`,
    '',
    'element X: de waarde moet de vaste waarde 3 hebben.',
  ],
];

describe('describeIssue: libxml2 findings as reasons, without the value found', () => {
  it.each(raw)('%s', (message, xpath, expected) => {
    const said = describeIssue(message, xpath);
    expect(said).toBe(expected);
    expect(said).not.toContain('12345');
  });

  it('a value posing as the schema part of a finding is not taken for it', () => {
    const posing = `Element 'Bsn': [facet 'pattern'] The value 'x' is not accepted by the pattern '${secret}' is not accepted by the pattern '[0-9]{9}'.`;
    expect(describeIssue(posing)).toBe('element Bsn: de waarde past niet in het patroon [0-9]{9}.');
  });

  it("an unknown finding is said in Dutch, never in libxml2's English words", () => {
    expect(describeIssue('Invalid bytes in character encoding')).toBe(
      'het bestand bevat tekens die niet als UTF-8 zijn geschreven; sla het bericht op als UTF-8.',
    );
    expect(describeIssue("Element 'Naam': some new finding.")).toBe('element Naam voldoet niet aan het schema.');
    expect(describeIssue(`Element 'Naam': something new about '${secret}'.`)).toBe(
      'element Naam voldoet niet aan het schema.',
    );
    expect(describeIssue('Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0x31 0x32 0x33')).toBe(
      'het bestand bevat tekens die niet als UTF-8 zijn geschreven; sla het bericht op als UTF-8.',
    );
  });

  it('keeps the structure findings, which name elements only', () => {
    expect(
      describeIssue(
        "Element '{http://www.istandaarden.nl/ijw/3_2/jw301/schema}Foo': This element is not expected. Expected is ( {http://www.istandaarden.nl/ijw/3_2/jw301/schema}Naam ).",
      ),
    ).toBe('element Foo hoort hier niet; verwacht: Naam.');
    expect(describeIssue("Element 'Client': Missing child element(s). Expected is one of ( Bsn, Naam ).")).toBe(
      'element Client mist een verplicht onderdeel: Bsn, Naam.',
    );
  });
});

describe('findSchemaIssues: a file full of schema errors', () => {
  beforeAll(loadXsdSupport);

  it('keeps the first findings and counts the rest', () => {
    const { issues, total } = findSchemaIssues('JW301', manySchemaErrors(50_000));
    expect(total).toBe(50_000);
    expect(issues).toHaveLength(maxSchemaIssues);
    expect(issues[0]!.message).toBe(
      'element Client/ToegewezenProducten/ToegewezenProduct[1] mist een verplicht onderdeel: ToewijzingNummer.',
    );
    expect(validateAgainstXsd('JW301', manySchemaErrors(50_000))).toHaveLength(maxSchemaIssues);
  });

  it('reports the first findings and how many more there were', () => {
    const checked = checkSource({ name: 'fouten.xml', bytes: manySchemaErrors(50_000) }, (bsn) => bsn);
    expect(checked.status).toBe('rejected');
    expect(checked.violations).toHaveLength(maxSchemaIssues + 1);
    expect(checked.violations.at(-1)!.message).toBe(
      'voldoet niet aan JW301.xsd: en nog 49.980 schemafouten, niet afzonderlijk gemeld',
    );
  });

  it('finds nothing in a valid message', () => {
    expect(findSchemaIssues('JW301', example('JW301'))).toEqual({ issues: [], total: 0 });
  });
});

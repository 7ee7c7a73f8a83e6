import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { child, children, parseXml, text, type XmlElement } from '../xml.js';
import { validateAgainstXsd } from '../xsd.js';
import { RetourInputError, buildRetour, messageNs, retourTypeOf, type HeenType } from './build-retour.js';
import { retourSpecs } from './spec.js';
import {
  at,
  classCodes,
  codesOf,
  example,
  exampleText,
  examples,
  expectNamespaces,
  expectRetourHeader,
  handBuiltJw301,
  plain,
  retour,
  types,
} from '../testing/retour-support.js';

/** A nested case per type: the codes to put in, and the class (indexed path) that must carry them. */
const nested: Record<
  Exclude<HeenType, 'JW323'>,
  { codes: Record<string, string[]>; expect: Record<string, string[]> }
> = {
  JW301: {
    codes: { 'Client/ToegewezenProducten/ToegewezenProduct[2]': ['9332'] },
    expect: { 'Client[1]/ToegewezenProducten[1]/ToegewezenProduct[2]': ['9332'] },
  },
  JW305: {
    codes: { 'Client/StartProducten/StartProduct[2]': ['9019'] },
    expect: { 'Client[1]/StartProducten[1]/StartProduct[2]': ['9019'] },
  },
  JW307: {
    codes: { 'Client/StopProducten/StopProduct[1]': ['9069'] },
    expect: { 'Client[1]/StopProducten[1]/StopProduct[1]': ['9069'] },
  },
  JW315: {
    codes: { 'Client/AangevraagdeProducten/AangevraagdProduct[1]': ['9347'] },
    expect: { 'Client[1]/AangevraagdeProducten[1]/AangevraagdProduct[1]': ['9347'] },
  },
  JW317: {
    codes: {
      'Client/Verzoek/NieuweProducten/NieuwProduct': ['9357', '9361'],
      'Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[1]': ['9350'],
    },
    expect: {
      'Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]': ['9357', '9361'],
      'Client[1]/Verzoek[1]/OngewijzigdeProducten[1]/OngewijzigdProduct[1]': ['9350'],
    },
  },
  JW319: {
    codes: { Antwoord: ['9355'], 'Antwoord/Woonplaatsbeginsel': ['0233'] },
    expect: { 'Antwoord[1]': ['9355'], 'Antwoord[1]/Woonplaatsbeginsel[1]': ['0233'] },
  },
};

describe('retourTypeOf', () => {
  it('maps each received type to its retour', () => {
    expect(types.map((t) => retourTypeOf(t))).toEqual(['JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320', 'JW325']);
  });
});

describe.each(types.filter((t): t is Exclude<HeenType, 'JW323'> => t !== 'JW323'))('%s → retour', (type) => {
  const rt = retourTypeOf(type);
  const body = retourSpecs[type].body;

  it('(a) no codes: a positive retour is only the Header, without RetourCodes (IV028)', () => {
    const original = example(type);
    const tree = retour(type, {}, original);
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(child(tree, 'Header/RetourCodes')).toBeUndefined();
    expectRetourHeader(type, tree, original);
    expectNamespaces(tree, messageNs(rt));
  });

  it('(b) a Header code rejects the whole message: only the Header, with that code', () => {
    const original = example(type);
    const tree = retour(type, { Header: ['9056'], [body]: ['9074'] }, original);
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesOf(child(tree, 'Header'))).toEqual(['9056']);
    expectRetourHeader(type, tree, original);
  });

  it('(b) a code on a header element (Dagtekening, 8848) lands on the Header', () => {
    const tree = retour(type, { 'Header/BerichtIdentificatie/Dagtekening': ['8848'] });
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesOf(child(tree, 'Header'))).toEqual(['8848']);
  });

  it('(c) codes on a nested class: Header 0200, the whole body echoed, the code at its class, 0200 elsewhere', () => {
    const original = example(type);
    const tree = retour(type, nested[type].codes, original);
    expectRetourHeader(type, tree, original);
    expect(codesOf(child(tree, 'Header'))).toEqual(['0200']);
    expect(tree.children.map((c) => c.name)).toEqual(['Header', body]);
    // Every class of the body is there with RetourCodes: the given codes, 0200 for all others.
    const got = classCodes(tree);
    for (const [path, codes] of got) expect(codes, path).toEqual(nested[type].expect[path] ?? ['0200']);
    for (const path of Object.keys(nested[type].expect)) expect(got.has(path), path).toBe(true);
    // The echo is the original content, unchanged and in the same order.
    expect(plain(child(tree, body)!)).toEqual(plain(child(original, body)!));
    expectNamespaces(tree, messageNs(rt));
  });

  it('(c) 0001 anywhere is a technical rejection: only the Header, with 0001 (IV028/IV032)', () => {
    const path = Object.keys(nested[type].codes)[0]!;
    const tree = retour(type, { [path]: ['0001'] }, example(type), '1.0.0');
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesOf(child(tree, 'Header'))).toEqual(['0001']);
    expect(text(tree, 'Header/XsltVersie')).toBe('1.0.0');
  });
});

describe('JW301 → JW302 specifics', () => {
  it('a code on an element that is not a class goes to its class (Client/Bsn → Client)', () => {
    const tree = retour('JW301', { 'Client/Bsn': ['8187'] });
    expect(codesOf(child(tree, 'Client'))).toEqual(['8187']);
    expect(codesOf(at(tree, 'Client/ToegewezenProducten/ToegewezenProduct[1]'))).toEqual(['0200']);
  });

  it('Relatie, its Contact and the Contactgegevens/Contact classes all get RetourCodes', () => {
    const tree = retour('JW301', { 'Client/Relaties/Relatie[2]/Contact': ['S300'] });
    expect(codesOf(at(tree, 'Client/Relaties/Relatie[2]/Contact'))).toEqual(['S300']);
    expect(codesOf(at(tree, 'Client/Relaties/Relatie[2]'))).toEqual(['0200']);
    expect(codesOf(at(tree, 'Client/Relaties/Relatie[1]/Contact'))).toEqual(['0200']);
    expect(codesOf(at(tree, 'Client/Contactgegevens/Contact[2]'))).toEqual(['0200']);
    expect(codesOf(child(tree, 'Client'))).toEqual(['0200']);
  });

  it('a hand-built JW301 with 3 ToegewezenProducten: the code on the 3rd only, content and order kept', () => {
    const original = parseXml(handBuiltJw301());
    expect(validateAgainstXsd('JW301', Buffer.from(handBuiltJw301()))).toEqual([]);
    const tree = retour('JW301', { 'Client/ToegewezenProducten/ToegewezenProduct[3]': ['9332', '9332'] }, original);
    const products = children(tree, 'Client/ToegewezenProducten/ToegewezenProduct');
    expect(products.map((p) => text(p, 'ToewijzingNummer'))).toEqual(['700001', '700002', '700003']);
    expect(products.map(codesOf)).toEqual([['0200'], ['0200'], ['9332']]);
    expect(codesOf(child(tree, 'Client/Contactgegevens/Contact'))).toEqual(['0200']);
    expect(plain(child(tree, 'Client')!)).toEqual(plain(child(original, 'Client')!));
    expect(text(tree, 'Client/Commentaar')).toBe('Let op: <geen> post & geen bezoek');
  });

  it('a schema-invalid message can still be answered with a header-only 0001 retour', () => {
    const invalid = readFileSync(join(examples, 'JW315.xml'), 'utf8');
    expect(validateAgainstXsd('JW315', Buffer.from(invalid))).not.toEqual([]);
    const tree = retour('JW315', { Header: ['0001'] }, parseXml(invalid));
    expect(codesOf(child(tree, 'Header'))).toEqual(['0001']);
  });
});

describe('JW323 → JW325 declaratie-antwoord', () => {
  const original = (): XmlElement => example('JW323');
  const total = (tree: XmlElement, name: string): string =>
    `${text(tree, `DeclaratieAntwoord/${name}/TotaalBedrag`) ?? ''} ${text(tree, `DeclaratieAntwoord/${name}/DebetCredit`) ?? ''}`;

  function expectAntwoordHeader(tree: XmlElement, o: XmlElement): void {
    const h = child(tree, 'Header');
    expect(text(h, 'BerichtCode')).toBe('491');
    expect(text(h, 'Afzender')).toBe(text(o, 'Header/Ontvanger'));
    expect(text(h, 'Ontvanger')).toBe(text(o, 'Header/Afzender'));
    expect(text(h, 'BerichtIdentificatie/Identificatie')).toBe('RET-0000001');
    expect(text(h, 'BerichtIdentificatie/Dagtekening')).toBe('2026-05-08');
    expect(plain(child(h, 'DeclaratieIdentificatie')!).children).toEqual(
      plain(child(o, 'Header/BerichtIdentificatie')!).children,
    );
    expect(plain(child(h, 'XsdVersieDeclaratie')!).children).toEqual(plain(child(o, 'Header/XsdVersie')!).children);
  }

  it('(a) fully granted: Header 0200, DeclaratieAntwoord 8001, granted = submitted, no Clienten (IV087)', () => {
    const o = original();
    const tree = retour('JW323', {}, o);
    expectAntwoordHeader(tree, o);
    expect(codesOf(child(tree, 'Header'))).toEqual(['0200']);
    expect(codesOf(child(tree, 'DeclaratieAntwoord'))).toEqual(['8001']);
    expect(text(tree, 'DeclaratieAntwoord/DeclaratieNummer')).toBe('DN001');
    expect(total(tree, 'TotaalIngediendBedrag')).toBe('79000 D');
    expect(total(tree, 'TotaalToegekendBedrag')).toBe('79000 D');
    expect(child(tree, 'DeclaratieAntwoord/Clienten')).toBeUndefined();
  });

  it('(b) a Header code: only the Header, with that code', () => {
    const o = original();
    const tree = retour('JW323', { Header: ['9056'], 'Clienten/Client[1]/Prestaties/Prestatie[1]': ['9321'] }, o);
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesOf(child(tree, 'Header'))).toEqual(['9056']);
    expectAntwoordHeader(tree, o);
  });

  it('(c) two rejected Prestaties (9321, 9338): only those, under their Client (0200); granted = submitted − rejected (TR342)', () => {
    const o = original();
    const tree = retour(
      'JW323',
      {
        'Clienten/Client[1]/Prestaties/Prestatie[2]': ['9321'],
        'Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]': ['9338'],
      },
      o,
    );
    expect(codesOf(child(tree, 'Header'))).toEqual(['0200']);
    expect(codesOf(child(tree, 'DeclaratieAntwoord'))).toEqual(['0200']);
    const clients = children(tree, 'DeclaratieAntwoord/Clienten/Client');
    expect(clients.map((c) => text(c, 'Bsn'))).toEqual(['999900006', '999900018']);
    expect(clients.map(codesOf)).toEqual([['0200'], ['0200']]);
    const prestaties = clients.map((c) => children(c, 'Prestaties/Prestatie'));
    expect(prestaties.map((ps) => ps.map((p) => text(p, 'ProductReferentie/ReferentieNummer')))).toEqual([
      ['RN002'],
      ['RN003'],
    ]);
    expect(prestaties.map((ps) => ps.map(codesOf))).toEqual([[['9321']], [['9338']]]);
    // Echoed Prestaties are the originals, unchanged.
    expect(plain(prestaties[0]![0]!)).toEqual(plain(at(o, 'Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]')!));
    expect(plain(prestaties[1]![0]!)).toEqual(plain(at(o, 'Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]')!));
    // TR342: SOM(Prestatie.IngediendBedrag) = TotaalIngediendBedrag − TotaalToegekendBedrag.
    expect(total(tree, 'TotaalToegekendBedrag')).toBe(`${79000 - 24000 - 5000} D`);
  });

  it('a rejected Client comes back with all its Prestaties, 0233 where they have no code of their own', () => {
    const tree = retour('JW323', { 'Clienten/Client[2]': ['8187'], 'Client[2]/Prestaties/Prestatie[3]': ['9307'] });
    const client = at(tree, 'DeclaratieAntwoord/Clienten/Client');
    expect(children(tree, 'DeclaratieAntwoord/Clienten/Client')).toHaveLength(1);
    expect(codesOf(client)).toEqual(['8187']);
    expect(children(client, 'Prestaties/Prestatie').map(codesOf)).toEqual([['0233'], ['0233'], ['9307']]);
    expect(total(tree, 'TotaalToegekendBedrag')).toBe(`${79000 - 5000 - 24000 - 21000} D`);
  });

  it('a code on the Declaratie: DeclaratieAntwoord gets it, granted 0 (D), no Prestaties (IV087, TR342, CS325)', () => {
    const tree = retour('JW323', { Declaratie: ['9333'], 'Clienten/Client[1]/Prestaties/Prestatie[1]': ['9321'] });
    expect(codesOf(child(tree, 'Header'))).toEqual(['0200']);
    expect(codesOf(child(tree, 'DeclaratieAntwoord'))).toEqual(['9333']);
    expect(total(tree, 'TotaalToegekendBedrag')).toBe('0 D');
    expect(child(tree, 'DeclaratieAntwoord/Clienten')).toBeUndefined();
  });

  it('0001 on a Prestatie: only the Header with 0001 (and XsltVersie when given)', () => {
    const tree = retour('JW323', { 'Clienten/Client[1]/Prestaties/Prestatie[1]': ['0001'] }, original(), '1.0.0');
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesOf(child(tree, 'Header'))).toEqual(['0001']);
    expect(text(tree, 'Header/XsltVersie')).toBe('1.0.0');
  });

  it('credit Prestaties count negatively; a negative grant is written as C', () => {
    // Client[2]'s third Prestatie (21000) becomes a credit: submitted 5000 + 24000 + 5000 + 24000 − 21000 = 37000 D.
    const xml = exampleText('JW323')
      .replace('<ijw:TotaalBedrag>79000</ijw:TotaalBedrag>', '<ijw:TotaalBedrag>37000</ijw:TotaalBedrag>')
      .replace(/(<ijw:Bedrag>21000<\/ijw:Bedrag>\s*<ijw:DebetCredit>)D/, '$1C');
    // Reject all four debets (58000): only the credit of 21000 is granted.
    const tree = retour(
      'JW323',
      {
        'Client[1]': ['8187'],
        'Client[2]/Prestaties/Prestatie[1]': ['9338'],
        'Client[2]/Prestaties/Prestatie[2]': ['9338'],
      },
      parseXml(xml),
    );
    expect(total(tree, 'TotaalIngediendBedrag')).toBe('37000 D');
    expect(total(tree, 'TotaalToegekendBedrag')).toBe('21000 C');
  });
});

describe('input checks', () => {
  const base = (codes: Record<string, string[]>, over: Partial<{ id: string; date: string }> = {}): string =>
    buildRetour({
      messageType: 'JW301',
      original: example('JW301'),
      codes: new Map(Object.entries(codes)),
      retourIdentification: over.id ?? 'R1',
      retourDate: over.date ?? '2026-05-08',
    });

  it('refuses a code that is not in LDT_RetourCode', () => {
    expect(() => base({ Client: ['1234'] })).toThrow(RetourInputError);
  });
  it('refuses a path that is not in the message', () => {
    expect(() => base({ 'Client/ToegewezenProducten/ToegewezenProduct[3]': ['9332'] })).toThrow(/bestaat niet/);
    expect(() => base({ 'Client/Onbekend': ['9332'] })).toThrow(RetourInputError);
  });
  it('refuses an IdentificatieRetour longer than 12 characters or blank, and a non-existent date', () => {
    expect(() => base({}, { id: '1234567890123' })).toThrow(/1 tot 12/);
    expect(() => base({}, { id: '   ' })).toThrow(RetourInputError);
    expect(() => base({}, { date: '2026-02-30' })).toThrow(/JJJJ-MM-DD/);
    expect(base({}, { id: '123456789012' })).toContain(
      '<jw302:IdentificatieRetour>123456789012</jw302:IdentificatieRetour>',
    );
  });
  it('ignores empty code lists and treats 0200 alone as no remark', () => {
    expect(
      parseXml(base({ Client: [], 'Client/ToegewezenProducten/ToegewezenProduct[2]': ['0200'] })).children.map(
        (c) => c.name,
      ),
    ).toEqual(['Header']);
  });
});

import { expect } from 'vitest';
import { child, children, parseXml, text, type XmlElement } from '../xml.js';
import { loadXsdSupport, validateAgainstXsd } from '../xsd.js';
import { BASIS_NS, buildRetour, messageNs, retourTypeOf, type HeenType } from '../retour/build-retour.js';
import { retourSpecs } from '../retour/spec.js';
import { example as exampleBytes, examplesDir } from './ijw-examples.js';

await loadXsdSupport();

/** Shared by the retour tests: example messages, building + validating a retour, and tree helpers. */
export const examples = examplesDir;
export const types: HeenType[] = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323'];

/** The example message as text; JW315.xml has an impossible date (2027-06-31, see SOURCES.md), fixed here. */
export function exampleText(type: HeenType): string {
  const xml = exampleBytes(type).toString('utf8');
  return type === 'JW315' ? xml.replaceAll('2027-06-31', '2027-06-30') : xml;
}

export function example(type: HeenType): XmlElement {
  const xml = exampleText(type);
  expect(validateAgainstXsd(type, Buffer.from(xml))).toEqual([]);
  return parseXml(xml);
}

/** Builds the retour, asserts it validates against its own XSD (the hard requirement) and parses it. */
export function retour(
  type: HeenType,
  codes: Record<string, string[]> = {},
  original = example(type),
  xsltVersion?: string,
): XmlElement {
  const xml = buildRetour({
    messageType: type,
    original,
    codes: new Map(Object.entries(codes)),
    retourIdentification: 'RET-0000001',
    retourDate: '2026-05-08',
    ...(xsltVersion ? { xsltVersion } : {}),
  });
  expect(validateAgainstXsd(retourTypeOf(type), Buffer.from(xml))).toEqual([]);
  const tree = parseXml(xml);
  expect(tree.ns).toBe(messageNs(retourTypeOf(type)));
  return tree;
}

/** Element at a path with optional 1-based indexes: 'Client/ToegewezenProducten/ToegewezenProduct[2]'. */
export function at(root: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = root;
  for (const part of path.split('/')) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
    cur = cur?.children.filter((c) => c.name === m?.[1])[Number(m?.[2] ?? 1) - 1];
  }
  return cur;
}

export const codesOf = (el: XmlElement | undefined): string[] =>
  children(el, 'RetourCodes/RetourCode').map((c) => c.text);

/** Every class (element with RetourCodes) in a retour, by indexed path: 'Client[1]/StartProducten[1]/StartProduct[2]'. */
export function classCodes(root: XmlElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (el: XmlElement, path: string): void => {
    const retourCodes = el.children.find((c) => c.name === 'RetourCodes');
    if (retourCodes && path) out.set(path, codesOf(el));
    const seen = new Map<string, number>();
    for (const c of el.children) {
      const n = (seen.get(c.name) ?? 0) + 1;
      seen.set(c.name, n);
      if (c.name !== 'RetourCodes') walk(c, `${path ? `${path}/` : ''}${c.name}[${n}]`);
    }
  };
  walk(root, '');
  return out;
}

/** The tree without RetourCodes, namespaces and line numbers: to compare an echo with the received original. */
export interface Plain {
  name: string;
  text: string;
  basis: boolean;
  children: Plain[];
}
export function plain(el: XmlElement): Plain {
  return {
    name: el.name,
    text: el.text,
    basis: el.ns === BASIS_NS,
    children: el.children.filter((c) => c.name !== 'RetourCodes').map(plain),
  };
}

/** Every element in the retour is either in the retour's namespace or (CDT children) in the basisschema's. */
export function expectNamespaces(tree: XmlElement, retourNs: string): void {
  const walk = (el: XmlElement): void => {
    expect([retourNs, BASIS_NS]).toContain(el.ns);
    el.children.forEach(walk);
  };
  walk(tree);
}

/** The original header elements IV028 says are copied unchanged, and the retour's own ones. */
export function expectRetourHeader(type: HeenType, tree: XmlElement, original: XmlElement): void {
  const h = child(tree, 'Header');
  const o = child(original, 'Header');
  expect(text(h, 'BerichtCode')).toBe(retourSpecs[type].berichtCode);
  for (const name of ['BerichtVersie', 'BerichtSubversie', 'Afzender', 'Ontvanger'])
    expect(text(h, name)).toBe(text(o, name));
  expect(plain(child(h, 'BerichtIdentificatie')!)).toEqual(plain(child(o, 'BerichtIdentificatie')!));
  expect(plain(child(h, 'XsdVersie')!)).toEqual(plain(child(o, 'XsdVersie')!));
  expect(text(h, 'IdentificatieRetour')).toBe('RET-0000001');
  expect(text(h, 'DagtekeningRetour')).toBe('2026-05-08');
  expect(text(h, 'XsdVersieRetour/BerichtXsdVersie')).toMatch(/^\d+\.\d+\.\d+$/);
}

/** A JW301 built by hand: 3 ToegewezenProducten (specific, aspecific with budget, generic), text needing escapes. */
export function handBuiltJw301(): string {
  const product = (nr: string, inner: string): string => `
      <jw301:ToegewezenProduct>
        <jw301:ToewijzingNummer>${nr}</jw301:ToewijzingNummer>
        ${inner}
      </jw301:ToegewezenProduct>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <jw301:Header>
    <jw301:BerichtCode>436</jw301:BerichtCode>
    <jw301:BerichtVersie>3</jw301:BerichtVersie>
    <jw301:BerichtSubversie>2</jw301:BerichtSubversie>
    <jw301:Afzender>0599</jw301:Afzender>
    <jw301:Ontvanger>99000022</jw301:Ontvanger>
    <jw301:BerichtIdentificatie><ijw:Identificatie>T301-000042</ijw:Identificatie><ijw:Dagtekening>2026-03-02</ijw:Dagtekening></jw301:BerichtIdentificatie>
    <jw301:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw301:XsdVersie>
  </jw301:Header>
  <jw301:Client>
    <jw301:Bsn>999990019</jw301:Bsn>
    <jw301:Geboortedatum><ijw:Datum>2012-09-30</ijw:Datum><ijw:DatumGebruik>1</ijw:DatumGebruik></jw301:Geboortedatum>
    <jw301:Geslacht>2</jw301:Geslacht>
    <jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>A</ijw:Voorletters><ijw:NaamGebruik>1</ijw:NaamGebruik></jw301:Naam>
    <jw301:Commentaar>Let op: &lt;geen&gt; post &amp; geen bezoek</jw301:Commentaar>
    <jw301:Contactgegevens>
      <jw301:Contact>
        <jw301:Soort>01</jw301:Soort>
        <jw301:Adres><ijw:Huis><ijw:Huisnummer>7</ijw:Huisnummer></ijw:Huis><ijw:Postcode>1234AB</ijw:Postcode><ijw:Straatnaam>Dorpsstraat</ijw:Straatnaam><ijw:Plaatsnaam>Ergens</ijw:Plaatsnaam><ijw:LandCode>NL</ijw:LandCode></jw301:Adres>
      </jw301:Contact>
    </jw301:Contactgegevens>
    <jw301:ToegewezenProducten>${product(
      '700001',
      `<jw301:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw301:Product>
        <jw301:Toewijzingsdatum>2026-03-01</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>09:00:00</jw301:Toewijzingstijd>
        <jw301:Ingangsdatum>2026-03-01</jw301:Ingangsdatum><jw301:Einddatum>2026-12-31</jw301:Einddatum>
        <jw301:Omvang><ijw:Volume>4</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></jw301:Omvang>`,
    )}${product(
      '700002',
      `<jw301:ReferentieAanbieder>VOT-2</jw301:ReferentieAanbieder>
        <jw301:Product><ijw:Categorie>54</ijw:Categorie></jw301:Product>
        <jw301:Toewijzingsdatum>2026-03-01</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>09:00:00</jw301:Toewijzingstijd>
        <jw301:Ingangsdatum>2026-03-01</jw301:Ingangsdatum><jw301:Budget>150000</jw301:Budget>`,
    )}${product(
      '700003',
      `<jw301:Toewijzingsdatum>2026-03-01</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>09:00:01</jw301:Toewijzingstijd>
        <jw301:Ingangsdatum>2026-04-01</jw301:Ingangsdatum><jw301:Einddatum>2026-06-30</jw301:Einddatum><jw301:Budget>99000</jw301:Budget>
        <jw301:Commentaar>Generieke toewijzing</jw301:Commentaar>`,
    )}
    </jw301:ToegewezenProducten>
  </jw301:Client>
</jw301:Bericht>
`;
}

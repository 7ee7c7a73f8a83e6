import { describe, expect, it } from 'vitest';
import { packHeader, packRetourSource, unpackDeclaratie, unpackHeader, unpackRetourSource } from './header-store.js';
import { BASIS_NS, messageNs } from './retour/types.js';
import { example } from './testing/ijw-examples.js';
import { parseXml, type XmlElement } from './xml.js';

const ns = messageNs('JW301');
const withoutLines = (e: XmlElement): unknown => ({
  name: e.name,
  ns: e.ns,
  text: e.text,
  children: e.children.map(withoutLines),
});
const headerOf = (xml: string) => parseXml(xml).children.find((c) => c.name === 'Header')!;
const columnsOf = (h: XmlElement) => {
  const id = h.children.find((c) => c.name === 'BerichtIdentificatie')!;
  return {
    sender: h.children.find((c) => c.name === 'Afzender')!.text,
    receiver: h.children.find((c) => c.name === 'Ontvanger')!.text,
    messageId: id.children[0]!.text,
    messageDate: id.children[1]!.text,
  };
};

describe('the kept header of an accepted message', () => {
  it('keeps only five values of a usual header and gives the same header back', () => {
    const header = headerOf(example('JW301').toString('utf8'));
    const stored = packHeader(header, ns, columnsOf(header));
    expect(JSON.parse(stored)).toEqual({ v: 3, x: ['436', '3', '2', expect.any(String), expect.any(String)] });
    expect(withoutLines(unpackHeader(JSON.parse(stored), ns, columnsOf(header)))).toEqual(withoutLines(header));
  });

  it('keeps a header whole when the columns do not hold its values', () => {
    const header = headerOf(example('JW301').toString('utf8'));
    const columns = { ...columnsOf(header), messageDate: null };
    const stored = JSON.parse(packHeader(header, ns, columns));
    expect(stored.v).toBe(2);
    expect(withoutLines(unpackHeader(stored, ns, columns))).toEqual(withoutLines(header));
  });

  it('keeps an unusual header whole, namespaces included', () => {
    const odd: XmlElement = {
      name: 'Header',
      ns,
      text: '',
      line: 1,
      children: [
        { name: 'BerichtCode', ns, text: '436', line: 2, children: [] },
        {
          name: 'Extra',
          ns: 'urn:x',
          text: '',
          line: 3,
          children: [{ name: 'Deel', ns: BASIS_NS, text: 'a&b', line: 4, children: [] }],
        },
      ],
    };
    const stored = JSON.parse(
      packHeader(odd, ns, { sender: null, receiver: null, messageId: null, messageDate: null }),
    );
    expect(stored.v).toBe(2);
    expect(
      withoutLines(unpackHeader(stored, ns, { sender: null, receiver: null, messageId: null, messageDate: null })),
    ).toEqual(withoutLines(odd));
  });

  it('still reads the full element tree that earlier versions kept', () => {
    const header = headerOf(example('JW301').toString('utf8'));
    expect(unpackHeader(JSON.parse(JSON.stringify(header)), ns, columnsOf(header))).toEqual(header);
  });
});

describe('what a retour needs, kept from the one parse', () => {
  it('keeps a message accepted so far whole, and of a rejected one only the Header, each given back unchanged', () => {
    const root = parseXml(example('JW323').toString('utf8'));
    expect(withoutLines(unpackRetourSource(packRetourSource(root, true)!))).toEqual(withoutLines(root));
    const headerOnly = unpackRetourSource(packRetourSource(root, false)!);
    expect(withoutLines(headerOnly)).toEqual(withoutLines({ ...root, children: [root.children[0]!] }));
    // A header no real message has is not kept.
    const huge = { ...root, children: [{ ...root.children[0]!, text: 'x'.repeat(20_000), children: [] }] };
    expect(packRetourSource(huge, false)).toBeNull();
  });

  it("keeps a declaration's number and submitted total beside its header, for the answer that grants it", () => {
    const root = parseXml(example('JW323').toString('utf8'));
    const ns323 = messageNs('JW323');
    const header = root.children[0]!;
    const stored = JSON.parse(packHeader(header, ns323, columnsOf(header), root.children[1]));
    expect(stored.d).toEqual(['DN001', '79000', 'D']);
    const declaratie = unpackDeclaratie(stored, ns323)!;
    expect(declaratie.children.map((c) => c.name)).toEqual(['DeclaratieNummer', 'TotaalIngediendBedrag', 'Clienten']);
    expect(unpackDeclaratie({ v: 3, x: [] }, ns323)).toBeUndefined();
  });
});

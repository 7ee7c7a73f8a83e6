import { BASIS_NS } from './retour/types.js';
import type { XmlElement } from './xml.js';

/** A Header element in general form: [name, namespace, text or children]; namespace 0 = the message's, 1 = basisschema. */
type Packed = [name: string, ns: 0 | 1 | string, content: string | Packed[]];

/** What the file's own columns hold of its header (sender, receiver, identification, date). */
export interface HeaderColumns {
  sender: string | null;
  receiver: string | null;
  messageId: string | null;
  messageDate: string | null;
}

/** The usual iJw 3.2 header: these elements in this order, the inner ones in the basisschema's namespace. */
const usual = [
  'BerichtCode',
  'BerichtVersie',
  'BerichtSubversie',
  'Afzender',
  'Ontvanger',
  'BerichtIdentificatie',
  'XsdVersie',
] as const;
const inner = {
  BerichtIdentificatie: ['Identificatie', 'Dagtekening'],
  XsdVersie: ['BasisschemaXsdVersie', 'BerichtXsdVersie'],
} as const;

/**
 * An accepted message's Header, kept for its positive retour (IV028). Most of it is already in the file's columns,
 * and every byte counts at a million files, so the usual header keeps only its other five values
 * (`{"v":3,"x":[code, versie, subversie, basisschema-xsd, bericht-xsd]}`); any other header is kept whole in a compact
 * general form (`{"v":2,"h":…}`). Either way the retour echoes exactly what was received.
 */
export function packHeader(header: XmlElement, messageNs: string, columns: HeaderColumns): string {
  const values = usualValues(header, messageNs, columns);
  if (values) return JSON.stringify({ v: 3, x: values });
  const pack = (e: XmlElement): Packed => [
    e.name,
    e.ns === messageNs ? 0 : e.ns === BASIS_NS ? 1 : e.ns,
    e.children.length ? e.children.map(pack) : e.text,
  ];
  return JSON.stringify({ v: 2, h: pack(header) });
}

/** The Header back as an element tree; also reads the full tree that earlier versions kept. */
export function unpackHeader(stored: unknown, messageNs: string, columns: HeaderColumns): XmlElement {
  const s = stored as { v?: number; h?: Packed; x?: string[] } & Partial<XmlElement>;
  const leaf = (name: string, ns: string, text: string): XmlElement => ({ name, ns, children: [], text, line: 0 });
  const node = (name: string, children: XmlElement[]): XmlElement => ({
    name,
    ns: messageNs,
    children,
    text: '',
    line: 0,
  });
  if (s.v === 3 && s.x) {
    const [code, versie, subversie, basis, bericht] = s.x;
    return node('Header', [
      leaf('BerichtCode', messageNs, code ?? ''),
      leaf('BerichtVersie', messageNs, versie ?? ''),
      leaf('BerichtSubversie', messageNs, subversie ?? ''),
      leaf('Afzender', messageNs, columns.sender ?? ''),
      leaf('Ontvanger', messageNs, columns.receiver ?? ''),
      node('BerichtIdentificatie', [
        leaf('Identificatie', BASIS_NS, columns.messageId ?? ''),
        leaf('Dagtekening', BASIS_NS, columns.messageDate ?? ''),
      ]),
      node('XsdVersie', [
        leaf('BasisschemaXsdVersie', BASIS_NS, basis ?? ''),
        leaf('BerichtXsdVersie', BASIS_NS, bericht ?? ''),
      ]),
    ]);
  }
  if (s.v !== 2 || !s.h) return s as XmlElement;
  const unpack = ([name, ns, content]: Packed): XmlElement => ({
    name,
    ns: ns === 0 ? messageNs : ns === 1 ? BASIS_NS : ns,
    children: typeof content === 'string' ? [] : content.map(unpack),
    text: typeof content === 'string' ? content : '',
    line: 0,
  });
  return unpack(s.h);
}

/** The five values of a usual header whose other values equal the columns; undefined for any other header. */
function usualValues(header: XmlElement, messageNs: string, columns: HeaderColumns): string[] | undefined {
  if (header.ns !== messageNs || header.children.length !== usual.length) return undefined;
  const text = new Map<string, string>();
  for (const [i, name] of usual.entries()) {
    const e = header.children[i]!;
    if (e.name !== name || e.ns !== messageNs) return undefined;
    if (name === 'BerichtIdentificatie' || name === 'XsdVersie') {
      const names = inner[name];
      if (e.children.length !== names.length) return undefined;
      for (const [j, n] of names.entries()) {
        const c = e.children[j]!;
        if (c.name !== n || c.ns !== BASIS_NS || c.children.length) return undefined;
        text.set(n, c.text);
      }
    } else if (e.children.length) return undefined;
    else text.set(name, e.text);
  }
  const same =
    text.get('Afzender') === columns.sender &&
    text.get('Ontvanger') === columns.receiver &&
    text.get('Identificatie') === columns.messageId &&
    text.get('Dagtekening') === columns.messageDate;
  return same
    ? ['BerichtCode', 'BerichtVersie', 'BerichtSubversie', 'BasisschemaXsdVersie', 'BerichtXsdVersie'].map((n) =>
        text.get(n)!,
      )
    : undefined;
}

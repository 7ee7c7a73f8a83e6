import { BASIS_NS } from './retour/types.js';
import { child, type XmlElement } from './xml.js';

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

/** An element in the compact general form: namespaces as 0 (the message's) or 1 (basisschema), no line numbers. */
function pack(e: XmlElement, messageNs: string): Packed {
  return [
    e.name,
    e.ns === messageNs ? 0 : e.ns === BASIS_NS ? 1 : e.ns,
    e.children.length ? e.children.map((c) => pack(c, messageNs)) : e.text,
  ];
}

function unpack([name, ns, content]: Packed, messageNs: string): XmlElement {
  return {
    name,
    ns: ns === 0 ? messageNs : ns === 1 ? BASIS_NS : ns,
    children: typeof content === 'string' ? [] : content.map((c) => unpack(c, messageNs)),
    text: typeof content === 'string' ? content : '',
    line: 0,
  };
}

/**
 * An accepted message's Header, kept for its positive retour (IV028). Most of it is already in the file's columns,
 * and every byte counts at a million files, so the usual header keeps only its other five values
 * (`{"v":3,"x":[code, versie, subversie, basisschema-xsd, bericht-xsd]}`); any other header is kept whole in a compact
 * general form (`{"v":2,"h":…}`). Either way the retour echoes exactly what was received. A declaration (JW323) is
 * answered with a DeclaratieAntwoord even when it is granted in full (IV087), which repeats its DeclaratieNummer and
 * TotaalIngediendBedrag: those three values are kept beside the header (`"d":[nummer, bedrag, D|C]`).
 */
export function packHeader(
  header: XmlElement,
  messageNs: string,
  columns: HeaderColumns,
  declaratie?: XmlElement,
): string {
  const values = usualValues(header, messageNs, columns);
  const kept: { v: number; x?: string[]; h?: Packed; d?: string[] } = values
    ? { v: 3, x: values }
    : { v: 2, h: pack(header, messageNs) };
  if (declaratie) {
    const at = (path: string) => child(declaratie, path)?.text ?? '';
    kept.d = [
      at('DeclaratieNummer'),
      at('TotaalIngediendBedrag/TotaalBedrag'),
      at('TotaalIngediendBedrag/DebetCredit'),
    ];
  }
  return JSON.stringify(kept);
}

/** An element with text only, as the rebuilt Header and Declaratie hold them. */
const leaf = (name: string, ns: string, text: string): XmlElement => ({ name, ns, children: [], text, line: 0 });

/** Makes elements with children in the message's namespace. */
const branch =
  (messageNs: string) =>
  (name: string, children: XmlElement[]): XmlElement => ({ name, ns: messageNs, children, text: '', line: 0 });

/**
 * What a declaratie-antwoord for a declaration granted in full needs of the declaration: its DeclaratieNummer and
 * TotaalIngediendBedrag, and no Clienten (none is rejected). Undefined when the kept header holds none (not a JW323).
 */
export function unpackDeclaratie(stored: unknown, messageNs: string): XmlElement | undefined {
  const d = (stored as { d?: unknown } | null)?.d;
  if (!Array.isArray(d) || d.length !== 3 || !d.every((x) => typeof x === 'string')) return undefined;
  const [nummer, bedrag, dc] = d as string[];
  const node = branch(messageNs);
  return node('Declaratie', [
    leaf('DeclaratieNummer', messageNs, nummer!),
    node('TotaalIngediendBedrag', [leaf('TotaalBedrag', BASIS_NS, bedrag!), leaf('DebetCredit', BASIS_NS, dc!)]),
    node('Clienten', []),
  ]);
}

/**
 * What the retour of a message needs of it, kept when the message is read so that it is never parsed again
 * (docs/decisions.md): the whole message when it was accepted so far, since a rule that needs the database may still
 * reject a class of it and the retour then echoes that class; only the Header when it is rejected already, since
 * every rejection before the database (XML, XSD, CS002) is technical (0001) and answered by the Header alone
 * (IV028/IV032). A Header too large to be a real one is not kept: such a message cannot be answered anyway.
 */
export function packRetourSource(root: XmlElement, whole: boolean): string | null {
  if (whole) return JSON.stringify([root.ns, pack(root, root.ns)]);
  const header = root.children.find((c) => c.name === 'Header');
  if (!header) return null;
  const kept = JSON.stringify([root.ns, pack({ ...root, children: [header] }, root.ns)]);
  return kept.length <= maxKeptHeader ? kept : null;
}

/** A real iJw Header packs into a few hundred characters. */
const maxKeptHeader = 16_384;

/** The message (or its Header alone) as `packRetourSource` kept it (`[namespace, packed tree]`). */
export function unpackRetourSource(kept: string): XmlElement {
  const [ns, root] = JSON.parse(kept) as [string, Packed];
  return unpack(root, ns);
}

/** The Header back as an element tree; also reads the full tree that earlier versions kept. */
export function unpackHeader(stored: unknown, messageNs: string, columns: HeaderColumns): XmlElement {
  const s = stored as { v?: number; h?: Packed; x?: string[] } & Partial<XmlElement>;
  const node = branch(messageNs);
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
  return unpack(s.h, messageNs);
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

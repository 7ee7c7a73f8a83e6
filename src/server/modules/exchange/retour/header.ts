import type { XmlElement } from '../xml.js';
import { copy, el, leaf, retourCodes, type OutElement } from './out-xml.js';
import { xsdVersieOf, type XsdVersie } from './schema-info.js';
import type { RetourSpec } from './spec.js';
import { RetourInputError } from './types.js';

export interface RetourIds {
  identification: string;
  date: string;
  xsltVersion?: string | undefined;
}

function need(header: XmlElement, name: string): XmlElement {
  const found = header.children.find((c) => c.name === name);
  if (!found) throw new RetourInputError(`de Header van het ontvangen bericht mist ${name}`);
  return found;
}

function xsdVersie(name: string, spec: RetourSpec): OutElement {
  return versionElement(name, xsdVersieOf(spec.retourType));
}

function versionElement(name: string, v: XsdVersie): OutElement {
  return el(name, [leaf('BasisschemaXsdVersie', v.basisschema, true), leaf('BerichtXsdVersie', v.bericht, true)]);
}

const version = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/**
 * XsdVersieDeclaratie (TR371): the declaration's own XsdVersie when it is one (LDT_Versie twice, in order). When it is
 * missing or broken, the declaration was rejected for it (0001) and is still answered: with the versions of the JW323
 * schema it was checked against, which is what the answer's reader needs to know.
 */
function xsdVersieDeclaratie(header: XmlElement): OutElement {
  const own = header.children.find((c) => c.name === 'XsdVersie');
  const parts = own?.children ?? [];
  const readable =
    parts.length === 2 &&
    parts[0]!.name === 'BasisschemaXsdVersie' &&
    parts[1]!.name === 'BerichtXsdVersie' &&
    parts.every((p) => !p.children.length && version.test(p.text));
  return readable ? copy(own!, 'XsdVersieDeclaratie') : versionElement('XsdVersieDeclaratie', xsdVersieOf('JW323'));
}

/**
 * Header of JW302/306/308/316/318/320 (IV028): BerichtCode of the retour; all other elements of the received
 * Header, Afzender and Ontvanger included, unchanged; then IdentificatieRetour, DagtekeningRetour, XsltVersie
 * (optional), XsdVersieRetour (the retour XSD's own versions, IV034) and RetourCodes (omitted when `codes` is empty:
 * a fully approved message gets "alleen een Header, zonder retourcodes").
 */
export function retourHeader(
  header: XmlElement,
  spec: RetourSpec,
  ids: RetourIds,
  codes: readonly string[],
): OutElement {
  const children: OutElement[] = [
    leaf('BerichtCode', spec.berichtCode),
    ...['BerichtVersie', 'BerichtSubversie', 'Afzender', 'Ontvanger', 'BerichtIdentificatie', 'XsdVersie'].map((n) =>
      copy(need(header, n)),
    ),
    leaf('IdentificatieRetour', ids.identification),
    leaf('DagtekeningRetour', ids.date),
  ];
  if (ids.xsltVersion) children.push(leaf('XsltVersie', ids.xsltVersion));
  children.push(xsdVersie('XsdVersieRetour', spec));
  if (codes.length) children.push(retourCodes(codes));
  return el('Header', children);
}

/**
 * Header of JW325 (IV087), a message of its own sent back by the municipality: Afzender and Ontvanger swap, its own
 * BerichtIdentificatie (the retour id and date) and XsdVersie, the declaration's BerichtIdentificatie as
 * DeclaratieIdentificatie (TR337) and its XsdVersie as XsdVersieDeclaratie (TR371). RetourCodes is mandatory here.
 * A declaration rejected for its own Header is answered too, as long as Afzender, Ontvanger and BerichtIdentificatie
 * are readable: the answer's XSD check (write-batch.ts) leaves it without one when they are not.
 */
export function declaratieAntwoordHeader(
  header: XmlElement,
  spec: RetourSpec,
  ids: RetourIds,
  codes: readonly string[],
): OutElement {
  const children: OutElement[] = [
    leaf('BerichtCode', spec.berichtCode),
    leaf('BerichtVersie', '3'),
    leaf('BerichtSubversie', '2'),
    copy(need(header, 'Ontvanger'), 'Afzender'),
    copy(need(header, 'Afzender'), 'Ontvanger'),
    el('BerichtIdentificatie', [leaf('Identificatie', ids.identification, true), leaf('Dagtekening', ids.date, true)]),
    xsdVersie('XsdVersie', spec),
    copy(need(header, 'BerichtIdentificatie'), 'DeclaratieIdentificatie'),
  ];
  if (ids.xsltVersion) children.push(leaf('XsltVersie', ids.xsltVersion));
  children.push(xsdVersieDeclaratie(header), retourCodes(codes));
  return el('Header', children);
}

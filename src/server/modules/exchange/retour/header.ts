import type { XmlElement } from '../xml.js';
import { copy, el, leaf, retourCodes, type OutElement } from './out-xml.js';
import { xsdVersieOf } from './schema-info.js';
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
  const v = xsdVersieOf(spec.retourType);
  return el(name, [leaf('BasisschemaXsdVersie', v.basisschema, true), leaf('BerichtXsdVersie', v.bericht, true)]);
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
  children.push(copy(need(header, 'XsdVersie'), 'XsdVersieDeclaratie'), retourCodes(codes));
  return el('Header', children);
}

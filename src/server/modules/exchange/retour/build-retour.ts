/**
 * iJw 3.2 retour-message writer: answers JW301/305/307/315/317/319 with JW302/306/308/316/318/320 and JW323
 * with the declaratie-antwoord JW325.
 *
 * What the standard says (regels-istandaarden-ijw-3.2.csv) and what the retour XSDs require:
 * - IV028 / IV032 (all retours but JW325): the Header always comes back; BerichtCode becomes the retour's, all other
 *   header elements (Afzender and Ontvanger too) are copied unchanged, plus IdentificatieRetour (max 12, RS017),
 *   DagtekeningRetour, optional XsltVersie (IV033) and XsdVersieRetour (the retour XSD's appinfo versions, IV034).
 *   · No errors: "alleen een Header, zonder retourcodes" (Header/RetourCodes is optional in the XSD).
 *   · Level 2 (XSLT rules, always code 0001): only the Header, with 0001. Every 0001 rule in the rule set is
 *     "bericht inhoud (xslt)", so a 0001 anywhere in `codes` rejects the message as a whole, header-only.
 *   · Level 3/4 error in the Header (e.g. 9056, 8848): only the Header, with that code.
 *   · Level 3/4 error in a class under the Client: Header 0200, and the Client with ALL its classes copied unchanged
 *     (OP065: only clients with a rejected class are returned), each class with RetourCodes: the rule's code, 0233
 *     "niet beoordeeld" or 0200 "geen opmerking". The retour XSDs make RetourCodes mandatory on each class
 *     (Client, Relatie, Contact, ToegewezenProduct, StartProduct, StopProduct, AangevraagdProduct, Verzoek,
 *     Ongewijzigd/TeWijzigen/NieuwProduct; Antwoord and Woonplaatsbeginsel in JW320). We write 0200 for classes
 *     without a code, 0233 only where the caller passes it (the rules do not say when a class counts as unchecked).
 * - IV087 / IV088 / TR342 / OP303 / OP304 (JW325): Header with DeclaratieIdentificatie (TR337) and
 *   XsdVersieDeclaratie (TR371); RetourCodes is mandatory there.
 *   · Fully granted: Header 0200, DeclaratieAntwoord 8001, TotaalToegekend = TotaalIngediend.
 *   · 0001 or a Header code: only the Header with that code.
 *   · Code on Declaratie: Header 0200, DeclaratieAntwoord with the code, TotaalToegekendBedrag 0, no Prestaties.
 *   · Codes below it: Header 0200, DeclaratieAntwoord 0200, only the rejected Prestaties (TR342) under their Client
 *     (Client 0200; a rejected Client gets its code and all its Prestaties with 0233), and
 *     TotaalToegekend = TotaalIngediend − SOM(rejected IngediendBedrag), D/C taken into account, 0 as D (CS325).
 * - The echoed content is copied element by element from the received message (same order and values), moved to
 *   the retour's namespace; basisschema (ijw:) elements keep theirs. The retour references the original's keys.
 */
import { assignCodes } from './codes.js';
import { declaratieAntwoord } from './declaratie-antwoord.js';
import { echoBody } from './echo.js';
import { declaratieAntwoordHeader, retourHeader, type RetourIds } from './header.js';
import { el, serialize, type OutElement } from './out-xml.js';
import { NO_REMARK, TECHNICAL, rejections, retourSpecs } from './spec.js';
import { MAX_IDENTIFICATIE_LENGTH, RetourInputError, isHeenType, messageNs, type RetourInput } from './types.js';

export { BASIS_NS, MAX_IDENTIFICATIE_LENGTH, RetourInputError, isHeenType, messageNs, retourTypeOf } from './types.js';
export type { HeenType, RetourInput, RetourType } from './types.js';

function checkIds(input: RetourInput): RetourIds {
  const id = input.retourIdentification;
  if ([...id].length > MAX_IDENTIFICATIE_LENGTH || !/\S/.test(id)) {
    throw new RetourInputError(
      `IdentificatieRetour '${id}' moet 1 tot ${MAX_IDENTIFICATIE_LENGTH} tekens hebben (RS017, RS033)`,
    );
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.retourDate);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== input.retourDate) {
    throw new RetourInputError(`DagtekeningRetour '${input.retourDate}' is geen datum JJJJ-MM-DD`);
  }
  const xslt = input.xsltVersion;
  if (xslt !== undefined && !/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(xslt)) {
    throw new RetourInputError(`XsltVersie '${xslt}' is geen versienummer x.y.z (RS048)`);
  }
  return { identification: id, date: input.retourDate, xsltVersion: xslt };
}

/** Builds the retour (or declaratie-antwoord) for one received message; returns the XML text (UTF-8). */
export function buildRetour(input: RetourInput): string {
  const { messageType, original } = input;
  if (!isHeenType(messageType))
    throw new RetourInputError(`berichttype ${String(messageType)} heeft geen retourbericht`);
  const spec = retourSpecs[messageType];
  const header = original.children.find((c) => c.name === 'Header');
  if (original.name !== 'Bericht' || !header)
    throw new RetourInputError('het ontvangen bericht heeft geen Bericht/Header');
  const ids = checkIds(input);
  const assigned = assignCodes(messageType, spec, original, input.codes);

  const technical = [...assigned.values()].some((codes) => codes.includes(TECHNICAL));
  const headerRejected = technical ? [TECHNICAL] : rejections(assigned.get(header));
  const children: OutElement[] = [];
  if (messageType === 'JW323') {
    const declaratie = original.children.find((c) => c.name === 'Declaratie');
    if (headerRejected.length || !declaratie) {
      if (!headerRejected.length) throw new RetourInputError('het declaratiebericht heeft geen Declaratie');
      children.push(declaratieAntwoordHeader(header, spec, ids, headerRejected));
    } else {
      children.push(declaratieAntwoordHeader(header, spec, ids, [NO_REMARK]), declaratieAntwoord(declaratie, assigned));
    }
  } else if (headerRejected.length) {
    children.push(retourHeader(header, spec, ids, headerRejected));
  } else {
    const body = echoBody(original, spec, assigned);
    children.push(retourHeader(header, spec, ids, body.length ? [NO_REMARK] : []), ...body);
  }
  const prefix = spec.retourType.toLowerCase();
  return serialize(el('Bericht', children), prefix, messageNs(spec.retourType));
}

import type { XmlElement } from '../xml.js';
import type { AssignedCodes } from './codes.js';
import { copy, el, leaf, retourCodes, type OutElement } from './out-xml.js';
import { FULLY_GRANTED, NO_REMARK, NOT_ASSESSED, rejections } from './spec.js';
import { RetourInputError } from './types.js';

const MAX_TOTAAL = 999_999_999_999n; // LDT_TotaalBedrag

function need(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.find((c) => c.name === name);
  if (!found) throw new RetourInputError(`${parent.name} in het ontvangen bericht mist ${name}`);
  return found;
}

/** An amount with DebetCredit as a signed number of cents: D counts up, C counts down (TR358). */
function signed(holder: XmlElement, amountName: 'TotaalBedrag' | 'Bedrag'): bigint {
  const amount = holder.children.find((c) => c.name === amountName)?.text ?? '';
  const dc = holder.children.find((c) => c.name === 'DebetCredit')?.text;
  if (!/^\d+$/.test(amount) || (dc !== 'D' && dc !== 'C')) {
    throw new RetourInputError(`${holder.name} (regel ${holder.line}) heeft geen geldig bedrag met DebetCredit`);
  }
  return dc === 'C' ? -BigInt(amount) : BigInt(amount);
}

/** TotaalToegekendBedrag: absolute value with D/C; 0 is written as D (CS325). */
function totaal(name: string, value: bigint): OutElement {
  const abs = value < 0n ? -value : value;
  if (abs > MAX_TOTAAL) throw new RetourInputError(`${name} ${value} past niet in LDT_TotaalBedrag`);
  return el(name, [leaf('TotaalBedrag', abs.toString(), true), leaf('DebetCredit', value < 0n ? 'C' : 'D', true)]);
}

interface ClientAnswer {
  client: OutElement;
  rejectedAmount: bigint;
}

/**
 * One Client in the answer, or undefined when all its Prestaties are granted (OP304). A rejected Client comes back
 * with its code and ALL its Prestaties, each with its own rejection or 0233 "niet beoordeeld" (IV087). Otherwise the
 * Client gets 0200 and only its rejected Prestaties come back (TR342, OP303); a Prestatie the caller marked 0233
 * counts as rejected too (IV087: not assessed Prestaties are afgewezen).
 */
function answerClient(client: XmlElement, assigned: AssignedCodes): ClientAnswer | undefined {
  const clientRejected = rejections(assigned.get(client));
  const prestaties = need(client, 'Prestaties').children.filter((c) => c.name === 'Prestatie');
  const answered: { prestatie: XmlElement; codes: string[] }[] = [];
  for (const prestatie of prestaties) {
    const own = assigned.get(prestatie);
    const rejected = rejections(own);
    if (rejected.length) answered.push({ prestatie, codes: rejected });
    else if (clientRejected.length || own?.includes(NOT_ASSESSED)) answered.push({ prestatie, codes: [NOT_ASSESSED] });
  }
  if (!answered.length && !clientRejected.length) return undefined;
  let rejectedAmount = 0n;
  const copies = answered.map(({ prestatie, codes }) => {
    rejectedAmount += signed(need(prestatie, 'IngediendBedrag'), 'Bedrag');
    const out = copy(prestatie);
    out.children.push(retourCodes(codes));
    return out;
  });
  const children = client.children.map((c) => (c.name === 'Prestaties' ? el('Prestaties', copies) : copy(c)));
  children.push(retourCodes(clientRejected.length ? clientRejected : [NO_REMARK]));
  return { client: el('Client', children), rejectedAmount };
}

/**
 * DeclaratieAntwoord (IV087, TR342): DeclaratieNummer and TotaalIngediendBedrag copied from the Declaratie.
 * - Declaratie rejected: its code(s), TotaalToegekendBedrag 0, no Prestaties (they are not assessed).
 * - Otherwise: the Clients with rejected Prestaties, TotaalToegekendBedrag = TotaalIngediendBedrag minus the
 *   rejected Prestaties (so SOM(Prestatie.IngediendBedrag) = TotaalIngediend − TotaalToegekend holds), and code
 *   0200, or 8001 "Declaratie is volledig toegewezen" when nothing was rejected.
 */
export function declaratieAntwoord(declaratie: XmlElement, assigned: AssignedCodes): OutElement {
  const nummer = copy(need(declaratie, 'DeclaratieNummer'));
  const ingediendEl = need(declaratie, 'TotaalIngediendBedrag');
  const ingediend = copy(ingediendEl);
  const declaratieRejected = rejections(assigned.get(declaratie));
  if (declaratieRejected.length) {
    return el('DeclaratieAntwoord', [
      nummer,
      ingediend,
      totaal('TotaalToegekendBedrag', 0n),
      retourCodes(declaratieRejected),
    ]);
  }
  const clients = need(declaratie, 'Clienten').children.filter((c) => c.name === 'Client');
  const answers = clients.map((c) => answerClient(c, assigned)).filter((a): a is ClientAnswer => a !== undefined);
  const rejectedAmount = answers.reduce((sum, a) => sum + a.rejectedAmount, 0n);
  const toegekend = totaal('TotaalToegekendBedrag', signed(ingediendEl, 'TotaalBedrag') - rejectedAmount);
  const children = [nummer, ingediend, toegekend];
  if (answers.length)
    children.push(
      el(
        'Clienten',
        answers.map((a) => a.client),
      ),
    );
  children.push(retourCodes(answers.length ? [NO_REMARK] : [FULLY_GRANTED]));
  return el('DeclaratieAntwoord', children);
}

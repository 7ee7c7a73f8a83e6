import { isValidBsn } from '../../../shared/bsn.js';
import type { DeclarationLine, InboundType, ParsedMessage } from './messages.js';
import type { Knowledge } from './knowledge.js';
import { child, children, text, type XmlElement } from './xml.js';
import { maxDeclarableVolume } from './volume.js';

/** One broken rule: the iJw rule code, the retour code it answers with, where, and a Dutch explanation. */
export interface Violation {
  rule: string;
  code: string;
  path: string;
  message: string;
}

const v = (rule: string, code: string, path: string, message: string): Violation => ({ rule, code, path, message });

/**
 * CS002: every client's BSN passes the 11-proef (retour code 0001). Checked on the element tree, before the BSN is
 * replaced by its pseudonym, so a wrong number never becomes a client. The reason says which client, never the number.
 */
export function checkBsns(root: XmlElement, type: InboundType): Violation[] {
  const clients: Array<[XmlElement | undefined, string, string]> =
    type === 'JW323'
      ? children(root, 'Declaratie/Clienten/Client').map((c, i) => [
          c,
          `Declaratie/Clienten/Client[${i + 1}]`,
          `cliënt ${i + 1} van de declaratie`,
        ])
      : [[child(root, 'Client'), 'Client', 'de cliënt']];
  const out: Violation[] = [];
  for (const [client, path, who] of clients) {
    const bsn = text(client, 'Bsn');
    if (bsn !== undefined && !isValidBsn(bsn))
      out.push(v('CS002', '0001', path, `het BSN van ${who} voldoet niet aan de 11-proef`));
  }
  return out;
}

/**
 * The content and cross-message rules of iJw 3.2 that the region's data depends on (TR/CS rules with their retour
 * codes), checked against what is already known plus what earlier files in the same run added.
 */
export function checkRules(message: ParsedMessage, known: Knowledge, today: string): Violation[] {
  const { header } = message;
  const out: Violation[] = [];
  if (!known.providers.has(header.providerAgb)) {
    out.push(
      v('ZL001', '0001', 'Header', `aanbieder met AGB-code ${header.providerAgb} is niet bekend in Zorglandschap`),
    );
  }
  if (!known.municipalities.has(header.municipalityCode)) {
    out.push(
      v('ZL002', '0001', 'Header', `gemeente ${header.municipalityCode} hoort niet bij een regio in Zorglandschap`),
    );
  }
  const date = message.type === 'RETOUR' ? message.retourDate : header.messageDate;
  if (date > today) out.push(v('TR135', '8848', 'Header', `dagtekening ${date} ligt in de toekomst`));
  out.push(...datesAfterMessageDate(message));
  if (out.length) return out;
  const m = header.municipalityCode;

  switch (message.type) {
    case 'RETOUR':
      break;
    case 'JW301':
      for (const a of message.allocations) {
        if (a.endDate && a.endDate < a.startDate)
          out.push(
            v(
              'TR018',
              '0001',
              a.path,
              `einddatum ${a.endDate} ligt voor ingangsdatum ${a.startDate} (toewijzing ${a.allocationNumber})`,
            ),
          );
      }
      break;
    case 'JW305':
    case 'JW307': {
      const kind = message.type === 'JW305' ? 'start' : 'stop';
      // What earlier classes of this message withdrew, per start/stop key: `kind|begindatum`.
      const withdrawn = new Map<string, Set<string>>();
      for (const d of message.deliveries) {
        // CS058: a start or stop is delivered (1) or withdrawn (3); a changed delivery (2) does not exist for them.
        if (d.status !== '1' && d.status !== '3') {
          out.push(
            v(
              'CS058',
              '0001',
              d.path,
              `StatusAanlevering ${d.status}: vul 1 (eerste aanlevering) of 3 (verwijderen aanlevering)`,
            ),
          );
          continue;
        }
        if (d.allocationNumber) {
          const allocation = known.allocation(m, d.allocationNumber);
          if (!allocation) {
            out.push(v('TR019', '9019', d.path, `toewijzing ${d.allocationNumber} van gemeente ${m} is niet bekend`));
            continue;
          }
        }
        const key = known.deliveryKey(message, d);
        const gone = withdrawn.get(key) ?? new Set<string>();
        if (d.status === '3') {
          // IV008: a withdrawal names the earlier class by its logical key; its other content is not checked (TR063).
          if (!known.has(kind, key, d.date, gone)) {
            out.push(
              v(
                'TR063',
                '9063',
                d.path,
                `geen eerdere ${kind} voor ${describe(d)} met begindatum ${d.date} om te verwijderen`,
              ),
            );
          } else if (kind === 'start' && known.has('stop', key, d.date, gone)) {
            out.push(
              v(
                'TR071',
                '9071',
                d.path,
                `de start van ${describe(d)} met begindatum ${d.date} is al gestopt; verwijder eerst de stop`,
              ),
            );
          }
          withdrawn.set(key, gone.add(`${kind}|${d.date}`));
          continue;
        }
        if (kind === 'start' && known.openStart(key, gone)) {
          out.push(
            v('TR326', '9326', d.path, `er is al een lopende start voor ${describe(d)}; stuur eerst een stopbericht`),
          );
        }
        if (kind === 'stop') {
          if (!known.has('start', key, d.date, gone))
            out.push(
              v(
                'TR382',
                '9069',
                d.path,
                `stop zonder start: geen startbericht voor ${describe(d)} met begindatum ${d.date}`,
              ),
            );
          if (d.endDate && d.endDate < d.date)
            out.push(v('TR018', '0001', d.path, `einddatum ${d.endDate} ligt voor begindatum ${d.date}`));
        }
      }
      break;
    }
    case 'JW315':
      for (const r of message.requests) {
        if (r.requestedEnd && r.requestedStart && r.requestedEnd < r.requestedStart)
          out.push(
            v('TR018', '0001', r.path, `einddatum ${r.requestedEnd} ligt voor ingangsdatum ${r.requestedStart}`),
          );
      }
      break;
    case 'JW317':
      for (const k of message.keptOrChanged) {
        if (!known.allocation(m, k.allocationNumber))
          out.push(
            v('TR351', '9351', k.path, `toewijzing ${k.allocationNumber} is niet bekend als actuele toewijzing`),
          );
      }
      break;
    case 'JW319':
      if (message.answer.reference && !known.hasRequest(m, header.providerAgb, message.answer.reference)) {
        out.push(v('TR355', '9355', 'Antwoord', `geen eerder verzoek met referentie ${message.answer.reference}`));
      }
      break;
    case 'JW323': {
      let sum = 0;
      for (const c of message.clients) {
        for (const line of c.lines) {
          sum += line.credit ? -line.amountCents : line.amountCents;
          out.push(...checkDeclarationLine(line, known, m));
        }
      }
      const total = message.declaration.credit ? -message.declaration.totalCents : message.declaration.totalCents;
      if (sum !== total)
        out.push(
          v(
            'TR358',
            '0001',
            'Declaratie',
            `totaalbedrag ${euro(total)} is niet de som van de prestaties (${euro(sum)})`,
          ),
        );
      break;
    }
  }
  return out;
}

/**
 * TR134 (retour code 0001): the dates the region counts with may not lie after the message's Dagtekening: the
 * allocation date (JW301), a start's begindatum (JW305), a stop's einddatum (JW307), and the begindatum of a
 * declaration's period and of each of its performances (JW323). One message with a date far ahead would otherwise
 * move the region's data date, and with it every follow-up window (herhaald beroep). The client's birth date is under
 * the same rule in the standard; the import keeps only its year and does not check it.
 */
function datesAfterMessageDate(message: ParsedMessage): Violation[] {
  if (message.type === 'RETOUR') return [];
  const day = message.header.messageDate;
  const dates: Array<[path: string, what: string, date: string | null]> = [];
  switch (message.type) {
    case 'JW301':
      for (const a of message.allocations) dates.push([a.path, 'toewijzingsdatum', a.allocationDate]);
      break;
    case 'JW305':
      for (const d of message.deliveries) dates.push([d.path, 'begindatum', d.date]);
      break;
    case 'JW307':
      for (const d of message.deliveries) dates.push([d.path, 'einddatum', d.endDate]);
      break;
    case 'JW323':
      dates.push(['Declaratie', 'begindatum van de declaratieperiode', message.declaration.periodStart]);
      for (const c of message.clients)
        for (const line of c.lines) dates.push([line.path, 'begindatum van de productperiode', line.periodStart]);
      break;
  }
  return dates
    .filter(([, , date]) => date && day && date > day)
    .map(([path, what, date]) =>
      v('TR134', '0001', path, `${what} ${date} ligt na de dagtekening ${day} van het bericht`),
    );
}

function checkDeclarationLine(line: DeclarationLine, known: Knowledge, municipality: string): Violation[] {
  const a = known.allocation(municipality, line.allocationNumber);
  const at = line.path;
  if (!a)
    return [v('TR338', '9338', at, `prestatie ${line.reference}: toewijzing ${line.allocationNumber} is niet bekend`)];
  const out: Violation[] = [];
  if (a.productCategory && a.productCategory !== line.productCategory)
    out.push(
      v(
        'TR339',
        '9339',
        at,
        `productcategorie ${line.productCategory} wijkt af van de toewijzing (${a.productCategory})`,
      ),
    );
  if (a.productCode && line.productCode && a.productCode !== line.productCode)
    out.push(v('TR340', '9340', at, `productcode ${line.productCode} wijkt af van de toewijzing (${a.productCode})`));
  if (a.unit && a.unit !== line.unit)
    out.push(v('TR341', '9341', at, `eenheid ${line.unit} past niet bij de toewijzing (${a.unit})`));
  if (line.periodStart < a.startDate)
    out.push(
      v(
        'TR307',
        '9307',
        at,
        `productperiode begint ${line.periodStart}, voor de ingangsdatum ${a.startDate} van de toewijzing`,
      ),
    );
  if (a.endDate && line.periodEnd > a.endDate)
    out.push(
      v(
        'TR308',
        '9308',
        at,
        `productperiode eindigt ${line.periodEnd}, na de einddatum ${a.endDate} van de toewijzing`,
      ),
    );
  if (a.volume !== null && !line.credit) {
    const max = maxDeclarableVolume({ volume: a.volume, frequency: a.frequency }, line.periodStart, line.periodEnd);
    if (line.volume > max)
      out.push(
        v('TR321', '9321', at, `geleverd volume ${line.volume} is meer dan toegewezen voor deze periode (${max})`),
      );
  }
  if (line.unit !== '83' && line.tariffCents !== null && line.volume * line.tariffCents !== line.amountCents) {
    out.push(
      v(
        'TR346',
        '9346',
        at,
        `bedrag ${euro(line.amountCents)} is niet volume × tarief (${line.volume} × ${euro(line.tariffCents)})`,
      ),
    );
  }
  return out;
}

function describe(d: {
  allocationNumber: string | null;
  productCode: string | null;
  productCategory: string | null;
}): string {
  return d.allocationNumber
    ? `toewijzing ${d.allocationNumber}`
    : `product ${d.productCategory ?? ''}${d.productCode ? `/${d.productCode}` : ''}`;
}

function euro(cents: number): string {
  return `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
}

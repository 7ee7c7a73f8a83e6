import { child, children, text, type XmlElement } from './xml.js';

/** The message types the region receives, with the party that sends them. */
export const inboundTypes = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323'] as const;
export type InboundType = (typeof inboundTypes)[number];
/** Retour messages also pass between the parties; the region keeps their verdicts with the original's identity. */
export const retourTypes = ['JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320', 'JW325'] as const;
export type RetourType = (typeof retourTypes)[number];
const retourOf: Record<RetourType, InboundType> = {
  JW302: 'JW301',
  JW306: 'JW305',
  JW308: 'JW307',
  JW316: 'JW315',
  JW318: 'JW317',
  JW320: 'JW319',
  JW325: 'JW323',
};
const sentByMunicipality = new Set<InboundType>(['JW301', 'JW319']);

export interface Header {
  type: InboundType;
  sender: string;
  receiver: string;
  municipalityCode: string;
  providerAgb: string;
  messageId: string;
  messageDate: string;
}

export interface Omvang {
  volume: number | null;
  unit: string | null;
  frequency: string | null;
}
interface Line {
  path: string;
}

export interface AllocationLine extends Line, Omvang {
  allocationNumber: string;
  providerReference: string | null;
  productCategory: string | null;
  productCode: string | null;
  allocationDate: string;
  startDate: string;
  endDate: string | null;
  budgetCents: number | null;
  changeReason: string | null;
}
export interface DeliveryLine extends Line {
  allocationNumber: string | null;
  productCategory: string | null;
  productCode: string | null;
  allocationStartDate: string | null;
  date: string;
  endDate: string | null;
  endReason: string | null;
  status: string;
}
export interface RequestLine extends Line, Omvang {
  providerReference: string | null;
  allocationNumber: string | null;
  productCategory: string | null;
  productCode: string | null;
  requestedStart: string | null;
  requestedEnd: string | null;
  referrerType: string | null;
}
export interface DeclarationLine extends Line {
  reference: string;
  allocationNumber: string;
  productCategory: string;
  productCode: string | null;
  periodStart: string;
  periodEnd: string;
  volume: number;
  unit: string;
  tariffCents: number | null;
  amountCents: number;
  credit: boolean;
}

/** The client as the rest of the system sees it: a keyed pseudonym, never the BSN. */
interface Client {
  pseudonym: string;
  birthYear: number | null;
  /** 1–12: with the year, enough to know the age on a month's last day; the full birth date is not kept (docs/kpi.md). */
  birthMonth: number | null;
}

export type Pseudonymise = (bsn: string) => string;

export type ParsedMessage =
  | { type: 'JW301'; header: Header; client: Client; allocations: AllocationLine[] }
  | { type: 'JW305' | 'JW307'; header: Header; client: Client; deliveries: DeliveryLine[] }
  | { type: 'JW315'; header: Header; client: Client; requests: RequestLine[] }
  | {
      type: 'JW317';
      header: Header;
      client: Client;
      reference: string | null;
      keptOrChanged: Array<Line & { allocationNumber: string }>;
      requests: RequestLine[];
    }
  | {
      type: 'RETOUR';
      retourType: RetourType;
      header: Header;
      retourId: string;
      retourDate: string;
      codes: Array<{ path: string; code: string }>;
    }
  | {
      type: 'JW319';
      header: Header;
      answer: { reference: string | null; answer: string; refusalReason: string | null };
    }
  | {
      type: 'JW323';
      header: Header;
      declaration: { number: string; periodStart: string; periodEnd: string; totalCents: number; credit: boolean };
      clients: Array<{ pseudonym: string; path: string; lines: DeclarationLine[] }>;
    };

/** Reads the message type from the root's namespace (…/ijw/3_2/jw301/schema), the only reliable source. */
export function messageTypeOf(root: XmlElement): string | null {
  const m = root.ns.match(/^http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/(jw\d{3})\/schema$/);
  return m && root.name === 'Bericht' ? m[1]!.toUpperCase() : null;
}

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const str = (s: string | undefined) => (s === undefined || s === '' ? null : s);
const indexed = (base: string, name: string, i: number) => `${base}/${name}[${i + 1}]`;

export function readHeader(root: XmlElement, type: InboundType): Header {
  const sender = text(root, 'Header/Afzender') ?? '';
  const receiver = text(root, 'Header/Ontvanger') ?? '';
  const byMunicipality = sentByMunicipality.has(type);
  return {
    type,
    sender,
    receiver,
    municipalityCode: byMunicipality ? sender : receiver,
    providerAgb: byMunicipality ? receiver : sender,
    messageId: text(root, 'Header/BerichtIdentificatie/Identificatie') ?? '',
    messageDate: text(root, 'Header/BerichtIdentificatie/Dagtekening') ?? '',
  };
}

function readClient(root: XmlElement, pseudonymise: Pseudonymise): Client {
  const birth = text(root, 'Client/Geboortedatum/Datum');
  return {
    pseudonym: pseudonymise(text(root, 'Client/Bsn') ?? ''),
    birthYear: birth ? Number(birth.slice(0, 4)) : null,
    birthMonth: birth && /^\d{4}-\d{2}/.test(birth) ? Number(birth.slice(5, 7)) : null,
  };
}

function readOmvang(el: XmlElement): Omvang {
  return {
    volume: num(text(el, 'Omvang/Volume')),
    unit: str(text(el, 'Omvang/Eenheid')),
    frequency: str(text(el, 'Omvang/Frequentie')),
  };
}

/**
 * Turns a schema-valid message into typed lines, each with the path that a retour code would point at. The BSN is
 * replaced by its pseudonym here, at the boundary: nothing after this function ever holds it.
 */
export function readMessage(root: XmlElement, type: InboundType, pseudonymise: Pseudonymise): ParsedMessage {
  const header = readHeader(root, type);
  switch (type) {
    case 'JW301':
      return {
        type,
        header,
        client: readClient(root, pseudonymise),
        allocations: children(root, 'Client/ToegewezenProducten/ToegewezenProduct').map((p, i) => ({
          path: indexed('Client/ToegewezenProducten', 'ToegewezenProduct', i),
          allocationNumber: text(p, 'ToewijzingNummer') ?? '',
          providerReference: str(text(p, 'ReferentieAanbieder')),
          productCategory: str(text(p, 'Product/Categorie')),
          productCode: str(text(p, 'Product/Code')),
          allocationDate: text(p, 'Toewijzingsdatum') ?? header.messageDate,
          startDate: text(p, 'Ingangsdatum') ?? '',
          endDate: str(text(p, 'Einddatum')),
          ...readOmvang(p),
          budgetCents: num(text(p, 'Budget')),
          changeReason: str(text(p, 'RedenWijziging')),
        })),
      };
    case 'JW305':
    case 'JW307': {
      const name = type === 'JW305' ? 'StartProduct' : 'StopProduct';
      return {
        type,
        header,
        client: readClient(root, pseudonymise),
        deliveries: children(root, `Client/${name}en/${name}`).map((p, i) => ({
          path: indexed(`Client/${name}en`, name, i),
          allocationNumber: str(text(p, 'ToewijzingNummer')),
          productCategory: str(text(p, 'Product/Categorie')),
          productCode: str(text(p, 'Product/Code')),
          allocationStartDate: str(text(p, 'ToewijzingIngangsdatum')),
          date: text(p, 'Begindatum') ?? '',
          endDate: str(text(p, 'Einddatum')),
          endReason: str(text(p, 'RedenBeeindiging')),
          status: text(p, 'StatusAanlevering') ?? '1',
        })),
      };
    }
    case 'JW315':
      return {
        type,
        header,
        client: readClient(root, pseudonymise),
        requests: children(root, 'Client/AangevraagdeProducten/AangevraagdProduct').map((p, i) =>
          readRequest(p, indexed('Client/AangevraagdeProducten', 'AangevraagdProduct', i)),
        ),
      };
    case 'JW317': {
      const verzoek = child(root, 'Client/Verzoek');
      const kept = [
        ...children(verzoek, 'OngewijzigdeProducten/OngewijzigdProduct').map((p, i) => ({
          path: indexed('Client/Verzoek/OngewijzigdeProducten', 'OngewijzigdProduct', i),
          allocationNumber: text(p, 'ToewijzingNummer') ?? '',
        })),
        ...children(verzoek, 'TeWijzigenProducten/TeWijzigenProduct').map((p, i) => ({
          path: indexed('Client/Verzoek/TeWijzigenProducten', 'TeWijzigenProduct', i),
          allocationNumber: text(p, 'ToewijzingNummer') ?? '',
        })),
      ];
      const message: ParsedMessage & { type: 'JW317' } = {
        type,
        header,
        client: readClient(root, pseudonymise),
        reference: str(text(verzoek, 'ReferentieAanbieder')),
        keptOrChanged: kept,
        requests: children(verzoek, 'NieuweProducten/NieuwProduct').map((p, i) =>
          readRequest(
            p,
            indexed('Client/Verzoek/NieuweProducten', 'NieuwProduct', i),
            text(verzoek, 'ReferentieAanbieder'),
          ),
        ),
      };
      // A request that only changes or keeps products is still a request the municipality answers (JW319, TR355).
      if (message.requests.length === 0 && verzoek) message.requests.push(readRequest(verzoek, 'Client/Verzoek'));
      return message;
    }
    case 'JW319':
      return {
        type,
        header,
        answer: {
          reference: str(text(root, 'Antwoord/ReferentieAanbieder')),
          answer: text(root, 'Antwoord/VerzoekAntwoord') ?? '',
          refusalReason: str(text(root, 'Antwoord/RedenAfwijzingVerzoek')),
        },
      };
    case 'JW323': {
      const d = child(root, 'Declaratie');
      return {
        type,
        header,
        declaration: {
          number: text(d, 'DeclaratieNummer') ?? '',
          periodStart: text(d, 'DeclaratiePeriode/Begindatum') ?? '',
          periodEnd: text(d, 'DeclaratiePeriode/Einddatum') ?? '',
          totalCents: num(text(d, 'TotaalIngediendBedrag/TotaalBedrag')) ?? 0,
          credit: text(d, 'TotaalIngediendBedrag/DebetCredit') === 'C',
        },
        clients: children(d, 'Clienten/Client').map((c, ci) => ({
          pseudonym: pseudonymise(text(c, 'Bsn') ?? ''),
          path: indexed('Declaratie/Clienten', 'Client', ci),
          lines: children(c, 'Prestaties/Prestatie').map((p, pi) => ({
            path: `${indexed('Declaratie/Clienten', 'Client', ci)}/Prestaties/Prestatie[${pi + 1}]`,
            reference: text(p, 'ProductReferentie/ReferentieNummer') ?? '',
            allocationNumber: text(p, 'ToewijzingNummer') ?? '',
            productCategory: text(p, 'ProductCategorie') ?? '',
            productCode: str(text(p, 'ProductCode')),
            periodStart: text(p, 'ProductPeriode/Begindatum') ?? '',
            periodEnd: text(p, 'ProductPeriode/Einddatum') ?? '',
            volume: num(text(p, 'GeleverdVolume')) ?? 0,
            unit: text(p, 'Eenheid') ?? '',
            tariffCents: num(text(p, 'ProductTarief')),
            amountCents: num(text(p, 'IngediendBedrag/Bedrag')) ?? 0,
            credit: text(p, 'IngediendBedrag/DebetCredit') === 'C',
          })),
        })),
      };
    }
  }
}

function readRequest(p: XmlElement, path: string, reference?: string): RequestLine {
  return {
    path,
    providerReference: str(text(p, 'ReferentieAanbieder') ?? reference),
    allocationNumber: str(text(p, 'ToewijzingNummer')),
    productCategory: str(text(p, 'Product/Categorie')),
    productCode: str(text(p, 'Product/Code')),
    requestedStart: str(text(p, 'ToewijzingIngangsdatum') ?? text(p, 'GewensteIngangsdatum')),
    requestedEnd: str(text(p, 'ToewijzingEinddatum') ?? text(p, 'Einddatum')),
    ...readOmvang(p),
    referrerType: str(text(p, 'Verwijzer/Type')),
  };
}

/**
 * A retour echoes the original header (so Afzender is the original sender) and adds its own identification; its
 * identity is IdentificatieRetour from the original receiver.
 */
export function readRetour(root: XmlElement, retourType: RetourType): ParsedMessage & { type: 'RETOUR' } {
  if (retourType === 'JW325') {
    // The declaratie-antwoord is a message of its own: the municipality sends it, and DeclaratieIdentificatie names the JW323.
    const header = readHeader(root, 'JW319');
    return {
      type: 'RETOUR',
      retourType,
      header: { ...header, messageId: text(root, 'Header/DeclaratieIdentificatie') ?? '' },
      retourId: header.messageId,
      retourDate: header.messageDate,
      codes: collectCodes(root),
    };
  }
  const header = readHeader(root, retourOf[retourType]);
  return {
    type: 'RETOUR',
    retourType,
    header: { ...header, sender: header.receiver, receiver: header.sender },
    retourId: text(root, 'Header/IdentificatieRetour') ?? '',
    retourDate: text(root, 'Header/DagtekeningRetour') ?? '',
    codes: collectCodes(root),
  };
}

/** Every RetourCode with the path of the class it judges. */
function collectCodes(root: XmlElement): Array<{ path: string; code: string }> {
  const codes: Array<{ path: string; code: string }> = [];
  const walk = (el: XmlElement, path: string) => {
    for (const c of el.children) {
      if (c.name === 'RetourCode') codes.push({ path: path.replace(/\/RetourCodes$/, ''), code: c.text });
      else walk(c, path ? `${path}/${c.name}` : c.name);
    }
  };
  walk(root, '');
  return codes;
}

/** Records as the benchmark counts them: one per client per message. */
export function recordCount(message: ParsedMessage): number {
  return message.type === 'JW323' ? message.clients.length : 1;
}

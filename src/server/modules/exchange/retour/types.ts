import type { XmlElement } from '../xml.js';

/** The iJw 3.2 messages that are answered with a retour (the "heenberichten"). */
export type HeenType = 'JW301' | 'JW305' | 'JW307' | 'JW315' | 'JW317' | 'JW319' | 'JW323';
/** The retour (or, for JW323, declaratie-antwoord) message that answers each of them. */
export type RetourType = 'JW302' | 'JW306' | 'JW308' | 'JW316' | 'JW318' | 'JW320' | 'JW325';

export interface RetourInput {
  /** The RECEIVED message's type. */
  messageType: HeenType;
  /** Parsed received message (well-formed; may be schema-invalid). */
  original: XmlElement;
  /**
   * Retour codes per element of the received message, keyed by path of local names with 1-based indexes for
   * repeated siblings: 'Header', 'Client', 'Client/ToegewezenProducten/ToegewezenProduct[2]', 'Declaratie',
   * 'Declaratie/Clienten/Client[3]/Prestaties/Prestatie[1]' (for JW323 'Clienten/Client[3]/…' and 'Client[3]/…'
   * are accepted too). A missing index means [1]; a leading 'Bericht/' is ignored. A code on an element that is
   * not a message class (e.g. 'Header/BerichtIdentificatie/Dagtekening', 'Client/Bsn') belongs to the nearest
   * enclosing class, because RetourCodes exist only at class level (IV032: "bij de berichtklasse waarin de fout
   * geconstateerd is").
   */
  codes: Map<string, string[]>;
  /** IdentificatieRetour (for JW325: Identificatie of its own BerichtIdentificatie); 1–12 characters (RS017). */
  retourIdentification: string;
  /** DagtekeningRetour (for JW325: Dagtekening of its own BerichtIdentificatie), YYYY-MM-DD. */
  retourDate: string;
  /**
   * Optional XsltVersie (IV033): the version of the official XSLTs used to check the message. The standard makes
   * it mandatory when the message is rejected on the basis of those XSLTs (code 0001); omitted when not given.
   */
  xsltVersion?: string;
}

/** The caller handed in something that cannot become a schema-valid retour (unknown path, code, too long id …). */
export class RetourInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetourInputError';
  }
}

const retourTypes = {
  JW301: 'JW302',
  JW305: 'JW306',
  JW307: 'JW308',
  JW315: 'JW316',
  JW317: 'JW318',
  JW319: 'JW320',
  JW323: 'JW325',
} as const satisfies Record<HeenType, RetourType>;

/** 'JW301' → 'JW302', …, 'JW323' → 'JW325'. */
export function retourTypeOf<T extends HeenType>(messageType: T): (typeof retourTypes)[T] {
  return retourTypes[messageType];
}

/** True for the message types that buildRetour answers. */
export function isHeenType(messageType: string): messageType is HeenType {
  return Object.hasOwn(retourTypes, messageType);
}

/** Namespace of the shared iJw 3.2 basisschema (CDT children such as ijw:Identificatie). */
export const BASIS_NS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';

/** Namespace of one iJw 3.2 message, e.g. http://www.istandaarden.nl/ijw/3_2/jw302/schema. */
export function messageNs(type: string): string {
  return `http://www.istandaarden.nl/ijw/3_2/${type.toLowerCase()}/schema`;
}

/** Maximum length of IdentificatieRetour / Identificatie (LDT_IdentificatieBericht, rule RS017). */
export const MAX_IDENTIFICATIE_LENGTH = 12;

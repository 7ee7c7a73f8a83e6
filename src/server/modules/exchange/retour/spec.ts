import type { HeenType, RetourType } from './types.js';

/**
 * What the retour XSDs require, per received message type. Every class listed here carries a mandatory
 * RetourCodes element as its LAST child in the retour XSD; all other elements are the received message's
 * elements in the same order (the retour XSDs are the heen XSDs plus RetourCodes, checked one by one).
 */
export interface RetourSpec {
  retourType: RetourType;
  /** BerichtCode of the retour message (LDT_BerichtCode pattern in its XSD). */
  berichtCode: string;
  /** The class directly under Bericht that holds the content ('Client', 'Antwoord' or 'Declaratie'). */
  body: string;
  /** Name paths (from Bericht, no indexes) of the classes that get RetourCodes in the retour. */
  classes: readonly string[];
}

export const retourSpecs: Record<HeenType, RetourSpec> = {
  JW301: {
    retourType: 'JW302',
    berichtCode: '437',
    body: 'Client',
    classes: [
      'Client',
      'Client/Relaties/Relatie',
      'Client/Relaties/Relatie/Contact',
      'Client/Contactgegevens/Contact',
      'Client/ToegewezenProducten/ToegewezenProduct',
    ],
  },
  JW305: {
    retourType: 'JW306',
    berichtCode: '439',
    body: 'Client',
    classes: ['Client', 'Client/StartProducten/StartProduct'],
  },
  JW307: {
    retourType: 'JW308',
    berichtCode: '441',
    body: 'Client',
    classes: ['Client', 'Client/StopProducten/StopProduct'],
  },
  JW315: {
    retourType: 'JW316',
    berichtCode: '447',
    body: 'Client',
    classes: ['Client', 'Client/AangevraagdeProducten/AangevraagdProduct'],
  },
  JW317: {
    retourType: 'JW318',
    berichtCode: '487',
    body: 'Client',
    classes: [
      'Client',
      'Client/Verzoek',
      'Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct',
      'Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct',
      'Client/Verzoek/NieuweProducten/NieuwProduct',
    ],
  },
  JW319: {
    retourType: 'JW320',
    berichtCode: '489',
    body: 'Antwoord',
    classes: ['Antwoord', 'Antwoord/Woonplaatsbeginsel'],
  },
  // JW325 is not an echo: Declaratie is answered by DeclaratieAntwoord (see declaratie-antwoord.ts).
  JW323: {
    retourType: 'JW325',
    berichtCode: '491',
    body: 'Declaratie',
    classes: ['Declaratie', 'Declaratie/Clienten/Client', 'Declaratie/Clienten/Client/Prestaties/Prestatie'],
  },
};

/** Codes that say "no remark" / "not assessed" / "fully granted" rather than reject a class. */
export const NO_REMARK = '0200';
export const NOT_ASSESSED = '0233';
export const FULLY_GRANTED = '8001';
export const TECHNICAL = '0001';
const neutral = new Set([NO_REMARK, NOT_ASSESSED, FULLY_GRANTED]);

/** The codes that reject a class (everything but 0200, 0233 and 8001). */
export function rejections(codes: readonly string[] | undefined): string[] {
  return (codes ?? []).filter((c) => !neutral.has(c));
}

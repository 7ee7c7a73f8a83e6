import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeenType, RetourType } from './types.js';

/**
 * Facts the retour writer takes from the schemas themselves, so that they follow a schema update: the allowed
 * retour codes (LDT_RetourCode, code list WJ001, in basisschema.xsd) and the XSD versions that XsdVersieRetour /
 * XsdVersie must carry (IV034: "overgenomen uit de schemadefinitie … xs:appinfo").
 */
const schemaDir = join(import.meta.dirname, '..', 'schemas', 'ijw-3.2');

let retourCodes: ReadonlySet<string> | undefined;
const versions = new Map<RetourType | HeenType, XsdVersie>();

export interface XsdVersie {
  basisschema: string;
  bericht: string;
}

/** The values of LDT_RetourCode in basisschema.xsd (0001, 0200, 0233, 8001, 8848, 9019, …). */
export function allowedRetourCodes(): ReadonlySet<string> {
  if (retourCodes) return retourCodes;
  const xsd = readFileSync(join(schemaDir, 'basisschema.xsd'), 'utf8');
  const start = xsd.indexOf('<xs:simpleType name="LDT_RetourCode">');
  const end = xsd.indexOf('</xs:simpleType>', start);
  if (start < 0 || end < 0) throw new Error('basisschema.xsd: LDT_RetourCode niet gevonden');
  const values = [...xsd.slice(start, end).matchAll(/<xs:enumeration value="([^"]+)"/g)].map((m) => m[1] ?? '');
  if (!values.length) throw new Error('basisschema.xsd: LDT_RetourCode heeft geen waarden');
  retourCodes = new Set(values);
  return retourCodes;
}

/** BasisschemaXsdVersie and BerichtXsdVersie from the appinfo of a message type's XSD (a retour's own, mostly). */
export function xsdVersieOf(type: RetourType | HeenType): XsdVersie {
  const known = versions.get(type);
  if (known) return known;
  const xsd = readFileSync(join(schemaDir, `${type}.xsd`), 'utf8');
  const pick = (tag: string): string => {
    const value = new RegExp(`<ijw:${tag}>([^<]+)</ijw:${tag}>`).exec(xsd)?.[1]?.trim();
    if (!value) throw new Error(`${type}.xsd: ${tag} ontbreekt in xs:appinfo`);
    return value;
  };
  const found = { basisschema: pick('BasisschemaXsdVersie'), bericht: pick('BerichtXsdVersie') };
  versions.set(type, found);
  return found;
}

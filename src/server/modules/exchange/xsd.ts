import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ParseOption, XmlBufferInputProvider, XmlDocument, XmlParseError, XmlValidateError, XsdValidator, xmlRegisterInputProvider,
} from 'libxml2-wasm';

const schemaDir = join(import.meta.dirname, 'schemas', 'ijw-3.2');

/** Parse options: no network, no external entities; never NOENT, DTDLOAD or HUGE. */
const safeParse = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

export interface SchemaIssue { line: number; path: string; message: string }

let validators: Map<string, XsdValidator> | undefined;

/**
 * Compiles the message schemas once per process. Only basisschema.xsd can be loaded by an import, and only from
 * memory: libxml2 is never given access to the file system, so a message cannot make it read a file.
 */
function loadValidators(): Map<string, XsdValidator> {
  if (validators) return validators;
  xmlRegisterInputProvider(new XmlBufferInputProvider({ 'mem:/basisschema.xsd': readFileSync(join(schemaDir, 'basisschema.xsd')) }));
  const map = new Map<string, XsdValidator>();
  for (const file of readdirSync(schemaDir).filter((f) => /^JW\d{3}\.xsd$/.test(f))) {
    const doc = XmlDocument.fromBuffer(readFileSync(join(schemaDir, file)), { url: `mem:/${file}` });
    try {
      map.set(file.slice(0, 5), XsdValidator.fromDoc(doc));
    } finally {
      doc.dispose();
    }
  }
  validators = map;
  return map;
}

/** The message types we hold a schema for (JW301 … JW325). */
export function knownMessageTypes(): string[] {
  return [...loadValidators().keys()].sort();
}

/** Validates one message against the official XSD of its type; returns libxml2's findings (empty when valid). */
export function validateAgainstXsd(messageType: string, bytes: Uint8Array): SchemaIssue[] {
  const validator = loadValidators().get(messageType);
  if (!validator) return [{ line: 0, path: '', message: `geen XSD voor berichttype ${messageType}` }];
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromBuffer(bytes, { option: safeParse });
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError || e instanceof XmlParseError) {
      return e.details.map((d) => ({ line: d.line, path: d.xpath ?? '', message: tidy(d.message) }));
    }
    throw e;
  } finally {
    doc?.dispose();
  }
}

/** libxml2 names elements as {namespace}Local; the namespace adds nothing for a reader. */
function tidy(message: string): string {
  return message.trim().replace(/\{http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/[a-z0-9]+\/schema\}/g, '');
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { XsdValidator } from 'libxml2-wasm';

/** The official iJw 3.2 XSDs the import checks against (see schemas/SOURCES.md). */
export const schemaDir = join(import.meta.dirname, 'schemas', 'ijw-3.2');

export interface SchemaIssue {
  line: number;
  path: string;
  message: string;
}

type Libxml2 = typeof import('libxml2-wasm');
let lib: Libxml2 | undefined;
let validators: Map<string, XsdValidator> | undefined;

/**
 * Loads libxml2 (WebAssembly) and compiles the message schemas, once per thread. It is loaded on demand rather than
 * with this module, so a thread that never validates (the main thread of a large import, whose workers validate)
 * does not carry it. Every thread that validates awaits this first.
 */
export async function loadXsdSupport(): Promise<void> {
  lib ??= await import('libxml2-wasm');
  loadValidators();
}

/**
 * Compiles the message schemas once per thread. Only basisschema.xsd can be loaded by an import, and only from
 * memory: libxml2 is never given access to the file system, so a message cannot make it read a file.
 */
function loadValidators(): Map<string, XsdValidator> {
  if (validators) return validators;
  if (!lib) throw new Error('XSD-validatie is niet geladen: wacht eerst op loadXsdSupport()');
  const { XmlBufferInputProvider, XmlDocument, XsdValidator, xmlRegisterInputProvider } = lib;
  xmlRegisterInputProvider(
    new XmlBufferInputProvider({ 'mem:/basisschema.xsd': readFileSync(join(schemaDir, 'basisschema.xsd')) }),
  );
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
  const { ParseOption, XmlDocument, XmlParseError, XmlValidateError } = lib!;
  let doc: InstanceType<Libxml2['XmlDocument']> | undefined;
  try {
    // No network, no external entities; never NOENT, DTDLOAD or HUGE.
    doc = XmlDocument.fromBuffer(bytes, { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE });
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

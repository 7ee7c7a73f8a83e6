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

/** What one validation found: the first findings, at most `maxSchemaIssues`, and how many there were in all. */
export interface SchemaFindings {
  issues: SchemaIssue[];
  total: number;
}

/**
 * The findings of one file that are kept with their place and reported; the rest are only counted. A hostile file of
 * 25 MB can hold hundreds of thousands of schema errors, and libxml2-wasm's own collector keeps every one with its
 * XPath, whose cost grows with the element's position among its siblings (100,000 errors: 71 s and 142 MB).
 */
export const maxSchemaIssues = 20;

type Libxml2 = typeof import('libxml2-wasm');
type Libxml2Raw = typeof import('libxml2-wasm/lib/libxml2.mjs');
let lib: Libxml2 | undefined;
let raw: Libxml2Raw | undefined;
let validators: Map<string, XsdValidator> | undefined;

/**
 * Loads libxml2 (WebAssembly) and compiles the message schemas, once per thread. It is loaded on demand rather than
 * with this module, so a thread that never validates (the main thread of a large import, whose workers validate)
 * does not carry it. Every thread that validates awaits this first.
 */
export async function loadXsdSupport(): Promise<void> {
  lib ??= await import('libxml2-wasm');
  raw ??= await import('libxml2-wasm/lib/libxml2.mjs');
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

/**
 * Validates one message against the official XSD of its type; returns libxml2's first findings (empty when valid), each
 * in Dutch and without the value that was found (see `describeIssue`).
 */
export function validateAgainstXsd(messageType: string, bytes: Uint8Array): SchemaIssue[] {
  return findSchemaIssues(messageType, bytes).issues;
}

/**
 * Validates one message and counts every finding but keeps only the first `maxSchemaIssues`: libxml2 cannot be told to
 * stop, so the findings after those are counted without asking for their place or words.
 */
export function findSchemaIssues(messageType: string, bytes: Uint8Array): SchemaFindings {
  const validator = loadValidators().get(messageType);
  if (!validator)
    return { issues: [{ line: 0, path: '', message: `geen XSD voor berichttype ${messageType}` }], total: 1 };
  const { ParseOption, XmlDocument, XmlParseError } = lib!;
  let doc: InstanceType<Libxml2['XmlDocument']>;
  try {
    // No network, no external entities; never NOENT, DTDLOAD or HUGE.
    doc = XmlDocument.fromBuffer(bytes, { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE });
  } catch (e) {
    if (!(e instanceof XmlParseError)) throw e;
    const issues = e.details.map((d) => ({
      line: d.line,
      path: d.xpath ?? '',
      message: describeIssue(d.message, d.xpath),
    }));
    return { issues: issues.slice(0, maxSchemaIssues), total: issues.length };
  }
  try {
    const found = validateCapped(validator, doc);
    return {
      issues: found.kept.map((d) => ({
        line: d.line,
        path: d.xpath ?? '',
        message: describeIssue(d.message, d.xpath),
      })),
      total: found.total,
    };
  } finally {
    doc.dispose();
  }
}

interface RawFinding {
  message: string;
  line: number;
  xpath: string | null;
}

/** The findings of the validation running on this thread (validation is synchronous, so one at a time). */
let sink: { kept: RawFinding[]; total: number } | undefined;
let collector: number | undefined;

/** Pointers libxml2-wasm keeps on its objects without declaring them. */
interface WithPointer {
  _ptr: number;
}

/**
 * XsdValidator.validate with a collector of our own: libxml2-wasm's collector has no cap (see `maxSchemaIssues`). It
 * uses the library's internal module (`lib/libxml2.mjs`, the same calls `validate` makes); xsd.test.ts fails when an
 * update of libxml2-wasm changes them.
 */
function validateCapped(validator: XsdValidator, doc: InstanceType<Libxml2['XmlDocument']>) {
  const r = raw!;
  collector ??= (
    r as unknown as { addFunction: (f: (i: number, err: number) => void, sig: string) => number }
  ).addFunction((_index, err) => {
    if (!sink) return;
    sink.total += 1;
    if (sink.kept.length >= maxSchemaIssues) return;
    const xpath = r.xmlGetNodePath(r.XmlErrorStruct.node(err));
    sink.kept.push({ message: r.XmlErrorStruct.message(err), line: r.XmlErrorStruct.line(err), xpath });
  }, 'vii');
  const ctx = r.xmlSchemaNewValidCtxt((validator as unknown as WithPointer)._ptr);
  const found = { kept: [] as RawFinding[], total: 0 };
  sink = found;
  try {
    r.xmlSchemaSetValidStructuredErrors(ctx, collector, 0);
    const ret = r.xmlSchemaValidateDoc(ctx, (doc as unknown as WithPointer)._ptr);
    if (ret < 0) throw new Error('XSD-validatie: ongeldige invoer of interne fout van libxml2');
    // Valid is what libxml2 answers, as XsdValidator.validate has it: warnings alone do not make a finding.
    if (ret === 0) return { kept: [], total: 0 };
    if (found.total === 0) found.total = 1;
  } finally {
    sink = undefined;
    r.xmlSchemaFreeValidCtxt(ctx);
  }
  if (found.total > 0 && found.kept.length === 0)
    found.kept.push({ message: 'voldoet niet aan het schema.', line: 0, xpath: null });
  return found;
}

/** What the schema says after the value; every pattern is anchored at the end, so a value cannot pose as schema. */
const facets: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [
    /^\[facet 'pattern'\] The value '.*' is not accepted by the pattern '([^']*)'\.$/s,
    (m) => `past niet in het patroon ${m[1]}`,
  ],
  [
    /^\[facet 'enumeration'\] The value '.*' is not an element of the set \{(.*)\}\.$/s,
    (m) => `is geen toegestane code${codes(m[1]!)}`,
  ],
  [
    /^\[facet 'maxLength'\] The value (?:'.*' )?has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$/s,
    (m) => `is te lang: ${m[1]} tekens, ten hoogste ${m[2]} toegestaan`,
  ],
  [
    /^\[facet 'minLength'\] The value (?:'.*' )?has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.$/s,
    (m) => (m[1] === '0' ? 'is leeg' : `is te kort: ${m[1]} tekens, ten minste ${m[2]} nodig`),
  ],
  [
    /^\[facet 'length'\] The value (?:'.*' )?has a length of '(\d+)'; this differs from the allowed length of '(\d+)'\.$/s,
    (m) => `heeft ${m[1]} tekens in plaats van ${m[2]}`,
  ],
  [
    /^\[facet 'maxInclusive'\] The value '.*' is greater than the maximum value allowed \('([^']*)'\)\.$/s,
    (m) => `is groter dan het maximum ${m[1]}`,
  ],
  [
    /^\[facet 'minInclusive'\] The value '.*' is less than the minimum value allowed \('([^']*)'\)\.$/s,
    (m) => `is kleiner dan het minimum ${m[1]}`,
  ],
  [/^\[facet 'maxExclusive'\] The value '.*' must be less than '([^']*)'\.$/s, (m) => `moet kleiner zijn dan ${m[1]}`],
  [
    /^\[facet 'minExclusive'\] The value '.*' must be greater than '([^']*)'\.$/s,
    (m) => `moet groter zijn dan ${m[1]}`,
  ],
  [
    /^\[facet 'totalDigits'\] The value '.*' has more digits than are allowed \('(\d+)'\)\.$/s,
    (m) => `heeft meer dan ${m[1]} cijfers`,
  ],
  [
    /^\[facet 'fractionDigits'\] The value '.*' has more fractional digits than are allowed \('(\d+)'\)\.$/s,
    (m) => `heeft meer dan ${m[1]} cijfers achter de komma`,
  ],
  [/^'.*' is not a valid value of the atomic type '([^']*)'\.$/s, (m) => `is geen geldige waarde van het type ${m[1]}`],
  [
    /^'.*' is not a valid value of the (?:local )?(?:atomic|list|union) type(?: '[^']*')?\.$/s,
    () => 'is geen geldige waarde van het type',
  ],
  [
    /^The value '.*' does not match the fixed value constraint '([^']*)'\.$/s,
    (m) => `moet de vaste waarde ${m[1]} hebben`,
  ],
];

/** The structure findings: they name elements of the schema, never content. */
const structure: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [
    /^This element is not expected\. Expected is(?: one of)? \(([^)]*)\)\.$/,
    (m) => `hoort hier niet; verwacht: ${m[1]!.trim()}.`,
  ],
  [/^This element is not expected\.$/, () => 'hoort hier niet.'],
  [
    /^Missing child element\(s\)\. Expected is(?: one of)? \(([^)]*)\)\.$/,
    (m) => `mist een verplicht onderdeel: ${m[1]!.trim()}.`,
  ],
  [
    /^Character content other than whitespace is not allowed because the content type is 'element-only'\.$/,
    () => 'mag geen tekst bevatten, alleen elementen.',
  ],
  [
    /^Element content is not allowed, because the content type is a simple type definition\.$/,
    () => 'mag alleen tekst bevatten, geen elementen.',
  ],
  [
    /^No matching global declaration available for the validation root\.$/,
    () => 'is niet het hoofdelement van dit berichttype.',
  ],
];

/** The allowed codes of an enumeration, as far as they read well in a reason (a long list is cut short). */
function codes(set: string): string {
  const values = [...set.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  if (!values.length) return '';
  return values.length > 12 ? ` (${values.slice(0, 12).join(', ')}, …)` : ` (${values.join(', ')})`;
}

/**
 * A libxml2 finding as a reason a contract manager can act on, without the value that was found: libxml2 quotes it
 * ("The value '12345678 ' is not accepted…"), and in an iJw message that value may be a BSN, a name, an address or a
 * birth date, which must never land in reasons, answers or the quarantine overview (docs/decisions.md). A finding is
 * rewritten by what the schema says; one this code does not know keeps its wording only when it quotes nothing and
 * shows no bytes, else it says no more than that the element does not match the schema.
 */
export function describeIssue(raw: string, xpath?: string | null): string {
  const message = tidy(raw);
  const head = /^Element '([^']+)'(?:, attribute '([^']+)')?: (.*)$/s.exec(message);
  const where = elementPath(xpath) ?? head?.[1];
  const subject = head ? `element ${where}${head[2] ? `, attribuut ${head[2]}` : ''}` : '';
  const rest = head ? head[3]! : message;
  if (head && !head[2]) {
    for (const [re, say] of structure) {
      const m = re.exec(rest);
      if (m) return `${subject} ${say(m)}`;
    }
  }
  if (head && /^The attribute '[^']+' is not allowed\.$/.test(rest)) return `${subject} is niet toegestaan.`;
  for (const [re, say] of facets) {
    const m = re.exec(rest);
    if (m) return `${subject ? `${subject}: de waarde` : 'een waarde'} ${say(m)}.`;
  }
  // libxml2's own words are English: a finding not known above is said in Dutch, without them (B1, and no value).
  if (/encoding|UTF-8|bytes/i.test(rest))
    return 'het bestand bevat tekens die niet als UTF-8 zijn geschreven; sla het bericht op als UTF-8.';
  return `${subject || 'het bericht'} voldoet niet aan het schema.`;
}

/** libxml2's XPath of the element without prefixes and Bericht: 'Client/Relaties/Relatie[1]/Contact/Adres'. */
function elementPath(xpath: string | null | undefined): string | undefined {
  const steps = (xpath ?? '')
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/^[\w.-]+:/, ''));
  if (steps[0] === 'Bericht') steps.shift();
  return steps.length && steps.every((s) => /^[\w.-]+(\[\d+\])?$/.test(s)) ? steps.join('/') : undefined;
}

/** libxml2 names elements as {namespace}Local; the namespace adds nothing for a reader. */
function tidy(message: string): string {
  return message.trim().replace(/\{http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/[a-z0-9]+\/schema\}/g, '');
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  inboundTypes,
  messageTypeOf,
  readMessage,
  readRetour,
  retourTypes,
  type InboundType,
  type ParsedMessage,
  type Pseudonymise,
  type RetourType,
} from './messages.js';
import { packHeader, packRetourSource } from './header-store.js';
import { isHeenType } from './retour/types.js';
import { checkBsns, type Violation } from './rules.js';
import { importLimits, sha256, tooLarge, type FileRef, type SourceItem } from './sources.js';
import { child, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { parseXmlFast } from './xml-fast.js';
import { findSchemaIssues } from './xsd.js';

export interface Identity {
  sender: string | null;
  receiver: string | null;
  messageId: string | null;
  messageDate: string | null;
}

/**
 * A file after reading, XML parsing, XSD validation and reading its data (BSNs already pseudonymised), before any
 * rule that needs the database. Plain data, so it can cross from a worker thread.
 */
export interface CheckedFile {
  name: string;
  /** The original bytes, for quarantine should a later rule reject the file; empty when it could not be read. */
  bytes: Uint8Array;
  hash: string;
  type: string | null;
  message: ParsedMessage | null;
  /** The Header element (packed, header-store.ts), kept for an accepted message's positive retour (IV028). */
  headerJson: string | null;
  /** What the retour of a message that is answered needs of it, packed (header-store.ts `packRetourSource`). */
  retourSource: string | null;
  violations: Violation[];
  status: 'accepted' | 'rejected';
  identity: Identity;
}

const noIdentity: Identity = { sender: null, receiver: null, messageId: null, messageDate: null };

/** Checks one source completely on the calling thread: an import worker (check-pool.ts), or the CLI's own thread. */
export function checkSource(source: SourceItem, pseudonymise: Pseudonymise): CheckedFile {
  if ('problem' in source) return unreadable(source.name, source.problem);
  let bytes: Buffer;
  if ('path' in source) {
    const read = readFileRef(source);
    if (typeof read === 'string') return unreadable(source.name, read);
    bytes = read;
  } else bytes = source.bytes;
  // Every path is held to OP179, whoever made the source: an oversized file is never parsed.
  if (bytes.byteLength > importLimits.maxFileBytes) return unreadable(source.name, tooLarge(bytes.byteLength));
  return checkBytes(source.name, bytes, pseudonymise);
}

export function unreadable(name: string, problem: string): CheckedFile {
  return {
    name,
    bytes: new Uint8Array(0),
    hash: '',
    type: null,
    message: null,
    headerJson: null,
    retourSource: null,
    status: 'rejected',
    violations: [{ rule: 'ZL010', code: '0001', path: '', message: problem }],
    identity: noIdentity,
  };
}

/** Reads a file, refusing one over the OP179 limit before reading it; a string is the reason it could not be read. */
function readFileRef(ref: FileRef): Buffer | string {
  let fd: number;
  try {
    fd = openSync(ref.path, 'r');
  } catch (e) {
    return `bestand kan niet worden gelezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > importLimits.maxFileBytes) return tooLarge(size);
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } catch (e) {
    return `bestand kan niet worden gelezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  } finally {
    closeSync(fd);
  }
}

function checkBytes(name: string, bytes: Buffer, pseudonymise: Pseudonymise): CheckedFile {
  const c: CheckedFile = {
    name,
    bytes,
    hash: sha256(bytes),
    type: null,
    message: null,
    headerJson: null,
    retourSource: null,
    status: 'rejected',
    violations: [],
    identity: noIdentity,
  };
  const reject = (rule: string, message: string, path = 'Header') => {
    c.violations.push({ rule, code: '0001', path, message });
    return c;
  };
  let root: XmlElement;
  try {
    root = parseTree(bytes);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return reject('XML', `geen geldige XML (regel ${e.line}): ${e.message}`, '');
    throw e;
  }
  c.type = messageTypeOf(root);
  if (!c.type)
    return reject(
      'ZL011',
      `onbekend berichttype: element ${root.name} in namespace "${root.ns}" is geen iJw 3.2-bericht`,
      '',
    );
  const header = root.children.find((h) => h.name === 'Header');
  const id = header?.children.find((x) => x.name === 'BerichtIdentificatie');
  c.identity = {
    sender: header?.children.find((x) => x.name === 'Afzender')?.text ?? null,
    receiver: header?.children.find((x) => x.name === 'Ontvanger')?.text ?? null,
    messageId: id?.children.find((x) => x.name === 'Identificatie')?.text ?? null,
    messageDate: id?.children.find((x) => x.name === 'Dagtekening')?.text ?? null,
  };
  const isRetour = (retourTypes as readonly string[]).includes(c.type);
  if (!isRetour && !(inboundTypes as readonly string[]).includes(c.type)) {
    return reject('ZL012', `${c.type} wordt niet tussen gemeenten en aanbieders uitgewisseld in iJw 3.2`);
  }
  const { issues, total } = findSchemaIssues(c.type, bytes);
  if (total) {
    for (const i of issues)
      c.violations.push({
        rule: 'XSD',
        code: '0001',
        path: 'Header',
        message: `voldoet niet aan ${c.type}.xsd (regel ${i.line}): ${i.message}`,
      });
    if (total > issues.length) {
      const more = (total - issues.length).toLocaleString('nl-NL');
      c.violations.push({
        rule: 'XSD',
        code: '0001',
        path: 'Header',
        message: `voldoet niet aan ${c.type}.xsd: en nog ${more} schemafouten, niet afzonderlijk gemeld`,
      });
    }
    return keepForRetour(c, root);
  }
  if (isRetour) {
    const retour = readRetour(root, c.type as RetourType);
    c.message = retour;
    c.identity = {
      sender: retour.header.sender,
      receiver: retour.header.receiver,
      messageId: retour.retourId,
      messageDate: retour.retourDate,
    };
  } else {
    // CS002 before the BSN is replaced by its pseudonym: a number that fails the 11-proef never becomes a client.
    c.violations.push(...checkBsns(root, c.type as InboundType));
    if (c.violations.length) return keepForRetour(c, root);
    c.message = readMessage(root, c.type as InboundType, pseudonymise);
  }
  if (header && isHeenType(c.type)) {
    const columns = { ...c.identity, messageDate: validDate(c.identity.messageDate) };
    c.headerJson = packHeader(header, root.ns, columns, child(root, 'Declaratie'));
  }
  c.status = 'accepted';
  return keepForRetour(c, root);
}

/** Keeps what the retour of a message that is answered (a heenbericht) needs, so it is never parsed again. */
function keepForRetour(c: CheckedFile, root: XmlElement): CheckedFile {
  if (c.type && isHeenType(c.type)) c.retourSource = packRetourSource(root, c.status === 'accepted');
  return c;
}

/**
 * The element tree: the fast reader for the usual shape, saxes for everything else (and for every error message).
 * A DOCTYPE always ends up with saxes, which refuses it before libxml2 ever sees the file.
 */
export function parseTree(bytes: Uint8Array): XmlElement {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return parseXmlFast(text) ?? parseXml(text);
}

/** The message date as the file's column keeps it: only a real calendar date. */
export function validDate(s: string | null): string | null {
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s)
    ? s
    : null;
}

import { dutchXmlError } from './plain-reasons.js';
import { SaxesParser } from 'saxes';

/** A light element tree: enough to read iJw messages and echo them in retour messages. */
export interface XmlElement {
  /** Local name without prefix, e.g. "ToegewezenProduct". */
  name: string;
  /** Namespace URI of the element. */
  ns: string;
  children: XmlElement[];
  /** Text content (trimmed) for leaf elements. */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * Limits that keep a hostile file from exhausting the thread that reads it; iJw messages are far below them. Parsing
 * stops at the first limit reached, so its cost stays linear in the size of the file.
 */
export const xmlLimits = { maxDepth: 32, maxElements: 2_000_000, maxAttributes: 64 } as const;

/**
 * Parses a message into a tree. A DOCTYPE is refused outright: iJw messages never carry one, and refusing it
 * closes the door on external entities and entity expansion ("billion laughs") before any parser sees them.
 *
 * The first error or limit ends the parse: the handlers throw out of saxes. Letting saxes go on would cost a file of
 * bad characters one Error (with its stack) per character, and a deeply nested one a cost that grows with the square
 * of its depth (saxes looks up every element's namespace through all open elements).
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let attributes = 0;
  parser.on('doctype', () => {
    throw new XmlSyntaxError('DOCTYPE is niet toegestaan in een iJw-bericht', parser.line);
  });
  parser.on('error', (e) => {
    // saxes words its findings in English (and may quote a name): said in Dutch, without names.
    throw new XmlSyntaxError(dutchXmlError(e.message), parser.line);
  });
  parser.on('opentagstart', () => {
    count += 1;
    attributes = 0;
    if (stack.length >= xmlLimits.maxDepth || count > xmlLimits.maxElements)
      throw new XmlSyntaxError('het bericht is te diep genest of te groot', parser.line);
  });
  parser.on('attribute', () => {
    if (++attributes > xmlLimits.maxAttributes)
      throw new XmlSyntaxError('een element heeft te veel attributen', parser.line);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local ?? tag.name,
      ns: tag.uri ?? '',
      children: [],
      text: '',
      line: parser.line,
    };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top && !top.children.length) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) el.text = el.children.length ? '' : el.text.trim();
  });
  parser.write(text).close();
  if (!root) throw new XmlSyntaxError('het bestand bevat geen XML-element', 1);
  return root;
}

const splitPaths = new Map<string, string[]>();

/** Paths are a handful of constants read millions of times in an import: split each once. */
function partsOf(path: string): string[] {
  let parts = splitPaths.get(path);
  if (!parts) splitPaths.set(path, (parts = path.split('/')));
  return parts;
}

function firstNamed(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/** The first child with this local name, following a path of names ("Client/Bsn"). */
export function child(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const name of partsOf(path)) {
    if (!cur) return undefined;
    cur = firstNamed(cur, name);
  }
  return cur;
}

/** All children with this local name at the end of a path ("ToegewezenProducten/ToegewezenProduct"). */
export function children(el: XmlElement | undefined, path: string): XmlElement[] {
  const parts = partsOf(path);
  let parent = el;
  for (let i = 0; i < parts.length - 1 && parent; i++) parent = firstNamed(parent, parts[i]!);
  const last = parts[parts.length - 1];
  return parent?.children.filter((c) => c.name === last) ?? [];
}

/** Text at a path, or undefined when the element is absent. */
export function text(el: XmlElement | undefined, path: string): string | undefined {
  return child(el, path)?.text;
}

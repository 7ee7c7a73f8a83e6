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

/** Limits that keep a hostile file from exhausting memory; iJw messages are far below them. */
export const xmlLimits = { maxDepth: 32, maxElements: 2_000_000 } as const;

/**
 * Parses a message into a tree. A DOCTYPE is refused outright: iJw messages never carry one, and refusing it
 * closes the door on external entities and entity expansion ("billion laughs") before any parser sees them.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let failure: XmlSyntaxError | undefined;
  parser.on('doctype', () => {
    failure ??= new XmlSyntaxError('DOCTYPE is niet toegestaan in een iJw-bericht', parser.line);
  });
  parser.on('error', (e) => {
    failure ??= new XmlSyntaxError(e.message.replace(/^\d+:\d+: /, ''), parser.line);
  });
  parser.on('opentag', (tag) => {
    count += 1;
    if (stack.length >= xmlLimits.maxDepth || count > xmlLimits.maxElements) {
      failure ??= new XmlSyntaxError('het bericht is te diep genest of te groot', parser.line);
    }
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
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) el.text = el.children.length ? '' : el.text.trim();
  });
  parser.write(text).close();
  if (failure) throw failure;
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

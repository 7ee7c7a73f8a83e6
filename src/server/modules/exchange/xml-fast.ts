import { xmlLimits, type XmlElement } from './xml.js';

/**
 * A fast reader for the plain shape every iJw message has: an XML declaration, namespaced elements with xmlns
 * attributes, and text with the predefined and numeric character references. It builds the same tree as `parseXml`
 * (saxes) at a fifth of the cost, which matters at a million files. It is deliberately narrow: on anything outside
 * that shape (a DOCTYPE, a comment, CDATA, a processing instruction, a non-ASCII name, any malformation) it returns
 * undefined and the caller parses with saxes, which gives the authoritative verdict and error message. So it can
 * never accept what saxes would refuse; libxml2 then parses every file again for the XSD.
 */
export function parseXmlFast(input: string): XmlElement | undefined {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (illegalChar.test(text)) return undefined;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  let pos = 0;
  if (text.startsWith('<?xml')) {
    declaration.lastIndex = 0;
    if (!declaration.exec(text)) return undefined;
    pos = declaration.lastIndex;
  }
  let line = 1;
  // The next line break not yet counted (text.length when there is none): each break is searched for once, so a
  // file on one line does not rescan the rest of itself at every element.
  let nextBreak = -1;
  const lineAt = (at: number) => {
    if (nextBreak === -1) nextBreak = breakFrom(0);
    while (nextBreak < at) {
      line += 1;
      nextBreak = breakFrom(nextBreak + 1);
    }
    return line;
  };
  const breakFrom = (from: number) => {
    const i = text.indexOf('\n', from);
    return i === -1 ? text.length : i;
  };
  const stack: Array<{ el: XmlElement; qname: string; scope: Scope }> = [];
  let scope: Scope = rootScope;
  let root: XmlElement | undefined;
  let count = 0;
  const names = new Map<string, { name: string; ns: string }>();
  for (;;) {
    const lt = text.indexOf('<', pos);
    const stop = lt === -1 ? text.length : lt;
    if (stop > pos && !isBlank(text, pos, stop)) {
      const top = stack[stack.length - 1];
      const segment = text.slice(pos, stop);
      const decoded = segment.includes('&') ? decode(segment) : segment;
      if (!top || decoded === undefined || segment.includes(']]>')) return undefined;
      if (top.el.children.length === 0) top.el.text += decoded;
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const top = stack.pop();
      if (!top || !text.startsWith(top.qname, lt + 2)) return undefined;
      let at = lt + 2 + top.qname.length;
      while (isSpace(text.charCodeAt(at))) at += 1;
      if (text.charCodeAt(at) !== 0x3e /* > */) return undefined;
      top.el.text = top.el.children.length ? '' : top.el.text.trim();
      if (top.scope !== scope) {
        scope = top.scope;
        names.clear();
      }
      pos = at + 1;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) return undefined;
    if (root && stack.length === 0) return undefined;
    const nameEnd = scanName(text, lt + 1);
    if (nameEnd === -1) return undefined;
    const qname = text.slice(lt + 1, nameEnd);
    let at = nameEnd;
    let own: Map<string, string> | undefined;
    let selfClosing = false;
    const c = text.charCodeAt(at);
    if (c === 0x3e /* > */) {
      at += 1;
    } else if (c === 0x2f /* / */ && text.charCodeAt(at + 1) === 0x3e) {
      at += 2;
      selfClosing = true;
    } else {
      const attributes: string[] = [];
      for (;;) {
        attribute.lastIndex = at;
        const a = attribute.exec(text);
        if (!a) break;
        at = attribute.lastIndex;
        const [, name, v1, v2] = a;
        const value = v1 ?? v2 ?? '';
        // A bounded count keeps the duplicate check linear; more falls through to saxes, which refuses it.
        if (attributes.length >= xmlLimits.maxAttributes || attributes.includes(name!) || /[\t\n]/.test(value))
          return undefined;
        attributes.push(name!);
        if (name === 'xmlns' || name!.startsWith('xmlns:')) {
          const prefix = name === 'xmlns' ? '' : name!.slice(6);
          if (prefix === 'xml' || prefix === 'xmlns' || (prefix && !value)) return undefined;
          own ??= new Map(scope);
          own.set(prefix, value);
        }
      }
      tagEnd.lastIndex = at;
      const end = tagEnd.exec(text);
      if (!end || !attributePrefixesBound(attributes, own ?? scope)) return undefined;
      at = tagEnd.lastIndex;
      selfClosing = end[1] === '/';
    }
    let local = own ? undefined : names.get(qname);
    if (!local) {
      local = localOf(qname, own ?? scope);
      if (!local) return undefined;
      if (!own) names.set(qname, local);
    }
    count += 1;
    if (stack.length >= xmlLimits.maxDepth || count > xmlLimits.maxElements) return undefined;
    const el: XmlElement = { name: local.name, ns: local.ns, children: [], text: '', line: lineAt(at - 1) };
    const parent = stack[stack.length - 1];
    if (parent) {
      if (parent.el.children.length === 0) parent.el.text = '';
      parent.el.children.push(el);
    } else root = el;
    pos = at;
    if (selfClosing) continue;
    stack.push({ el, qname, scope });
    if (own) {
      scope = own;
      names.clear();
    }
  }
  return root && stack.length === 0 ? root : undefined;
}

type Scope = ReadonlyMap<string, string>;
const rootScope: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

// Characters XML 1.0 does not allow, and lone surrogates.
const illegalChar =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const declaration =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/y;
const name = '[A-Za-z_][A-Za-z0-9._-]*';
const attribute = new RegExp(`[ \\t\\n]+(${name}(?::${name})?)[ \\t\\n]*=[ \\t\\n]*(?:"([^"<&]*)"|'([^'<&]*)')`, 'y');
const tagEnd = /[ \t\n]*(\/?)>/y;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/** End of an ASCII qualified name (prefix:local) starting at `from`, or -1. */
function scanName(text: string, from: number): number {
  if (!isNameStart(text.charCodeAt(from))) return -1;
  let i = from + 1;
  while (isNameChar(text.charCodeAt(i))) i += 1;
  if (text.charCodeAt(i) !== 0x3a /* : */) return i;
  if (!isNameStart(text.charCodeAt(i + 1))) return -1;
  i += 2;
  while (isNameChar(text.charCodeAt(i))) i += 1;
  return i;
}

function localOf(qname: string, scope: Scope): { name: string; ns: string } | undefined {
  const colon = qname.indexOf(':');
  if (colon === -1) return { name: qname, ns: scope.get('') ?? '' };
  const prefix = qname.slice(0, colon);
  const ns = prefix === 'xmlns' || prefix === 'xml' ? undefined : scope.get(prefix);
  return ns === undefined ? undefined : { name: qname.slice(colon + 1), ns };
}

/** Prefixed attributes need a bound prefix, and two with the same local name could clash after expansion: refuse. */
function attributePrefixesBound(attributes: string[], scope: Scope): boolean {
  const locals = new Set<string>();
  for (const a of attributes) {
    const colon = a.indexOf(':');
    if (colon === -1 || a.startsWith('xmlns:')) continue;
    const prefix = a.slice(0, colon);
    if (prefix !== 'xml' && !scope.has(prefix)) return false;
    const local = a.slice(colon + 1);
    if (locals.has(local)) return false;
    locals.add(local);
  }
  return true;
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces character and predefined entity references; undefined for anything else. */
function decode(segment: string): string | undefined {
  let out = '';
  let from = 0;
  for (let amp = segment.indexOf('&'); amp !== -1; amp = segment.indexOf('&', from)) {
    const semi = segment.indexOf(';', amp);
    if (semi === -1) return undefined;
    const ref = segment.slice(amp + 1, semi);
    let value: string | undefined;
    if (/^#[0-9]{1,7}$/.test(ref)) value = codePoint(Number(ref.slice(1)));
    else if (/^#x[0-9A-Fa-f]{1,6}$/.test(ref)) value = codePoint(Number.parseInt(ref.slice(2), 16));
    else value = predefined[ref];
    if (value === undefined) return undefined;
    out += segment.slice(from, amp) + value;
    from = semi + 1;
  }
  return out + segment.slice(from);
}

function codePoint(n: number): string | undefined {
  const legal =
    n === 0x9 ||
    n === 0xa ||
    n === 0xd ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd) ||
    (n >= 0x10000 && n <= 0x10ffff);
  return legal ? String.fromCodePoint(n) : undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from './testing/ijw-examples.js';
import { parseXml } from './xml.js';
import { parseXmlFast } from './xml-fast.js';

/** The fast reader must give saxes's tree, or step aside (undefined); it may never accept what saxes refuses. */
function agrees(text: string): 'same' | 'fallback' {
  let expected: unknown;
  try {
    expected = parseXml(text);
  } catch {
    expect(parseXmlFast(text), `accepted what saxes refuses: ${text}`).toBeUndefined();
    return 'fallback';
  }
  const fast = parseXmlFast(text);
  if (fast === undefined) return 'fallback';
  expect(fast).toEqual(expected);
  return 'same';
}

const ns = 'xmlns:a="urn:a" xmlns:b="urn:b"';

describe('the fast XML reader', () => {
  it('reads the official example messages exactly as saxes does', () => {
    for (const f of readdirSync(examplesDir).filter((n) => n.endsWith('.xml'))) {
      expect(agrees(readFileSync(join(examplesDir, f), 'utf8')), f).toBe('same');
    }
  });

  it.each([
    [
      'declaration, namespaces, nested text',
      `<?xml version="1.0" encoding="UTF-8"?>\n<a:R ${ns}>\n\t<a:X>  1 </a:X>\n\t<b:Y><a:Z>z</a:Z></b:Y>\n</a:R>`,
    ],
    [
      'default namespace and redeclaration',
      '<R xmlns="urn:d"><X xmlns="urn:e">1</X><Y>2</Y><p:Z xmlns:p="urn:p" p:at=\'1\'/></R>',
    ],
    ['entities and character references', `<a:R ${ns}><a:X>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</a:X></a:R>`],
    ['CRLF line ends', `<a:R ${ns}>\r\n<a:X>a\r\nb</a:X>\r\n<a:Y>c\rd</a:Y></a:R>`],
    ['byte order mark', `\uFEFF<a:R ${ns}><a:X>1</a:X></a:R>`],
    ['self-closing and empty elements', `<a:R ${ns}><a:X/><a:Y></a:Y><a:Z> </a:Z></a:R>`],
    ['spaces inside tags', `<a:R ${ns} ><a:X >1</a:X ><a:Y\n/></a:R\n>`],
    ['mixed content', `<a:R ${ns}>text<a:X>1</a:X>more</a:R>`],
  ])('agrees with saxes on %s', (_name, text) => {
    expect(agrees(text)).toBe('same');
  });

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
    ['an undefined entity', `<a:R ${ns}><a:X>&nbsp;</a:X></a:R>`],
    ['an unterminated reference', `<a:R ${ns}><a:X>a & b</a:X></a:R>`],
    ['a character reference to NUL', `<a:R ${ns}><a:X>&#0;</a:X></a:R>`],
    ['a control character', `<a:R ${ns}><a:X>\u0001</a:X></a:R>`],
    ['mismatched tags', `<a:R ${ns}><a:X>1</a:Y></a:R>`],
    ['an unbound prefix', '<a:R><a:X>1</a:X></a:R>'],
    ['an unbound attribute prefix', '<R q:at="1"/>'],
    ['a duplicate attribute', '<R x="1" x="2"/>'],
    ['two roots', '<R/><S/>'],
    ['text after the root', '<R/>x'],
    ['an unclosed root', '<R><X>1</X>'],
    ['a comment', '<R><!-- c --><X>1</X></R>'],
    ['CDATA', '<R><X><![CDATA[1]]></X></R>'],
    ['a processing instruction', '<R><?pi x?></R>'],
    [']]> in text', '<R><X>a]]>b</X></R>'],
    ['a non-ASCII name', '<R><Ünïcode>1</Ünïcode></R>'],
    ['a lone surrogate', '<R><X>\uD800</X></R>'],
    ['an attribute without quotes', '<R x=1/>'],
    ['a < in an attribute', '<R x="<"/>'],
    ['xmlns:p with an empty value', '<R xmlns:p=""/>'],
    ['an XML declaration later on', ' <?xml version="1.0"?><R/>'],
    ['version 1.1', '<?xml version="1.1"?><R/>'],
    ['nothing', ''],
  ])('steps aside for %s', (_name, text) => {
    expect(agrees(text)).toBe('fallback');
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'<X>'.repeat(40)}${'</X>'.repeat(40)}`;
    expect(parseXmlFast(deep)).toBeUndefined();
    expect(() => parseXml(deep)).toThrow();
  });
});

import type { XmlElement } from '../xml.js';
import { BASIS_NS } from './types.js';

/** An element of the retour being written: in the retour message's namespace or in the basisschema's. */
export interface OutElement {
  name: string;
  basis: boolean;
  children: OutElement[];
  text: string;
}

/** An element in the retour message's namespace with child elements. */
export function el(name: string, children: OutElement[]): OutElement {
  return { name, basis: false, children, text: '' };
}

/** A leaf element with text; `basis` puts it in the basisschema namespace (ijw:). */
export function leaf(name: string, text: string, basis = false): OutElement {
  return { name, basis, children: [], text };
}

/**
 * A deep copy of a received element with its content unchanged: same children, same order, same values. Elements
 * of the basisschema stay there; all others move to the retour's namespace. `rename` gives the copy a new name
 * (e.g. BerichtIdentificatie → DeclaratieIdentificatie); `visit` may append children (RetourCodes) to each copy.
 */
export function copy(src: XmlElement, rename?: string, visit?: (src: XmlElement, out: OutElement) => void): OutElement {
  const out: OutElement = {
    name: rename ?? src.name,
    basis: src.ns === BASIS_NS,
    children: src.children.map((c) => copy(c, undefined, visit)),
    text: src.children.length ? '' : src.text,
  };
  visit?.(src, out);
  return out;
}

/** The RetourCodes class with one RetourCode per code. */
export function retourCodes(codes: readonly string[]): OutElement {
  return el(
    'RetourCodes',
    codes.map((c) => leaf('RetourCode', c)),
  );
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Serializes a retour: UTF-8 declaration, prefix `jw3xx` for the message namespace and `ijw` for the basisschema. */
export function serialize(root: OutElement, prefix: string, ns: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (e: OutElement, depth: number, attrs: string): void => {
    const tag = `${e.basis ? 'ijw' : prefix}:${e.name}`;
    const indent = '\t'.repeat(depth);
    if (!e.children.length) {
      lines.push(`${indent}<${tag}${attrs}>${escapeText(e.text)}</${tag}>`);
      return;
    }
    lines.push(`${indent}<${tag}${attrs}>`);
    for (const c of e.children) write(c, depth + 1, '');
    lines.push(`${indent}</${tag}>`);
  };
  write(root, 0, ` xmlns:${prefix}="${ns}" xmlns:ijw="${BASIS_NS}"`);
  return `${lines.join('\n')}\n`;
}

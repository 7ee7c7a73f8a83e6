import type { XmlElement } from '../xml.js';
import type { AssignedCodes } from './codes.js';
import { copy, retourCodes, type OutElement } from './out-xml.js';
import { NO_REMARK, NOT_ASSESSED, rejections, type RetourSpec } from './spec.js';

/** The codes a class gets in a retour: its rejections; else 0233 when the caller says "niet beoordeeld"; else 0200. */
export function codesForClass(assigned: AssignedCodes, element: XmlElement): string[] {
  const own = assigned.get(element);
  const rejected = rejections(own);
  if (rejected.length) return rejected;
  return own?.includes(NOT_ASSESSED) ? [NOT_ASSESSED] : [NO_REMARK];
}

/** True when the element or anything under it carries a rejecting code. */
export function hasRejection(element: XmlElement, assigned: AssignedCodes): boolean {
  return rejections(assigned.get(element)).length > 0 || element.children.some((c) => hasRejection(c, assigned));
}

/** Every element of the message that is a class in the retour (by its name path from Bericht). */
function classElements(root: XmlElement, spec: RetourSpec): Set<XmlElement> {
  const classes = new Set(spec.classes);
  const found = new Set<XmlElement>();
  const walk = (e: XmlElement, path: string): void => {
    if (classes.has(path)) found.add(e);
    for (const c of e.children) walk(c, path ? `${path}/${c.name}` : c.name);
  };
  for (const c of root.children) walk(c, c.name);
  return found;
}

/**
 * The content part of JW302/306/308/316/318/320 (IV028, OP065): only a Client (or, for JW320, the Antwoord) in
 * which at least one class was rejected is sent back, and then with ALL its classes copied unchanged from the
 * received message, each followed by RetourCodes: the rejection code(s), 0233 if the caller marked it not assessed,
 * 0200 otherwise. Returns [] when nothing under the header is rejected.
 */
export function echoBody(original: XmlElement, spec: RetourSpec, assigned: AssignedCodes): OutElement[] {
  const classes = classElements(original, spec);
  return original.children
    .filter((c) => c.name === spec.body && hasRejection(c, assigned))
    .map((body) =>
      copy(body, undefined, (src, out) => {
        if (classes.has(src)) out.children.push(retourCodes(codesForClass(assigned, src)));
      }),
    );
}

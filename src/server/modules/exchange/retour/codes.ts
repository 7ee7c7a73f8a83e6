import type { XmlElement } from '../xml.js';
import { allowedRetourCodes } from './schema-info.js';
import type { RetourSpec } from './spec.js';
import { RetourInputError, type HeenType } from './types.js';

interface Step {
  name: string;
  index: number;
}

/** Codes per class element of the received message (Header, Client, ToegewezenProduct, Prestatie …). */
export type AssignedCodes = Map<XmlElement, string[]>;

/**
 * Resolves the caller's path-keyed codes onto the class elements of the received message. Every code must be a
 * value of LDT_RetourCode and every path must exist in the message; otherwise the retour could not be valid or
 * would silently lose a rejection, so a RetourInputError is thrown.
 */
export function assignCodes(
  type: HeenType,
  spec: RetourSpec,
  original: XmlElement,
  codes: Map<string, string[]>,
): AssignedCodes {
  const allowed = allowedRetourCodes();
  const classes = new Set(['Header', ...spec.classes]);
  const out: AssignedCodes = new Map();
  for (const [key, list] of codes) {
    if (!list.length) continue;
    for (const code of list) {
      if (!allowed.has(code))
        throw new RetourInputError(`retourcode '${code}' bij '${key}' komt niet voor in LDT_RetourCode (WJ001)`);
    }
    const target = resolveClass(original, normalize(type, parsePath(key)), classes, key);
    const existing = out.get(target) ?? [];
    for (const code of list) if (!existing.includes(code)) existing.push(code);
    out.set(target, existing);
  }
  return out;
}

function parsePath(key: string): Step[] {
  const steps: Step[] = [];
  for (const part of key.split('/')) {
    if (!part) continue;
    const m = /^([A-Za-z_][\w.-]*)(?:\[(\d+)\])?$/.exec(part.trim());
    const index = m?.[2] === undefined ? 1 : Number(m[2]);
    if (!m?.[1] || index < 1)
      throw new RetourInputError(
        `ongeldig pad '${key}' (verwacht bijv. 'Client/ToegewezenProducten/ToegewezenProduct[2]')`,
      );
    steps.push({ name: m[1], index });
  }
  return steps;
}

/** Drops a leading Bericht step; for JW323 lets 'Clienten/…' and 'Client[n]/…' stand for 'Declaratie/Clienten/…'. */
function normalize(type: HeenType, steps: Step[]): Step[] {
  const rest = steps[0]?.name === 'Bericht' ? steps.slice(1) : steps;
  if (type !== 'JW323') return rest;
  const first = rest[0]?.name;
  if (first === 'Clienten') return [{ name: 'Declaratie', index: 1 }, ...rest];
  if (first === 'Client') return [{ name: 'Declaratie', index: 1 }, { name: 'Clienten', index: 1 }, ...rest];
  return rest;
}

/** Walks the path in the message, then climbs to the nearest element that is a class. Bericht itself → Header. */
function resolveClass(root: XmlElement, steps: Step[], classes: Set<string>, key: string): XmlElement {
  const chain: XmlElement[] = [];
  let cur = root;
  for (const step of steps) {
    const next = cur.children.filter((c) => c.name === step.name)[step.index - 1];
    if (!next) throw new RetourInputError(`pad '${key}' bestaat niet in het ontvangen bericht`);
    chain.push(next);
    cur = next;
  }
  for (let i = chain.length; i > 0; i -= 1) {
    const el = chain[i - 1];
    if (
      el &&
      classes.has(
        chain
          .slice(0, i)
          .map((c) => c.name)
          .join('/'),
      )
    )
      return el;
  }
  if (!chain.length) {
    const header = root.children.find((c) => c.name === 'Header');
    if (header) return header;
  }
  throw new RetourInputError(`pad '${key}' ligt niet in een berichtklasse die retourcodes kan dragen`);
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ijwAllocations, ijwAnswers, ijwClients, ijwDeclarationLines, ijwDeclarations, ijwDeliveries, ijwReceivedRetours, ijwRequests } from '../../db/schema/index.js';
import type { ParsedMessage } from './messages.js';

/** Keys whose trajectories an import changed: allocations, and taakgericht starts keyed on product. */
export interface TouchedKeys { allocations: Set<string>; taak: Set<string> }

export function emptyTouched(): TouchedKeys {
  return { allocations: new Set(), taak: new Set() };
}

/** Writes one accepted message's data in the caller's transaction and notes which trajectories it touches. */
export async function storeMessage(db: Db, fileId: string, message: ParsedMessage, touched: TouchedKeys): Promise<void> {
  const { municipalityCode, providerAgb, messageDate } = message.header;
  const base = { fileId, municipalityCode, providerAgb };
  if ('client' in message) {
    await db.insert(ijwClients).values({ pseudonym: message.client.pseudonym, birthYear: message.client.birthYear })
      .onConflictDoUpdate({ target: ijwClients.pseudonym, set: { birthYear: sql`coalesce(excluded.birth_year, ${ijwClients.birthYear})` } });
  }
  switch (message.type) {
    case 'RETOUR':
      await db.insert(ijwReceivedRetours).values({
        ...base, retourType: message.retourType, originalMessageId: message.header.messageId, retourDate: message.retourDate, codes: message.codes,
      });
      break;
    case 'JW301':
      for (const a of message.allocations) {
        const { path: _path, providerReference: _reference, ...row } = a;
        // A changed allocation (JW317 honoured) keeps the reference of the request that started it, so the trajectory
        // stays linked to its referral.
        await db.insert(ijwAllocations).values({ ...base, ...row, providerReference: a.providerReference, clientPseudonym: message.client.pseudonym })
          .onConflictDoUpdate({ target: [ijwAllocations.municipalityCode, ijwAllocations.allocationNumber], set: { ...row, fileId, providerAgb, clientPseudonym: message.client.pseudonym } });
        touched.allocations.add(`${municipalityCode}|${a.allocationNumber}`);
      }
      break;
    case 'JW305':
    case 'JW307':
      if (message.deliveries.length) {
        await db.insert(ijwDeliveries).values(message.deliveries.map((d) => ({
          ...base, kind: message.type === 'JW305' ? 'start' : 'stop', clientPseudonym: message.client.pseudonym,
          allocationNumber: d.allocationNumber, productCategory: d.productCategory, productCode: d.productCode,
          allocationStartDate: d.allocationStartDate, date: d.date, endDate: d.endDate, endReason: d.endReason,
        })));
      }
      for (const d of message.deliveries) {
        if (d.allocationNumber) touched.allocations.add(`${municipalityCode}|${d.allocationNumber}`);
        else touched.taak.add(`${municipalityCode}|${providerAgb}|${message.client.pseudonym}|${d.productCategory ?? ''}|${d.productCode ?? ''}`);
      }
      break;
    case 'JW315':
    case 'JW317':
      if (message.requests.length) {
        await db.insert(ijwRequests).values(message.requests.map((r) => ({
          ...base, kind: message.type === 'JW315' ? 'toewijzing' : 'wijziging', clientPseudonym: message.client.pseudonym, requestDate: messageDate,
          providerReference: r.providerReference, allocationNumber: r.allocationNumber, productCategory: r.productCategory, productCode: r.productCode,
          requestedStart: r.requestedStart, requestedEnd: r.requestedEnd, volume: r.volume, unit: r.unit, frequency: r.frequency, referrerType: r.referrerType,
        })));
      }
      break;
    case 'JW319':
      await db.insert(ijwAnswers).values({
        ...base, clientPseudonym: '', answerDate: messageDate, requestReference: message.answer.reference,
        honoured: message.answer.answer, refusalReason: message.answer.refusalReason,
      });
      break;
    case 'JW323': {
      const d = message.declaration;
      const [row] = await db.insert(ijwDeclarations).values({
        ...base, declarationNumber: d.number, periodStart: d.periodStart, periodEnd: d.periodEnd, totalCents: d.credit ? -d.totalCents : d.totalCents,
      }).returning({ id: ijwDeclarations.id });
      const lines = message.clients.flatMap((c) => c.lines.map((l) => ({
        declarationId: row!.id, municipalityCode, clientPseudonym: c.pseudonym, allocationNumber: l.allocationNumber,
        productCategory: l.productCategory, productCode: l.productCode, periodStart: l.periodStart, periodEnd: l.periodEnd,
        volume: l.volume, unit: l.unit, tariffCents: l.tariffCents, amountCents: l.credit ? -l.amountCents : l.amountCents,
      })));
      for (let i = 0; i < lines.length; i += 1000) await db.insert(ijwDeclarationLines).values(lines.slice(i, i + 1000));
      for (const l of lines) touched.allocations.add(`${municipalityCode}|${l.allocationNumber}`);
      break;
    }
  }
}

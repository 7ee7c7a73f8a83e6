import type {
  ijwAllocations,
  ijwAnswers,
  ijwDeclarationLines,
  ijwDeclarations,
  ijwDeliveries,
  ijwReceivedRetours,
  ijwRequests,
} from '../../db/schema/index.js';
import type { Column } from './sql-arrays.js';

/** The columns the import's RowSink (store.ts) writes per table, in the order of its array parameters. */

export type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type ClientRow = [pseudonym: string, year: number | null, month: number | null];
export const clientColumns: Array<Column<ClientRow>> = [
  ['pseudonym', 'text', (r) => r[0]],
  ['birth_year', 'integer', (r) => r[1]],
  ['birth_month', 'smallint', (r) => r[2]],
];
export const allocationColumns: Array<Column<Row<typeof ijwAllocations>>> = [
  ['file_id', 'uuid', (r) => r.fileId],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['allocation_number', 'text', (r) => r.allocationNumber],
  ['client_pseudonym', 'text', (r) => r.clientPseudonym],
  ['provider_reference', 'text', (r) => r.providerReference],
  ['product_category', 'text', (r) => r.productCategory],
  ['product_code', 'text', (r) => r.productCode],
  ['allocation_date', 'date', (r) => r.allocationDate],
  ['start_date', 'date', (r) => r.startDate],
  ['end_date', 'date', (r) => r.endDate],
  ['volume', 'integer', (r) => r.volume],
  ['unit', 'text', (r) => r.unit],
  ['frequency', 'text', (r) => r.frequency],
  ['budget_cents', 'bigint', (r) => r.budgetCents],
  ['change_reason', 'text', (r) => r.changeReason],
];
export const allocationUpdates = allocationColumns
  .filter(([c]) => !['municipality_code', 'allocation_number', 'provider_reference'].includes(c))
  .map(([c]) => `${c} = excluded.${c}`)
  .join(', ');
export const deliveryColumns: Array<Column<Row<typeof ijwDeliveries>>> = [
  ['file_id', 'uuid', (r) => r.fileId],
  ['kind', 'text', (r) => r.kind],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['client_pseudonym', 'text', (r) => r.clientPseudonym],
  ['allocation_number', 'text', (r) => r.allocationNumber],
  ['product_category', 'text', (r) => r.productCategory],
  ['product_code', 'text', (r) => r.productCode],
  ['allocation_start_date', 'date', (r) => r.allocationStartDate],
  ['date', 'date', (r) => r.date],
  ['end_date', 'date', (r) => r.endDate],
  ['end_reason', 'text', (r) => r.endReason],
];
export const requestColumns: Array<Column<Row<typeof ijwRequests>>> = [
  ['file_id', 'uuid', (r) => r.fileId],
  ['kind', 'text', (r) => r.kind],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['client_pseudonym', 'text', (r) => r.clientPseudonym],
  ['request_date', 'date', (r) => r.requestDate],
  ['provider_reference', 'text', (r) => r.providerReference],
  ['allocation_number', 'text', (r) => r.allocationNumber],
  ['product_category', 'text', (r) => r.productCategory],
  ['product_code', 'text', (r) => r.productCode],
  ['requested_start', 'date', (r) => r.requestedStart],
  ['requested_end', 'date', (r) => r.requestedEnd],
  ['volume', 'integer', (r) => r.volume],
  ['unit', 'text', (r) => r.unit],
  ['frequency', 'text', (r) => r.frequency],
  ['referrer_type', 'text', (r) => r.referrerType],
];
export const answerColumns: Array<Column<Row<typeof ijwAnswers>>> = [
  ['file_id', 'uuid', (r) => r.fileId],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['client_pseudonym', 'text', (r) => r.clientPseudonym],
  ['answer_date', 'date', (r) => r.answerDate],
  ['request_reference', 'text', (r) => r.requestReference],
  ['honoured', 'text', (r) => r.honoured],
  ['refusal_reason', 'text', (r) => r.refusalReason],
];
export const declarationColumns: Array<Column<Row<typeof ijwDeclarations>>> = [
  ['id', 'uuid', (r) => r.id],
  ['file_id', 'uuid', (r) => r.fileId],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['declaration_number', 'text', (r) => r.declarationNumber],
  ['period_start', 'date', (r) => r.periodStart],
  ['period_end', 'date', (r) => r.periodEnd],
  ['total_cents', 'bigint', (r) => r.totalCents],
];
export const lineColumns: Array<Column<Row<typeof ijwDeclarationLines>>> = [
  ['declaration_id', 'uuid', (r) => r.declarationId],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['client_pseudonym', 'text', (r) => r.clientPseudonym],
  ['allocation_number', 'text', (r) => r.allocationNumber],
  ['product_category', 'text', (r) => r.productCategory],
  ['product_code', 'text', (r) => r.productCode],
  ['period_start', 'date', (r) => r.periodStart],
  ['period_end', 'date', (r) => r.periodEnd],
  ['volume', 'integer', (r) => r.volume],
  ['unit', 'text', (r) => r.unit],
  ['tariff_cents', 'bigint', (r) => r.tariffCents],
  ['amount_cents', 'bigint', (r) => r.amountCents],
];
export const retourColumns: Array<Column<Row<typeof ijwReceivedRetours>>> = [
  ['file_id', 'uuid', (r) => r.fileId],
  ['retour_type', 'text', (r) => r.retourType],
  ['municipality_code', 'text', (r) => r.municipalityCode],
  ['provider_agb', 'text', (r) => r.providerAgb],
  ['original_message_id', 'text', (r) => r.originalMessageId],
  ['retour_date', 'date', (r) => r.retourDate],
  ['codes', 'jsonb', (r) => JSON.stringify(r.codes)],
];

import type { InvalidParam } from '../../lib/api-client';
import { amountToInput, parseAmount } from '../../lib/format';
import { newRowKey } from '../../lib/row-key';
import type { Msg } from '../../i18n';
import type { ExtensionStatus } from '../../../shared/domain';
import type { Contract, ContractCreate, ContractUpdate } from '../../lib/types';

export interface ExtensionDraft {
  key: string;
  newEndDate: string;
  decidedOn: string;
  note: string;
  status: ExtensionStatus;
  decideBy: string;
}

export interface ContractDraft {
  reference: string;
  providerId: string;
  combinationId: string;
  lotId: string;
  startDate: string;
  endDate: string;
  procedure: string;
  fundingVariant: string;
  budgetCeiling: string;
  notes: string;
  extensions: ExtensionDraft[];
}

export const emptyContract: ContractDraft = {
  reference: '',
  providerId: '',
  combinationId: '',
  lotId: '',
  startDate: '',
  endDate: '',
  procedure: '',
  fundingVariant: '',
  budgetCeiling: '',
  notes: '',
  extensions: [],
};

export function newExtension(): ExtensionDraft {
  return { key: newRowKey(), newEndDate: '', decidedOn: '', note: '', status: 'option', decideBy: '' };
}

export function draftFromContract(c: Contract): ContractDraft {
  return {
    reference: c.reference,
    providerId: c.providerId,
    combinationId: c.combinationId ?? '',
    lotId: c.lotId,
    startDate: c.startDate,
    endDate: c.endDate,
    procedure: c.procedure,
    fundingVariant: c.fundingVariant,
    budgetCeiling: amountToInput(c.budgetCeiling),
    notes: c.notes ?? '',
    extensions: c.extensions.map((e) => ({
      key: e.id,
      newEndDate: e.newEndDate,
      decidedOn: e.decidedOn ?? '',
      note: e.note ?? '',
      status: e.status,
      decideBy: e.decideBy ?? '',
    })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Turns the draft into the request body. Only input the API cannot even receive (an amount that is not a
 * number) is refused here; every other rule is the server's, and its messages are shown as they come.
 */
export function toContractBody(
  d: ContractDraft,
  regionId: string,
  amountMessage: string,
): { body: ContractCreate; problems: InvalidParam[] } {
  const budgetCeiling = parseAmount(d.budgetCeiling);
  const problems: InvalidParam[] = Number.isNaN(budgetCeiling)
    ? [{ name: 'budgetCeiling', code: 'client', reason: amountMessage }]
    : [];
  const body = {
    regionId,
    reference: d.reference,
    providerId: d.providerId,
    combinationId: d.combinationId || null,
    lotId: d.lotId,
    startDate: d.startDate,
    endDate: d.endDate,
    procedure: d.procedure as ContractCreate['procedure'],
    fundingVariant: d.fundingVariant as ContractCreate['fundingVariant'],
    budgetCeiling: Number.isNaN(budgetCeiling) ? null : budgetCeiling,
    notes: orNull(d.notes),
    extensions: d.extensions.map((e) => ({
      newEndDate: e.newEndDate,
      decidedOn: e.decidedOn || null,
      note: orNull(e.note),
      status: e.status,
      decideBy: e.decideBy || null,
    })),
  };
  return { body, problems };
}

export function toContractUpdate(body: ContractCreate): ContractUpdate {
  const { regionId: _regionId, ...update } = body;
  return update;
}

export const contractFieldLabels: Record<string, Msg> = {
  regionId: 'Regio',
  reference: 'Kenmerk',
  providerId: 'Aanbieder',
  combinationId: 'Combinatie',
  lotId: 'Perceel',
  startDate: 'Startdatum',
  endDate: 'Einddatum',
  procedure: 'Procedure',
  fundingVariant: 'Uitvoeringsvariant',
  budgetCeiling: 'Budgetplafond (€)',
  notes: 'Toelichting',
  extensions: 'Verlengingen',
  'extensions.item': 'Verlenging',
  'extensions.newEndDate': 'Nieuwe einddatum',
  'extensions.decidedOn': 'Besluitdatum',
  'extensions.note': 'Notitie',
  'extensions.status': 'Status van de verlenging',
  'extensions.decideBy': 'Uiterlijk besluiten op',
};

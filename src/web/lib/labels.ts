import type { Msg } from '../i18n';
import type { ExtensionStatus, StayForm } from '../../shared/domain';
import type { AuditEvent, Contract, FundingVariant, Intensity, Procedure, ProviderDomain, Role } from './types';

/** Display names of the shared enumerations, as dictionary keys so the language switch applies. */

export const roleLabels: Record<Role, Msg> = {
  beheerder: 'Beheerder',
  contractmanager: 'Contractmanager',
  beleid: 'Beleidsmedewerker',
  verwijzer: 'Verwijzer',
  aanbieder: 'Aanbieder',
};

export const domainLabels: Record<ProviderDomain, Msg> = { JO: 'J&O', JGGZ: 'Jeugd-ggz', LVB: 'LVB' };

export const fundingVariantLabels: Record<FundingVariant, Msg> = {
  inspanningsgericht: 'Inspanningsgericht',
  outputgericht: 'Outputgericht',
  taakgericht: 'Taakgericht',
};

export const extensionStatusLabels: Record<ExtensionStatus, Msg> = {
  option: 'Optie, nog te besluiten',
  decided: 'Besloten: verlengd',
  declined: 'Afgewezen: niet verlengd',
};

export const procedureLabels: Record<Procedure, Msg> = {
  'open-house': 'Open house',
  'sas-1': 'SAS 1',
  'sas-2': 'SAS 2',
  'sas-3': 'SAS 3',
  'sas-4': 'SAS 4',
  'europese-aanbesteding': 'Europese aanbesteding',
  'enkelvoudig-onderhands': 'Enkelvoudig onderhands',
};

export const stayFormLabels: Record<StayForm, Msg> = {
  pleegzorg: 'Pleegzorg',
  gezinshuis: 'Gezinshuis',
  residentieel: 'Residentieel',
  gesloten: 'Gesloten (jeugdzorgplus)',
};

export const intensityLabels: Record<Intensity, Msg> = { licht: 'Licht', midden: 'Midden', zwaar: 'Zwaar' };

export const contractStatusLabels: Record<Contract['status'], Msg> = {
  toekomstig: 'Toekomstig',
  lopend: 'Lopend',
  beeindigd: 'Beëindigd',
};

export const tierSchemeLabels: Record<'omvang' | 'rol', Msg> = { omvang: 'Omvang en risico', rol: 'Rol' };

export const auditActionLabels: Record<AuditEvent['action'], Msg> = {
  create: 'Aangemaakt',
  update: 'Gewijzigd',
  delete: 'Verwijderd',
  read: 'Ingezien',
};

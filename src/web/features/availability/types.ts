/** The availability finder's API shapes, straight from the server's schemas (type-only, erased at build time). */
import type { z } from 'zod';
import type { ZEntryWithHistory } from '../../../server/modules/availability/availability.schema';
import type { OfferForm } from '../../../shared/availability';
import type { Msg } from '../../i18n';

export type {
  Compliance,
  ContractedProduct,
  Entry,
  EntryCreate,
  EntryUpdate,
  MeasuredMedianWeeks,
  Offer,
  Settings,
  SettingsUpdate,
} from '../../../server/modules/availability/availability.schema';
export type EntryWithHistory = z.infer<typeof ZEntryWithHistory>;

export const offerFormLabels: Record<OfferForm, Msg> = {
  individueel: 'Individueel',
  groep: 'Groep',
  'e-health': 'E-health',
};

export const eventLabels: Record<'create' | 'update' | 'confirm', Msg> = {
  create: 'Toegevoegd',
  update: 'Bijgewerkt',
  confirm: 'Bevestigd als ongewijzigd',
};

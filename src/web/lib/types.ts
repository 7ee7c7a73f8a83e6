/**
 * The API's shapes. Resource types come straight from the server's zod schemas (type-only imports, erased
 * at build time), so a schema change breaks the UI's type check instead of the UI at run time.
 */
import type { z } from 'zod';
import type { ZMe, ZUser } from '../../server/modules/auth/auth.schema';

export type {
  Provider,
  ProviderCreate,
  ProviderUpdate,
} from '../../server/modules/landscape/providers/providers.schema';
export type {
  Contract,
  ContractCreate,
  ContractUpdate,
} from '../../server/modules/landscape/contracts/contracts.schema';
export type { Product, ProductCreate, ProductUpdate } from '../../server/modules/landscape/products/products.schema';
export type { Budget, BudgetCreate } from '../../server/modules/landscape/budgets/budgets.schema';
export type { Role, ProviderDomain, FundingVariant, Procedure, Intensity } from '../../shared/domain';

export type User = z.infer<typeof ZUser>;
/** The signed-in user, with the regions a keeper of several regions switches between. */
export type CurrentUser = z.infer<typeof ZMe>;

export interface Coded {
  id: string;
  code: string;
  name: string;
  /** Retired: kept in history, left out of choice lists (lib/region.ts: inUse). */
  retired?: boolean;
}

export interface TierLevel extends Coded {
  scheme: 'omvang' | 'rol';
  description: string | null;
  accountMeetingsPerYear: number | null;
  excludesCode: string | null;
}

export interface Region extends Coded {
  municipalities: Array<{ id: string; cbsCode: string; name: string; retired?: boolean }>;
  lots: Coded[];
  budgetLines: Array<Coded & { productCategories?: string[] }>;
  tierLevels: TierLevel[];
}

export interface Combination {
  id: string;
  regionId: string;
  name: string;
  leadProviderId: string;
  /** Its last day, with why; null while it exists. */
  endedOn: string | null;
  endReason: string | null;
  members: Array<{ providerId: string; name: string; agbCode: string; role: 'hoofdaannemer' | 'onderaannemer' }>;
}

export interface CodeList {
  name: string;
  data: Array<{ code: string; name: string }>;
}

export interface AuditEvent {
  id: number;
  at: string;
  userEmail: string;
  /** read: someone opened client-level data (trajectories, a quarantined file, a retour message). */
  action: 'create' | 'update' | 'delete' | 'read';
  entity: string;
  entityId: string;
  /** The object's name when the event was written; null for events about no named object. */
  label: string | null;
  userId: string | null;
  before: unknown;
  after: unknown;
}

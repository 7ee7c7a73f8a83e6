import type { KpiModule } from './kpi-module.js';

/**
 * Cliënttevredenheid (harmonised outcome set 2): the region keeps no experience research yet, so the KPI says it has
 * no data rather than showing a number nobody measured.
 */
export const satisfaction: KpiModule = {
  id: 'satisfaction',
  compute: async () => null,
};

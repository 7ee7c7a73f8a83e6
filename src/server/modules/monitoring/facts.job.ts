import type { JobDefinition } from '../../jobs/runner.js';
import { kpiRefreshJobName, refreshKpiFacts } from './facts.service.js';

/**
 * The KPI facts refresh, off the read path: after each import (requested by importSources), when a read finds the
 * sources changed (master data such as products' lots and contract periods included), every 15 minutes, and at start.
 */
export const kpiRefreshJob: JobDefinition = {
  name: kpiRefreshJobName,
  description: 'De feiten achter de sturingsinformatie bijwerken met de ingelezen berichten en de stamgegevens',
  everyMinutes: 15,
  runAtStart: true,
  // Nationally, after a migration emptied the facts, a refresh took about 12 minutes (docs/decisions.md).
  timeoutMinutes: 120,
  run: async (db) => {
    await refreshKpiFacts(db);
  },
};

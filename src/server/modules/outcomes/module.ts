import type { ServerModule } from '../server-module.js';
import { outcomesRoutes } from './outcomes.routes.js';

/** A quarterly file of a large provider is a few hundred kB; XLSX compresses, so 5 MB leaves room. */
const goalFileMaxBytes = 5 * 1024 * 1024;

export const outcomesModule = {
  name: 'outcomes',
  routes: [outcomesRoutes],
  uploads: [
    {
      method: 'POST',
      path: '/goal-attainments/import',
      maxBytes: goalFileMaxBytes,
      message: 'Een bestand met doelrealisatie mag hoogstens 5 MB zijn; lees een kwartaal per keer in.',
      concurrent: 2,
      busyMessage: 'Er worden al twee bestanden tegelijk ingelezen. Probeer het over een halve minuut opnieuw.',
    },
  ],
  auditEntities: ['goal-attainment', 'goal-attainment-settings'] as const,
} satisfies ServerModule;

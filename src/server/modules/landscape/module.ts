import type { ServerModule } from '../server-module.js';
import { importUploadBytes } from './bulk/import-result.js';
import { landscapeRoutes } from './landscape.routes.js';

const importUpload = (path: string) => ({
  method: 'POST' as const,
  path,
  maxBytes: importUploadBytes,
  message: `Een bestand om in te lezen mag hoogstens ${importUploadBytes / 1024 / 1024} MB zijn.`,
  concurrent: 2,
  busyMessage: 'Er worden al twee bestanden tegelijk ingelezen. Probeer het over een halve minuut opnieuw.',
});

export const landscapeModule = {
  name: 'landscape',
  routes: [landscapeRoutes],
  uploads: [
    importUpload('/products/import'),
    importUpload('/budgets/import'),
    importUpload('/providers/import'),
    importUpload('/contracts/import'),
    importUpload('/municipality-list/import'),
  ],
  auditEntities: [
    'provider',
    'combination',
    'contract',
    'product',
    'budget',
    'budget-realisation',
    'region',
    'municipality',
    'lot',
    'budget-line',
    'tier-level',
    'postcode-centroids',
    'cbs-municipalities',
  ] as const,
} satisfies ServerModule;

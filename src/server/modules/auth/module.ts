import type { ServerModule } from '../server-module.js';
import { accountRoutes } from './account.routes.js';
import { authRoutes } from './auth.routes.js';
import { oidcRoutes } from './oidc.routes.js';

export const authModule = {
  name: 'auth',
  routes: [authRoutes, accountRoutes, oidcRoutes],
  auditEntities: ['user'] as const,
} satisfies ServerModule;

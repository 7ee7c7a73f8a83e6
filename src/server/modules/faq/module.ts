import type { ServerModule } from '../server-module.js';
import { faqRoutes } from './faq.routes.js';

/**
 * Veelgestelde vragen voor aanbieders: the region's questions and answers by theme, searchable, with what is new or
 * changed since the reader's previous visit. Written by the backoffice; read by providers after sign-in.
 */
export const faqModule = {
  name: 'faq',
  routes: [faqRoutes],
  auditEntities: ['faq-entry'] as const,
} satisfies ServerModule;

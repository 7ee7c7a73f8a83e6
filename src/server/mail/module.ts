import type { ServerModule } from '../modules/server-module.js';
import { mailDeliveryJob } from './delivery.js';
import { mailRoutes } from './mail.routes.js';

/** The outbox: modules queue mail (index.ts), the delivery job sends it, the beheerder reads it (GET /mails). */
export const mailModule: ServerModule = { name: 'mail', routes: [mailRoutes], jobs: [mailDeliveryJob] };

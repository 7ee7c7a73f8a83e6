import type { ServerModule } from '../server-module.js';
import { landscapeRoutes } from './landscape.routes.js';

export const landscapeModule: ServerModule = { name: 'landscape', routes: [landscapeRoutes] };

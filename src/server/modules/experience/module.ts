import type { ServerModule } from '../server-module.js';
import { answerRoutes } from './answer.routes.js';
import { experienceRoutes } from './experience.routes.js';
import { resultsRoutes } from './results.routes.js';

/**
 * The Ervaringwijzer (client experience): questionnaires per region and audience, one-time anonymous invitations per
 * provider and product, and answering without an account. Results are for learning, never for purchasing or tiers.
 */
export const experienceModule = {
  name: 'experience',
  routes: [experienceRoutes, resultsRoutes, answerRoutes],
  auditEntities: ['questionnaire', 'invitation-batch', 'open-answer'] as const,
} satisfies ServerModule;

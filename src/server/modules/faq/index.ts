/** The FAQ's public surface, for the demo seed and tests. */
export { createFaqEntry, listFaq, recordFaqVisit, type FaqEntry, type FaqWrite } from './faq.service.js';

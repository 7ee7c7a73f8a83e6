import type { WebFeature } from '../feature';
import { FaqEditPage, FaqNewPage } from './faq-form';
import { FaqPage } from './faq-page';

/** Veelgestelde vragen voor aanbieders: read and searched by providers and staff, written by the backoffice. */
export const faqFeature: WebFeature = {
  id: 'faq',
  routes: [
    { path: 'veelgestelde-vragen', element: <FaqPage />, permission: 'faq.read' },
    { path: 'veelgestelde-vragen/nieuw', element: <FaqNewPage />, permission: 'faq.manage' },
    { path: 'veelgestelde-vragen/:id', element: <FaqEditPage />, permission: 'faq.manage' },
  ],
  menu: [{ section: 'inkoop', label: 'Veelgestelde vragen', path: '/veelgestelde-vragen', permission: 'faq.read' }],
  auditEntities: { 'faq-entry': { label: 'Veelgestelde vraag', path: '/veelgestelde-vragen' } },
};

import type { WebFeature } from '../feature';
import { MailDetailPage } from './mail-detail';
import { OutboxPage } from './outbox-page';

export const mailFeature: WebFeature = {
  id: 'mail',
  routes: [
    { path: 'beheer/postvak-uit', element: <OutboxPage />, permission: 'mail.read' },
    { path: 'beheer/postvak-uit/:id', element: <MailDetailPage />, permission: 'mail.read' },
  ],
  menu: [{ section: 'beheer', label: 'Postvak uit', path: '/beheer/postvak-uit', permission: 'mail.read' }],
};

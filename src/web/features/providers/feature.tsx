import type { WebFeature } from '../feature';
import { ProviderDetailPage } from './provider-detail';
import { ProviderEditPage, ProviderNewPage } from './provider-form';
import { ProviderImportPage } from './provider-import';
import { ProviderListPage } from './provider-list';
import { OwnProviderTile } from './start-tiles';

export const providersFeature: WebFeature = {
  id: 'providers',
  routes: [
    { path: 'aanbieders', element: <ProviderListPage />, permission: 'providers.read' },
    { path: 'aanbieders/nieuw', element: <ProviderNewPage />, permission: 'providers.create' },
    { path: 'aanbieders/inlezen', element: <ProviderImportPage />, permission: 'providers.create' },
    { path: 'aanbieders/:id', element: <ProviderDetailPage />, permission: 'providers.read' },
    { path: 'aanbieders/:id/bewerken', element: <ProviderEditPage />, permission: 'providers.edit' },
  ],
  menu: [{ section: 'landschap', label: 'Aanbieders', path: '/aanbieders', permission: 'providers.read' }],
  tiles: [{ id: 'own-provider', permission: 'providers.edit', component: OwnProviderTile }],
  auditEntities: { provider: { label: 'Aanbieder', path: '/aanbieders' } },
};

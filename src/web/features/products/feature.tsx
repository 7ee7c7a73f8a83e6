import type { WebFeature } from '../feature';
import { ProductDetailPage } from './product-detail';
import { ProductEditPage, ProductNewPage } from './product-form';
import { ProductImportPage } from './product-import';
import { ProductListPage } from './product-list';
import { TariffIndexationPage } from './tariff-indexation';

export const productsFeature: WebFeature = {
  id: 'products',
  routes: [
    { path: 'producten', element: <ProductListPage />, permission: 'products.read' },
    { path: 'producten/nieuw', element: <ProductNewPage />, permission: 'products.edit' },
    { path: 'producten/inlezen', element: <ProductImportPage />, permission: 'products.edit' },
    { path: 'producten/indexatie', element: <TariffIndexationPage />, permission: 'products.edit' },
    { path: 'producten/:id', element: <ProductDetailPage />, permission: 'products.read' },
    { path: 'producten/:id/bewerken', element: <ProductEditPage />, permission: 'products.edit' },
  ],
  menu: [{ section: 'landschap', label: 'Producten', path: '/producten', permission: 'products.read' }],
  auditEntities: { product: { label: 'Product', path: '/producten' } },
};

import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { budgetRoutes } from './budgets/budgets.routes.js';
import { budgetTransferRoutes } from './budgets/budgets-transfer.routes.js';
import { realisationRoutes } from './budgets/realisations.routes.js';
import { codeListRoutes } from './codelists.routes.js';
import { contractTransferRoutes } from './bulk/contracts-transfer.routes.js';
import { listExportRoutes } from './bulk/list-exports.routes.js';
import { combinationRoutes } from './combinations/combinations.routes.js';
import { contractRoutes } from './contracts/contracts.routes.js';
import { postcodeRoutes } from './postcodes/postcodes.routes.js';
import { productRoutes } from './products/products.routes.js';
import { productTransferRoutes } from './products/products-transfer.routes.js';
import { providerRoutes } from './providers/providers.routes.js';
import { cbsListRoutes } from './regions/cbs-list.routes.js';
import { regionEditRoutes } from './regions/region-edit.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { withdrawalRoutes } from './withdrawals/withdrawals.routes.js';

/** The care landscape's master data: one router per resource, mounted together under /api/v1. */
export const landscapeRoutes = new OpenAPIHono<AppEnv>();
landscapeRoutes.route('/', regionRoutes);
landscapeRoutes.route('/', regionEditRoutes);
landscapeRoutes.route('/', cbsListRoutes);
landscapeRoutes.route('/', codeListRoutes);
landscapeRoutes.route('/', listExportRoutes);
landscapeRoutes.route('/', contractTransferRoutes);
landscapeRoutes.route('/', providerRoutes);
landscapeRoutes.route('/', combinationRoutes);
landscapeRoutes.route('/', contractRoutes);
// The spreadsheet routes first: /products/export must not be read as /products/{id}.
landscapeRoutes.route('/', productTransferRoutes);
landscapeRoutes.route('/', productRoutes);
landscapeRoutes.route('/', withdrawalRoutes);
landscapeRoutes.route('/', budgetTransferRoutes);
landscapeRoutes.route('/', budgetRoutes);
landscapeRoutes.route('/', realisationRoutes);
landscapeRoutes.route('/', postcodeRoutes);

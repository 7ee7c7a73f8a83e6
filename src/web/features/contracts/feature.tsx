import type { WebFeature } from '../feature';
import { ContractDetailPage } from './contract-detail';
import { ContractEditPage, ContractNewPage } from './contract-form';
import { ContractImportPage } from './contract-import';
import { ContractListPage } from './contract-list';
import { EndingContractsTile } from './ending-contracts-tile';

export const contractsFeature: WebFeature = {
  id: 'contracts',
  routes: [
    { path: 'contracten', element: <ContractListPage />, permission: 'contracts.read' },
    { path: 'contracten/nieuw', element: <ContractNewPage />, permission: 'contracts.edit' },
    { path: 'contracten/inlezen', element: <ContractImportPage />, permission: 'contracts.edit' },
    { path: 'contracten/:id', element: <ContractDetailPage />, permission: 'contracts.read' },
    { path: 'contracten/:id/bewerken', element: <ContractEditPage />, permission: 'contracts.edit' },
  ],
  menu: [{ section: 'landschap', label: 'Contracten', path: '/contracten', permission: 'contracts.read' }],
  tiles: [{ id: 'ending-contracts', permission: 'contracts.edit', component: EndingContractsTile }],
  auditEntities: { contract: { label: 'Contract', path: '/contracten' } },
};

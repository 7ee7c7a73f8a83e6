import type { WebFeature } from '../feature';
import { HistoryPage } from './history-page';
import { QuarantineFilePage, QuarantinePage } from './quarantine-page';
import { QuarantineTile } from './quarantine-tile';
import { TrajectoryDetailPage } from './trajectory-detail';
import { TrajectoryListPage } from './trajectory-list';
import { UploadPage } from './upload-page';

export const exchangeFeature: WebFeature = {
  id: 'exchange',
  routes: [
    { path: 'berichten', element: <HistoryPage />, permission: 'imports.read' },
    { path: 'berichten/inlezen', element: <UploadPage />, permission: 'imports.create' },
    { path: 'berichten/quarantaine', element: <QuarantinePage />, permission: 'imports.read' },
    { path: 'berichten/quarantaine/:id', element: <QuarantineFilePage />, permission: 'imports.read' },
    { path: 'berichten/bestanden/:id', element: <QuarantineFilePage />, permission: 'imports.read' },
    { path: 'trajecten', element: <TrajectoryListPage />, permission: 'trajectories.read' },
    { path: 'trajecten/:id', element: <TrajectoryDetailPage />, permission: 'trajectories.read' },
  ],
  menu: [
    { section: 'berichten', label: 'Berichten', path: '/berichten', permission: 'imports.read' },
    { section: 'berichten', label: 'Trajecten', path: '/trajecten', permission: 'trajectories.read' },
  ],
  tiles: [{ id: 'quarantine', permission: 'imports.create', component: QuarantineTile }],
  auditEntities: {
    'ijw-file': { label: 'iJw-bestand' },
    'ijw-retour': { label: 'Retourbericht' },
    trajectories: { label: 'Trajecten' },
  },
};

/** The public surface of the iJw exchange: importing message files, the demo messages, and the retour messages out. */
export { seedDemoMessages } from './demo-messages.js';
export { exportRetourMessages } from './exchange.service.js';
export {
  defaultBatchSize,
  importSources,
  stopCheckWorkers,
  warmUpCheckWorkers,
  type FileResult,
  type ImportSummary,
} from './import.service.js';
export { countEndedYouths } from './ended-youths.js';
export { readSources, type ImportSource } from './sources.js';
export { schemaDir } from './xsd.js';
export { endedAllocations, findAllocations, type AllocationState } from './allocations.js';
export { getTrajectoryDetail, type TrajectoryMessage, type TrajectoryMonth } from './trajectory-detail.js';

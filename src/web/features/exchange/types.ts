/**
 * The exchange API's shapes, taken from the server's own code (type-only imports, erased at build time), so a
 * change there breaks the UI's type check rather than the UI.
 */
import type { FileResult } from '../../../server/modules/exchange/import.service';
import type { listImportedFiles, searchTrajectories } from '../../../server/modules/exchange/exchange.service';
import type { ReasonGroup as ServerReasonGroup } from '../../../server/modules/exchange/quarantine.service';
import type { getTrajectoryDetail } from '../../../server/modules/exchange/trajectory-detail';

export type ImportFileResult = FileResult;
export type ImportStatus = FileResult['status'];
export type Reason = FileResult['reasons'][number];
export type ImportedFile = Awaited<ReturnType<typeof listImportedFiles>>['items'][number];
export type ReasonGroup = ServerReasonGroup;
export type Trajectory = Awaited<ReturnType<typeof searchTrajectories>>['items'][number];
export type TrajectoryDetail = Awaited<ReturnType<typeof getTrajectoryDetail>>;

export interface ImportResponse {
  results: ImportFileResult[];
  summary: { accepted: number; duplicate: number; rejected: number; records: number };
}

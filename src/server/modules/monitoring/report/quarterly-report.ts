import type { Db } from '../../../db/client.js';
import { reportFileName } from './quarter.js';
import { buildQuarterlyReportData, type BuildQuarterlyReportOptions, type QuarterlyReportData } from './report-data.js';
import { renderReportDocument } from './report-document.js';

export interface QuarterlyReport {
  fileName: string;
  pdf: Buffer;
}

/** Renders gathered report data to PDF; split from the gathering so layout can be tested without a database. */
export async function renderQuarterlyReport(data: QuarterlyReportData): Promise<QuarterlyReport> {
  return {
    fileName: reportFileName(data.region.code, data.quarter, data.provider?.agb),
    pdf: await renderReportDocument(data),
  };
}

/** The quarterly report of a region, or of one provider in it, made on demand (route) or by the CLI. */
export async function createQuarterlyReport(db: Db, options: BuildQuarterlyReportOptions): Promise<QuarterlyReport> {
  return renderQuarterlyReport(await buildQuarterlyReportData(db, options));
}

export { parseQuarter, quarterPattern, quarterReason, reportFileName } from './quarter.js';
export { createQuarterlyReport, renderQuarterlyReport, type QuarterlyReport } from './quarterly-report.js';
export { buildQuarterlyReportData, type BuildQuarterlyReportOptions, type QuarterlyReportData } from './report-data.js';

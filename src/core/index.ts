// The engine's public API. Pure: no Office, DOM, fs or console.
// The workbook as cells (grid/), what a check gives (report/), and the check's options and result.
export * from './grid/grid';
export { isPercentFormat } from './grid/numbers';
export * from './report/issue';
export * from './api-types';
// The pipeline: analyze (grid → layout → recognize → tables → relations), checkWorkbook (rules →
// report), planFill (fill/); an Engine carries what a batch of checks reuses.
export { analyze, checkWorkbook, type Analysis } from './check';
export { planFill } from './fill/fill';
export { Engine, type EngineOptions, type RecognitionTrace } from './engine';
// The report's messages and schema.
export { renderMessage, renderSummary } from './report/messages/render';
export { ReportSchema, FileReportSchema } from './report/report-schema';
export type { Report, FileReport } from './report/report-schema';

// The engine's public API. Pure: no Office, DOM, fs or console.
export * from './grid/grid';
export * from './report/issue';
export * from './api-types';
export { analyze, checkWorkbook, type Analysis } from './check';
export { planFill } from './fill/fill';
export { Engine, type EngineOptions, type RecognitionTrace } from './engine';
export { isPercentFormat } from './grid/numbers';
export { renderMessage, renderSummary } from './report/messages/render';
export { ReportSchema, FileReportSchema } from './report/report-schema';
export type { Report, FileReport } from './report/report-schema';

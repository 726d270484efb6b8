// The engine's public API. Pure: no Office, DOM, fs or console.
export * from './grid';
export * from './issue';
export * from './api-types';
export { analyze, checkWorkbook, type Analysis } from './check';
export { planFill } from './fill';
export { Engine, type EngineOptions, type RecognitionTrace } from './engine';
export { isPercentFormat } from './numbers';
export { renderMessage, renderSummary } from './messages/render';
export { ReportSchema, FileReportSchema } from './report-schema';
export type { Report, FileReport } from './report-schema';

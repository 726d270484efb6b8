// The JSON report of the CLI, defined once; the CLI's output is validated against it in tests.
import { z } from 'zod';
import { CellRefSchema, COMPARE_RULE_IDS, FixSchema, RULE_IDS, SeveritySchema } from './issue';

export const TableSchema = z.object({
  id: z.string().regex(/^[a-z-]+#\d+$/),
  kind: z.string(),
  sheet: z.string(),
  range: z.string().regex(/^[A-Z]+\d+(:[A-Z]+\d+)?$/),
  year: z.number().int().optional(),
  title: z.string().optional(),
  /** Relations checked in the table; 0: nothing checkable. */
  relations: z.number().int().nonnegative(),
});

export const IssueSchema = z.object({
  rule: z.enum([...RULE_IDS, ...COMPARE_RULE_IDS]),
  severity: SeveritySchema,
  table: z.string().optional(),
  cells: z.array(CellRefSchema).min(1),
  expected: z.number().optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  message: z.string().min(1),
  fix: FixSchema.optional(),
});

export const SummarySchema = z.object({
  table: z.string(),
  kind: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** `compare`: last year's workbook and each of its tables with this year's counterpart (its id), if any. */
export const ComparedSchema = z.object({
  file: z.string(),
  tables: z.array(z.object({ last: z.object({ id: z.string(), sheet: z.string(), range: z.string() }), current: z.string().optional() })),
});

/** `merge`: per input, tables matched and cells summed; everything of an input no summary cell holds, with the reason. */
export const MergedSchema = z.object({
  inputs: z.array(z.object({ file: z.string(), tables: z.number().int(), matched: z.number().int(), cells: z.number().int() })),
  unmerged: z.array(
    z.object({
      file: z.string(),
      sheet: z.string(),
      address: z.string(),
      table: z.string(),
      what: z.string(),
      reason: z.enum(['no-table', 'no-label', 'other-year', 'not-a-number', 'not-recomputed']),
    }),
  ),
});

export const FileReportSchema = z.object({
  file: z.string(),
  error: z.string().optional(),
  tables: z.array(TableSchema),
  issues: z.array(IssueSchema),
  summaries: z.array(SummarySchema).optional(),
  compared: ComparedSchema.optional(),
  merged: MergedSchema.optional(),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  files: z.array(FileReportSchema),
});

export type Report = z.infer<typeof ReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type TableReport = z.infer<typeof TableSchema>;
export type IssueReport = z.infer<typeof IssueSchema>;

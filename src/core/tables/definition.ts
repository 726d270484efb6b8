// Declarative table definitions, validated by zod. The engine reads these; it never branches on a kind id.
import { z } from 'zod';

const Words = z.object({ ru: z.string(), en: z.string() });

/**
 * A member of a dimension. Each label alternative is a path: parts separated by ` > ` must match
 * header texts from outer to inner (`высшее > всего`).
 */
const Member = z.object({
  id: z.string(),
  labels: z.array(z.string()).min(1),
  /** `exact` labels must equal the whole cell text (after normalization). */
  mode: z.enum(['exact', 'phrase', 'prefix']).default('phrase'),
  words: Words,
});

const MembersDim = z.object({
  id: z.string(),
  type: z.literal('members'),
  members: z.array(Member).min(1),
  /** Members that must be found for the table to be recognized. */
  required: z.array(z.string()).default([]),
  /** At least this many distinct members must be found. */
  minFound: z.number().int().default(1),
  /** Unknown labelled rows/columns holding numbers count as extra members (e.g. withdrawal reasons). */
  open: z.boolean().default(false),
});

const YearDim = z.object({
  id: z.literal('year'),
  type: z.literal('year'),
  optional: z.boolean().default(false),
});

/** An open list of labelled rows (libraries), with a total row. */
const EntitiesDim = z.object({
  id: z.string(),
  type: z.literal('entities'),
  totalLabels: z.array(z.string()),
  /** Indented or `в том числе` / `из них` rows are parts of the row above them. */
  nested: z.boolean().default(false),
  words: Words,
});

/** Columns whose header states their points (`(0,5 балла)`), plus a row-sum column. */
const ScoredDim = z.object({
  id: z.string(),
  type: z.literal('scored'),
  sumLabels: z.array(z.string()),
  minColumns: z.number().int().default(5),
  words: Words,
});

export const DimSchema = z.discriminatedUnion('type', [MembersDim, YearDim, EntitiesDim, ScoredDim]);

/** Sum over parts along one dimension; `rest` = every other member of it. */
const SumRelation = z.object({
  type: z.literal('sum'),
  dim: z.string(),
  total: z.string(),
  parts: z.union([z.array(z.string()), z.literal('rest')]),
  /** Exhaustive (`в том числе`): total = sum, and the total is a computed cell. Partial (`из них`): sum ≤ total. */
  exhaustive: z.boolean(),
});

/** target = Σ plus − Σ minus along one dimension (the fund balance). */
const LinearRelation = z.object({
  type: z.literal('linear'),
  rule: z.enum(['balance-mismatch', 'delta-mismatch']).default('balance-mismatch'),
  dim: z.string(),
  target: z.string(),
  plus: z.array(z.string()),
  minus: z.array(z.string()),
});

/** A subset never exceeds its set (библиотечное ≤ высшее). */
const SubsetRelation = z.object({
  type: z.literal('subset'),
  dim: z.string(),
  sub: z.string(),
  sup: z.string(),
});

/** Cells of a scored dimension hold 0 or the column's points. */
const ScoresRelation = z.object({ type: z.literal('scores'), dim: z.string() });

export const RelationSchema = z.discriminatedUnion('type', [SumRelation, LinearRelation, SubsetRelation, ScoresRelation]);

/** Selects one value of a table: member ids per dimension; `*` sums every non-total member. */
const Selector = z.record(z.string(), z.string());

/** The same quantity in another table (per year, in the reporting year). */
const LinkSchema = z.object({
  other: z.string(),
  here: Selector,
  /** Values of the other table summed. */
  there: z.array(Selector).min(1),
  /** Whose cell is primary: `here` (this table's) by default. */
  primary: z.enum(['here', 'there']).default('here'),
  /** Compare with the other table's year plus this offset (−1: start of year = previous year's end). */
  yearOffset: z.number().int().default(0),
});

/** One value of another table, for a given year (offset), or the first of several alternatives that exists. */
const SourceSchema = z.object({ kind: z.string(), select: Selector, yearOffset: z.number().int().default(0) });

/**
 * An indicator of this table recomputed from other tables of the same year:
 * here = (Σ sign × num) / den × factor, each num and den the first alternative source found.
 */
const DerivedSchema = z.object({
  here: Selector,
  num: z.array(z.object({ sign: z.union([z.literal(1), z.literal(-1)]).default(1), from: z.array(SourceSchema).min(1) })).min(1),
  den: z.array(SourceSchema).min(1),
  factor: z.number().default(1),
});

const SummarySchema = z.object({
  type: z.literal('threshold-share'),
  /** Dimension of the rows counted (libraries). */
  dim: z.string(),
  /** The value compared with the threshold, e.g. `{ criterion: 'sum' }`. */
  value: Selector,
  max: z.number(),
});

export const DefinitionSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z-]*$/),
  title: Words,
  /** count: whole, non-negative; score: non-negative; amount: any number. */
  valueType: z.enum(['count', 'score', 'amount']),
  dims: z.array(DimSchema).min(1),
  relations: z.array(RelationSchema).default([]),
  links: z.array(LinkSchema).default([]),
  derived: z.array(DerivedSchema).default([]),
  /** A `+/-` row or column holds the change from the earliest to the latest year. */
  deltaColumn: z.boolean().default(false),
  /** Copies of this kind in one workbook must agree cell by cell. */
  copiesAgree: z.boolean().default(true),
  /**
   * Word starts, one of which the table's headers or the lines just above it must contain
   * (a plan-and-achievement table is the visits plan only when it speaks of visits).
   */
  context: z.array(z.string()).default([]),
  /**
   * Word starts which, in the table's title (the lines just above it) or its corner, say it is not
   * this kind though its labels match (receipts of the legal deposit, `ОЭД`, are not the fund's).
   */
  notIn: z.array(z.string()).default([]),
  summary: SummarySchema.optional(),
  /**
   * `table`: the kind only names the table; its relations and value types are read by the table
   * layer from its own labels and numbers (a dynamics table's blocks, `+/-` and `%` in any order).
   */
  layer: z.enum(['own', 'table']).default('own'),
});

export type Definition = z.infer<typeof DefinitionSchema>;
export type DefinitionInput = z.input<typeof DefinitionSchema>;
export type Dim = z.infer<typeof DimSchema>;
export type MembersDimT = z.infer<typeof MembersDim>;
export type MemberT = z.infer<typeof Member>;
export type Relation = z.infer<typeof RelationSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Derived = z.infer<typeof DerivedSchema>;
export type Source = z.infer<typeof SourceSchema>;

/** Validates a definition module's export; throws a named error on a malformed definition (misuse, not data). */
export function defineTable(input: DefinitionInput): Definition {
  const r = DefinitionSchema.safeParse(input);
  if (!r.success) throw new Error(`Invalid table definition ${String((input as { kind?: string }).kind)}: ${r.error.message}`);
  return r.data;
}

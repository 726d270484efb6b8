// The explicit, alphabetized registry of rules passed to the engine.
import { balanceMismatch, deltaMismatch, partsExceedTotal, ratioMismatch, subsetExceeds, sumMismatch } from './arithmetic';
import { dashAsZero, negativeValue, nonIntegerCount, notANumber, numberAsText, scoreInvalid } from './cell-rules';
import { crossTableMismatch } from './cross-table';
import { missingValue } from './missing-value';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  balanceMismatch,
  crossTableMismatch,
  dashAsZero,
  deltaMismatch,
  missingValue,
  negativeValue,
  nonIntegerCount,
  notANumber,
  numberAsText,
  partsExceedTotal,
  ratioMismatch,
  scoreInvalid,
  subsetExceeds,
  sumMismatch,
];
